package org.corridor.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.ledger.LedgerScenario.ALICE;
import static org.corridor.core.ledger.LedgerScenario.BOB;
import static org.corridor.core.ledger.LedgerScenario.DOLLARS;
import static org.corridor.core.ledger.LedgerScenario.PAYMENT;
import static org.corridor.core.ledger.LedgerScenario.WALLET_CODE;
import static org.corridor.core.ledger.TransferCommand.pending;
import static org.corridor.core.ledger.TransferCommand.post;
import static org.corridor.core.ledger.TransferCommand.transfer;
import static org.corridor.core.ledger.TransferCommand.voiding;

import org.corridor.core.Id128;
import org.junit.jupiter.api.Test;

/**
 * The audit passes on a ledger built by commands and on a sound restored one, and names the account when a
 * restored balance disagrees with the transfers, as a tampered or half-written store would.
 */
class LedgerAuditTest {
    private static final long AT = LedgerScenario.START_NANOS;

    private static Account stored(Id128 id, int flags, long debitsPending, long debitsPosted, long creditsPending,
            long creditsPosted) {
        return new Account(id, Id128.ZERO, DOLLARS, WALLET_CODE, flags, debitsPending, debitsPosted, creditsPending,
                creditsPosted, AT);
    }

    private static Transfer storedTransfer(long id, long amount, int flags) {
        return new Transfer(Id128.of(id), ALICE, BOB, amount, Id128.ZERO, Id128.ZERO, 0, DOLLARS, PAYMENT, flags,
                AT + id);
    }

    /** Alice paid Bob 30 and reserves 5 more for him; a second reservation of 7 was voided. */
    private static LedgerStateMachine restored(long alicePostedDebits) {
        LedgerStateMachine machine = new LedgerStateMachine();
        machine.restoreAccount(stored(ALICE, 0, 5, alicePostedDebits, 0, 0));
        machine.restoreAccount(stored(BOB, 0, 0, 0, 5, 30));
        machine.restoreTransfer(storedTransfer(1, 30, 0), null);
        machine.restoreTransfer(storedTransfer(2, 5, TransferFlags.PENDING), PendingStatus.PENDING);
        machine.restoreTransfer(storedTransfer(3, 7, TransferFlags.PENDING), PendingStatus.VOIDED);
        machine.restoreTransfer(new Transfer(Id128.of(4), ALICE, BOB, 7, Id128.of(3), Id128.ZERO, 0, DOLLARS,
                PAYMENT, TransferFlags.VOID_PENDING, AT + 4), null);
        return machine;
    }

    @Test
    void aLedgerBuiltByCommandsIsSound() {
        LedgerScenario ledger = new LedgerScenario();
        ledger.createTransfers(transfer(1), pending(2), pending(3).timeout(1), pending(4), post(5, 2).amount(3),
                voiding(6, 4), transfer(7).credit(LedgerScenario.WALLET).amount(50),
                transfer(8).debit(LedgerScenario.WALLET).credit(LedgerScenario.STATEMENT).amount(20));
        ledger.advanceSeconds(2);
        ledger.tick();

        assertThat(LedgerAudit.violations(ledger.machine())).isEmpty();
    }

    @Test
    void aSoundLedgerWhoseTotalsPassALongPasses() {
        LedgerScenario ledger = new LedgerScenario();
        ledger.createTransfers(transfer(1).amount(Long.MAX_VALUE),
                transfer(2).debit(LedgerScenario.CAROL).credit(LedgerScenario.STATEMENT).amount(Long.MAX_VALUE));

        assertThat(LedgerAudit.violations(ledger.machine())).isEmpty();
    }

    @Test
    void aSoundRestoredLedgerPasses() {
        assertThat(LedgerAudit.violations(restored(30))).isEmpty();
    }

    @Test
    void aTamperedBalanceIsCaughtAndNamesTheAccount() {
        LedgerStateMachine machine = restored(31);

        assertThat(LedgerAudit.violations(machine))
                .anySatisfy(violation -> assertThat(violation).contains("account " + ALICE).contains("[5, 31, 0, 0]")
                        .contains("[5, 30, 0, 0]"))
                .anySatisfy(violation -> assertThat(violation).contains("posted debits 31 != posted credits 30"));
    }

    @Test
    void aWalletPastItsLimitIsCaught() {
        LedgerStateMachine machine = new LedgerStateMachine();
        machine.restoreAccount(stored(ALICE, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, 0, 30, 0, 0));
        machine.restoreAccount(stored(BOB, 0, 0, 0, 0, 30));
        machine.restoreTransfer(storedTransfer(1, 30, 0), null);

        assertThat(LedgerAudit.violations(machine))
                .containsExactly("account " + ALICE + " has debits beyond its credits");
    }

    @Test
    void aTransferToAnAccountTheStoreLostIsCaught() {
        LedgerStateMachine machine = new LedgerStateMachine();
        machine.restoreAccount(stored(ALICE, 0, 0, 0, 0, 0));
        machine.restoreAccount(stored(BOB, 0, 0, 0, 0, 0));

        machine.restoreTransfer(storedTransfer(1, 30, 0), null);

        assertThat(LedgerAudit.violations(machine)).hasSize(2)
                .allSatisfy(violation -> assertThat(violation).contains("but its transfers sum to"));
    }
}
