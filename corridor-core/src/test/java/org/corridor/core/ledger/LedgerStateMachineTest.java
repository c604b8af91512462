package org.corridor.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.ledger.CreateTransferResult.*;
import static org.corridor.core.ledger.LedgerScenario.ALICE;
import static org.corridor.core.ledger.LedgerScenario.BOB;
import static org.corridor.core.ledger.LedgerScenario.CAROL;
import static org.corridor.core.ledger.LedgerScenario.CREDIT_LINE;
import static org.corridor.core.ledger.LedgerScenario.NANOS_PER_SECOND;
import static org.corridor.core.ledger.LedgerScenario.STATEMENT;
import static org.corridor.core.ledger.LedgerScenario.UNKNOWN;
import static org.corridor.core.ledger.LedgerScenario.WALLET;
import static org.corridor.core.ledger.TransferCommand.pending;
import static org.corridor.core.ledger.TransferCommand.post;
import static org.corridor.core.ledger.TransferCommand.transfer;
import static org.corridor.core.ledger.TransferCommand.voiding;

import java.util.List;
import org.corridor.core.Id128;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Focused behaviour of {@link LedgerStateMachine}, one concern per nested class. */
class LedgerStateMachineTest {
    private final LedgerScenario ledger = new LedgerScenario();

    /** Alice's and Bob's balances as {debitsPending, debitsPosted, creditsPending, creditsPosted}. */
    private long[] balances(Id128 id) {
        Account account = ledger.account(id);
        return new long[] {account.debitsPending(), account.debitsPosted(), account.creditsPending(),
                account.creditsPosted()};
    }

    private void fundWallet(long amount) {
        assertThat(ledger.createTransfer(transfer(900).credit(WALLET).amount(amount))).isEqualTo(OK);
    }

    @Nested
    class TwoPhase {
        @Test
        void aReservationHoldsTheAmountAsPending() {
            assertThat(ledger.createTransfer(pending(1))).isEqualTo(OK);

            assertThat(balances(ALICE)).containsExactly(10, 0, 0, 0);
            assertThat(balances(BOB)).containsExactly(0, 0, 10, 0);
            assertThat(ledger.status(1)).isEqualTo(PendingStatus.PENDING);
        }

        @Test
        void aPostOfAmountZeroPostsTheWholeReservation() {
            ledger.createTransfer(pending(1));

            assertThat(ledger.createTransfer(post(2, 1))).isEqualTo(OK);

            assertThat(balances(ALICE)).containsExactly(0, 10, 0, 0);
            assertThat(balances(BOB)).containsExactly(0, 0, 0, 10);
            assertThat(ledger.status(1)).isEqualTo(PendingStatus.POSTED);
            Transfer stored = ledger.stored(2);
            assertThat(stored.amount()).isEqualTo(10);
            assertThat(stored.debitAccountId()).isEqualTo(ALICE);
            assertThat(stored.creditAccountId()).isEqualTo(BOB);
            assertThat(stored.ledger()).isEqualTo(LedgerScenario.DOLLARS);
            assertThat(stored.code()).isEqualTo(LedgerScenario.PAYMENT);
        }

        @Test
        void aPartialPostPostsThePartAndReleasesTheRest() {
            ledger.createTransfer(pending(1));

            assertThat(ledger.createTransfer(post(2, 1).amount(4))).isEqualTo(OK);

            assertThat(balances(ALICE)).containsExactly(0, 4, 0, 0);
            assertThat(balances(BOB)).containsExactly(0, 0, 0, 4);
            assertThat(ledger.stored(2).amount()).isEqualTo(4);
        }

        @Test
        void aPostMayRepeatThePendingTransfersFields() {
            ledger.createTransfer(pending(1));

            TransferCommand explicit = post(2, 1).debit(ALICE).credit(BOB).amount(10).ledger(LedgerScenario.DOLLARS)
                    .code(LedgerScenario.PAYMENT);
            assertThat(ledger.createTransfer(explicit)).isEqualTo(OK);
            assertThat(ledger.createTransfer(post(2, 1))).as("the same post, fields left to the reservation")
                    .isEqualTo(EXISTS);
        }

        @Test
        void aVoidReleasesTheReservationAndMovesNothing() {
            ledger.createTransfer(pending(1));

            assertThat(ledger.createTransfer(voiding(2, 1))).isEqualTo(OK);

            assertThat(balances(ALICE)).containsExactly(0, 0, 0, 0);
            assertThat(balances(BOB)).containsExactly(0, 0, 0, 0);
            assertThat(ledger.status(1)).isEqualTo(PendingStatus.VOIDED);
            assertThat(ledger.stored(2).amount()).as("a void records the amount it released").isEqualTo(10);
        }

        @Test
        void aReservationFromAWalletCountsAgainstItsCredits() {
            fundWallet(10);
            assertThat(ledger.createTransfer(pending(1).debit(WALLET).amount(8))).isEqualTo(OK);

            assertThat(ledger.createTransfer(transfer(2).debit(WALLET).amount(3))).isEqualTo(EXCEEDS_CREDITS);
            assertThat(ledger.createTransfer(post(3, 1))).as("posting needs no new headroom").isEqualTo(OK);
            assertThat(balances(WALLET)).containsExactly(0, 8, 0, 10);
        }
    }

    @Nested
    class Expiry {
        @Test
        void aReservationExpiresWhenABatchOpensAtOrAfterItsTimeout() {
            ledger.createTransfer(pending(1).timeout(2));
            long expiresAt = ledger.stored(1).timestamp() + 2 * NANOS_PER_SECOND;

            ledger.setClock(expiresAt - 1);
            assertThat(ledger.tick().pendingResolutions()).isEmpty();
            assertThat(ledger.status(1)).isEqualTo(PendingStatus.PENDING);

            ledger.setClock(expiresAt);
            LedgerChanges changes = ledger.tick();

            assertThat(changes.pendingResolutions())
                    .containsExactly(new PendingResolution(Id128.of(1), PendingStatus.EXPIRED));
            assertThat(ledger.status(1)).isEqualTo(PendingStatus.EXPIRED);
            assertThat(balances(ALICE)).containsExactly(0, 0, 0, 0);
            assertThat(balances(BOB)).containsExactly(0, 0, 0, 0);
            assertThat(changes.accountsUpdated()).extracting(Account::id).containsExactlyInAnyOrder(ALICE, BOB);
        }

        @Test
        void aPostThatWouldBeStampedAtTheTimeoutIsTooLateEvenBeforeTheBatchExpiresIt() {
            ledger.createTransfers(pending(1).timeout(1), pending(2).timeout(1));
            long expiresAt = ledger.stored(1).timestamp() + NANOS_PER_SECOND;
            ledger.setClock(expiresAt - 1);

            // The payment is stamped one nanosecond before the timeout, the first post at it.
            List<CreateTransferResult> results = ledger.createTransfers(transfer(3), post(4, 1), post(5, 2));

            assertThat(results).containsExactly(OK, PENDING_TRANSFER_EXPIRED, OK);
            assertThat(ledger.status(1)).as("expired only when a batch opens at or after the timeout")
                    .isEqualTo(PendingStatus.PENDING);
            ledger.setClock(expiresAt);
            assertThat(ledger.tick().pendingResolutions())
                    .containsExactly(new PendingResolution(Id128.of(1), PendingStatus.EXPIRED));
        }

        @Test
        void anExpiredReservationCannotBePostedOrVoided() {
            ledger.createTransfer(pending(1).timeout(1));
            ledger.advanceSeconds(5);

            assertThat(ledger.createTransfer(post(2, 1))).isEqualTo(PENDING_TRANSFER_EXPIRED);
            assertThat(ledger.createTransfer(voiding(3, 1))).isEqualTo(PENDING_TRANSFER_EXPIRED);
        }

        @Test
        void aReservationWithoutTimeoutNeverExpires() {
            ledger.createTransfer(pending(1));
            ledger.setClock(Long.MAX_VALUE - 1);
            ledger.tick();

            assertThat(ledger.status(1)).isEqualTo(PendingStatus.PENDING);
            assertThat(ledger.createTransfer(post(2, 1))).isEqualTo(OK);
        }

        @Test
        void aPostOrVoidStopsTheTimeout() {
            ledger.createTransfers(pending(1).timeout(1), pending(2).timeout(1));
            ledger.createTransfers(post(3, 1), voiding(4, 2));
            ledger.advanceSeconds(5);

            assertThat(ledger.tick().pendingResolutions()).isEmpty();
            assertThat(balances(ALICE)).containsExactly(0, 10, 0, 0);
        }
    }

    @Nested
    class ResolvesAtMostOnce {
        @Test
        void aSecondPostOrVoidIsRefused() {
            ledger.createTransfers(pending(1), post(2, 1));

            assertThat(ledger.createTransfer(post(3, 1))).isEqualTo(PENDING_TRANSFER_ALREADY_POSTED);
            assertThat(ledger.createTransfer(voiding(4, 1))).isEqualTo(PENDING_TRANSFER_ALREADY_POSTED);
            assertThat(balances(ALICE)).containsExactly(0, 10, 0, 0);
        }

        @Test
        void aPostAfterAVoidIsRefused() {
            ledger.createTransfers(pending(1), voiding(2, 1));

            assertThat(ledger.createTransfer(post(3, 1))).isEqualTo(PENDING_TRANSFER_ALREADY_VOIDED);
        }

        @Test
        void twoResolutionsInOneCommandResolveOnce() {
            ledger.createTransfer(pending(1));

            assertThat(ledger.createTransfers(post(2, 1).amount(3), post(3, 1), voiding(4, 1)))
                    .containsExactly(OK, PENDING_TRANSFER_ALREADY_POSTED, PENDING_TRANSFER_ALREADY_POSTED);
            assertThat(balances(ALICE)).containsExactly(0, 3, 0, 0);
            assertThat(ledger.lastChanges().pendingResolutions()).hasSize(1);
        }
    }

    @Nested
    class LinkedChainsAreAllOrNothing {
        @Test
        void aFailedChainRestoresBalancesExactlyAndLeavesNoChanges() {
            fundWallet(50);
            ledger.createTransfer(pending(1).timeout(10));
            List<Account> before = ledger.machine().accounts();
            long lastTimestamp = ledger.machine().lastTimestamp();
            int transfers = ledger.machine().transferCount();

            List<CreateTransferResult> results = ledger.createTransfers(
                    transfer(2).debit(WALLET).amount(30).linked(),
                    pending(3).debit(CAROL).credit(STATEMENT).linked(),
                    post(4, 1).amount(5).linked(),
                    pending(5).debit(BOB).credit(CAROL).with(TransferFlags.CLOSING_DEBIT).linked(),
                    transfer(6).amount(0));

            assertThat(results).containsExactly(LINKED_EVENT_FAILED, LINKED_EVENT_FAILED, LINKED_EVENT_FAILED,
                    LINKED_EVENT_FAILED, AMOUNT_MUST_NOT_BE_ZERO);
            assertThat(ledger.machine().accounts()).containsExactlyInAnyOrderElementsOf(before);
            assertThat(ledger.machine().transferCount()).isEqualTo(transfers);
            assertThat(ledger.status(1)).isEqualTo(PendingStatus.PENDING);
            assertThat(ledger.machine().lastTimestamp()).as("a failed chain consumes no timestamps")
                    .isEqualTo(lastTimestamp);
            assertThat(ledger.lastChanges().isEmpty()).as("changes: %s", ledger.lastChanges()).isTrue();
        }

        @Test
        void aRolledBackPostLeavesTheReservationToExpireAsBefore() {
            ledger.createTransfer(pending(1).timeout(1));
            ledger.createTransfers(post(2, 1).linked(), transfer(3).debit(UNKNOWN));
            ledger.advanceSeconds(2);

            assertThat(ledger.tick().pendingResolutions())
                    .containsExactly(new PendingResolution(Id128.of(1), PendingStatus.EXPIRED));
            assertThat(balances(ALICE)).containsExactly(0, 0, 0, 0);
        }

        @Test
        void aRolledBackReservationNeverExpires() {
            ledger.createTransfers(pending(1).timeout(1).linked(), transfer(2).amount(-1));
            ledger.advanceSeconds(2);

            assertThat(ledger.tick().isEmpty()).isTrue();
            assertThat(ledger.machine().pendingStatus(Id128.of(1))).isEmpty();
        }

        @Test
        void aChainThatSucceedsAppliesEveryEvent() {
            assertThat(ledger.createTransfers(transfer(1).linked(), transfer(2).debit(BOB).credit(CAROL).amount(4)))
                    .containsExactly(OK, OK);
            assertThat(balances(BOB)).containsExactly(0, 4, 0, 10);
        }

        @Test
        void eventsAroundAFailedChainStillApply() {
            List<CreateTransferResult> results = ledger.createTransfers(transfer(1),
                    transfer(2).linked(), transfer(3).debit(UNKNOWN), transfer(4).debit(CAROL));

            assertThat(results).containsExactly(OK, LINKED_EVENT_FAILED, DEBIT_ACCOUNT_NOT_FOUND, OK);
            assertThat(balances(BOB)).containsExactly(0, 0, 0, 20);
        }

        @Test
        void aChainLeftOpenAtTheEndOfTheCommandFailsWhole() {
            List<CreateTransferResult> results = ledger.createTransfers(transfer(1), transfer(2).linked(),
                    transfer(3).linked());

            assertThat(results).containsExactly(OK, LINKED_EVENT_FAILED, LINKED_EVENT_CHAIN_OPEN);
            assertThat(balances(BOB)).containsExactly(0, 0, 0, 10);
            assertThat(ledger.machine().transfer(Id128.of(2))).isEmpty();
        }

        @Test
        void aFailedChainOfAccountsCreatesNone() {
            Account first = LedgerScenario.account(Id128.of(60), AccountFlags.LINKED);
            Account invalid = Account.open(Id128.of(61), 0, 1, 0, Id128.ZERO);

            assertThat(ledger.createAccounts(first, invalid)).containsExactly(CreateAccountResult.LINKED_EVENT_FAILED,
                    CreateAccountResult.LEDGER_MUST_NOT_BE_ZERO);
            assertThat(ledger.machine().account(Id128.of(60))).isEmpty();
            assertThat(ledger.lastChanges().isEmpty()).isTrue();
        }
    }

    @Nested
    class Retries {
        @Test
        void theSameCommandGetsTheOriginalAnswer() {
            assertThat(ledger.createTransfers(transfer(1), pending(2), post(3, 2))).containsOnly(OK);

            assertThat(ledger.createTransfers(transfer(1), pending(2), post(3, 2))).containsOnly(EXISTS);
            assertThat(ledger.machine().transferCount()).isEqualTo(3);
            assertThat(balances(ALICE)).containsExactly(0, 20, 0, 0);
        }

        @Test
        void aRetriedChainAnswersExistsForEveryEvent() {
            ledger.createTransfers(transfer(1).linked(), transfer(2));

            assertThat(ledger.createTransfers(transfer(1).linked(), transfer(2))).containsExactly(EXISTS, EXISTS);
            assertThat(ledger.createTransfer(transfer(1))).as("linked is not a stored field").isEqualTo(EXISTS);
        }

        @Test
        void aChangedFieldGetsADistinctAnswer() {
            ledger.createTransfer(transfer(1));

            assertThat(ledger.createTransfer(transfer(1).amount(11))).isEqualTo(EXISTS_WITH_DIFFERENT_AMOUNT);
            assertThat(balances(ALICE)).containsExactly(0, 10, 0, 0);
        }

        @Test
        void aBurntFailureAnswersTheSameEvenAfterTheStateChanged() {
            assertThat(ledger.createTransfer(transfer(1).debit(WALLET))).isEqualTo(EXCEEDS_CREDITS);
            fundWallet(100);

            assertThat(ledger.createTransfer(transfer(1).debit(WALLET))).isEqualTo(EXCEEDS_CREDITS);
            assertThat(ledger.createTransfer(transfer(1).debit(WALLET).amount(1))).isEqualTo(ID_ALREADY_FAILED);
            assertThat(balances(WALLET)).containsExactly(0, 0, 0, 100);
        }

        @Test
        void aBurntFailureRetriedOutsideItsChainAnswersTheSame() {
            assertThat(ledger.createTransfers(transfer(2), transfer(1).debit(WALLET).linked(), transfer(3)))
                    .containsExactly(OK, EXCEEDS_CREDITS, LINKED_EVENT_FAILED);

            assertThat(ledger.createTransfer(transfer(1).debit(WALLET))).as("linked is not a stored field")
                    .isEqualTo(EXCEEDS_CREDITS);
        }

        @Test
        void anIdBurntEarlierInACommandCannotSucceedLaterInIt() {
            List<CreateTransferResult> results = ledger.createTransfers(transfer(1).debit(WALLET),
                    transfer(900).credit(WALLET).amount(100), transfer(1).debit(WALLET).amount(5),
                    transfer(1).debit(WALLET));

            assertThat(results).containsExactly(EXCEEDS_CREDITS, OK, ID_ALREADY_FAILED, EXCEEDS_CREDITS);
            assertThat(ledger.machine().transfer(Id128.of(1))).isEmpty();
            assertThat(ledger.lastChanges().transfersFailed()).extracting(FailedTransfer::result)
                    .containsExactly(EXCEEDS_CREDITS);
        }

        @Test
        void aFailureInsideAChainBurnsTheIdButNotItsNeighbours() {
            List<CreateTransferResult> first = ledger.createTransfers(transfer(1).linked(),
                    transfer(2).debit(WALLET));
            assertThat(first).containsExactly(LINKED_EVENT_FAILED, EXCEEDS_CREDITS);
            fundWallet(100);

            assertThat(ledger.createTransfers(transfer(1).linked(), transfer(2).debit(WALLET)))
                    .as("the retried chain fails the same way").containsExactly(LINKED_EVENT_FAILED, EXCEEDS_CREDITS);
            assertThat(ledger.createTransfer(transfer(1))).as("the neighbour's id was never burnt").isEqualTo(OK);
        }

        @Test
        void aValidationFailureDoesNotBurnTheId() {
            assertThat(ledger.createTransfer(transfer(1).amount(0))).isEqualTo(AMOUNT_MUST_NOT_BE_ZERO);

            assertThat(ledger.createTransfer(transfer(1))).isEqualTo(OK);
            assertThat(ledger.lastChanges().transfersFailed()).isEmpty();
        }
    }

    @Nested
    class Balancing {
        @Test
        void aBalancingDebitMovesAtMostWhatTheWalletHolds() {
            fundWallet(30);
            ledger.createTransfer(pending(1).debit(WALLET).amount(12));

            assertThat(ledger.createTransfer(transfer(2).debit(WALLET).amount(100)
                    .with(TransferFlags.BALANCING_DEBIT))).isEqualTo(OK);

            assertThat(ledger.stored(2).amount()).isEqualTo(18);
            assertThat(balances(WALLET)).containsExactly(12, 18, 0, 30);
        }

        @Test
        void aBalancingDebitSmallerThanTheHeadroomMovesItsAmount() {
            fundWallet(30);

            assertThat(ledger.createTransfer(transfer(2).debit(WALLET).amount(7).with(TransferFlags.BALANCING_DEBIT)))
                    .isEqualTo(OK);
            assertThat(ledger.stored(2).amount()).isEqualTo(7);
        }

        @Test
        void aBalancingCreditMovesAtMostWhatTheCreditLineLent() {
            assertThat(ledger.createTransfer(transfer(1).debit(CREDIT_LINE).amount(25))).isEqualTo(OK);

            assertThat(ledger.createTransfer(transfer(2).credit(CREDIT_LINE).amount(40)
                    .with(TransferFlags.BALANCING_CREDIT))).isEqualTo(OK);
            assertThat(ledger.stored(2).amount()).isEqualTo(25);
        }

        @Test
        void aBalancingDebitWithNothingToMoveExceedsCredits() {
            assertThat(ledger.createTransfer(transfer(1).debit(WALLET).with(TransferFlags.BALANCING_DEBIT)))
                    .isEqualTo(EXCEEDS_CREDITS);
            assertThat(ledger.createTransfer(transfer(2).credit(CREDIT_LINE).with(TransferFlags.BALANCING_CREDIT)))
                    .isEqualTo(EXCEEDS_DEBITS);
        }

        @Test
        void aRetriedBalancingTransferExistsWhateverItMoved() {
            fundWallet(30);
            TransferCommand sweep = transfer(2).debit(WALLET).amount(100).with(TransferFlags.BALANCING_DEBIT);
            ledger.createTransfer(sweep);

            assertThat(ledger.createTransfer(transfer(2).debit(WALLET).amount(100)
                    .with(TransferFlags.BALANCING_DEBIT))).isEqualTo(EXISTS);
            assertThat(ledger.createTransfer(transfer(2).debit(WALLET).amount(29)
                    .with(TransferFlags.BALANCING_DEBIT))).isEqualTo(EXISTS_WITH_DIFFERENT_AMOUNT);
        }
    }

    @Nested
    class Closing {
        @Test
        void aClosingReservationClosesTheAccountUntilVoided() {
            ledger.createTransfer(pending(1).with(TransferFlags.CLOSING_DEBIT));
            assertThat(ledger.account(ALICE).has(AccountFlags.CLOSED)).isTrue();
            assertThat(ledger.createTransfer(transfer(2))).isEqualTo(DEBIT_ACCOUNT_ALREADY_CLOSED);
            assertThat(ledger.createTransfer(transfer(3).debit(BOB).credit(ALICE))).isEqualTo(
                    CREDIT_ACCOUNT_ALREADY_CLOSED);

            assertThat(ledger.createTransfer(voiding(4, 1))).isEqualTo(OK);

            assertThat(ledger.account(ALICE).has(AccountFlags.CLOSED)).isFalse();
            assertThat(ledger.createTransfer(transfer(5))).isEqualTo(OK);
        }

        @Test
        void aPostedClosingReservationLeavesTheAccountClosed() {
            ledger.createTransfer(pending(1).with(TransferFlags.CLOSING_CREDIT));

            assertThat(ledger.createTransfer(post(2, 1))).isEqualTo(OK);

            assertThat(ledger.account(BOB).has(AccountFlags.CLOSED)).isTrue();
            assertThat(ledger.createTransfer(transfer(3).debit(CAROL))).isEqualTo(CREDIT_ACCOUNT_ALREADY_CLOSED);
        }

        @Test
        void anExpiredClosingReservationReopensTheAccount() {
            ledger.createTransfer(pending(1).timeout(1).with(TransferFlags.CLOSING_DEBIT));
            ledger.advanceSeconds(2);

            assertThat(ledger.createTransfer(transfer(2))).isEqualTo(OK);
        }

        @Test
        void otherReservationsOnAClosedAccountMayBeVoidedButNotPosted() {
            ledger.createTransfers(pending(1), pending(2), pending(3).with(TransferFlags.CLOSING_DEBIT));

            assertThat(ledger.createTransfer(post(4, 1))).isEqualTo(DEBIT_ACCOUNT_ALREADY_CLOSED);
            assertThat(ledger.createTransfer(voiding(5, 2))).isEqualTo(OK);
            assertThat(ledger.account(ALICE).has(AccountFlags.CLOSED)).as("voiding another reservation")
                    .isTrue();
        }

        @Test
        void aRolledBackClosingReservationLeavesTheAccountOpen() {
            ledger.createTransfers(pending(1).with(TransferFlags.CLOSING_DEBIT).linked(), transfer(2).amount(0));

            assertThat(ledger.account(ALICE).has(AccountFlags.CLOSED)).isFalse();
        }
    }

    @Nested
    class Overflow {
        @Test
        void balancesMayReachTheMaximumButNotPassIt() {
            assertThat(ledger.createTransfer(transfer(1).amount(Long.MAX_VALUE - 1))).isEqualTo(OK);
            assertThat(ledger.createTransfer(transfer(2).amount(2))).isEqualTo(OVERFLOWS_DEBITS_POSTED);
            assertThat(ledger.createTransfer(transfer(3).amount(1))).isEqualTo(OK);

            assertThat(balances(ALICE)).containsExactly(0, Long.MAX_VALUE, 0, 0);
            assertThat(balances(BOB)).containsExactly(0, 0, 0, Long.MAX_VALUE);
        }

        @Test
        void reservedAndPostedTogetherMayNotPassTheMaximum() {
            ledger.createTransfer(pending(1).amount(Long.MAX_VALUE - 5));

            assertThat(ledger.createTransfer(transfer(2).credit(CAROL).amount(6))).isEqualTo(OVERFLOWS_DEBITS);
            assertThat(ledger.createTransfer(transfer(3).credit(CAROL).amount(5))).isEqualTo(OK);
            assertThat(ledger.createTransfer(post(4, 1))).as("a post moves reserved to posted: no new total")
                    .isEqualTo(OK);
            assertThat(balances(ALICE)).containsExactly(0, Long.MAX_VALUE, 0, 0);
        }

        @Test
        void anOverflowChangesNothing() {
            ledger.createTransfer(transfer(1).amount(Long.MAX_VALUE));
            List<Account> before = ledger.machine().accounts();

            assertThat(ledger.createTransfer(pending(2).debit(CAROL).amount(Long.MAX_VALUE)))
                    .isEqualTo(OVERFLOWS_CREDITS);
            assertThat(ledger.machine().accounts()).containsExactlyInAnyOrderElementsOf(before);
        }
    }

    @Nested
    class History {
        @Test
        void anAccountWithHistoryKeepsItsBalancesAfterEveryTransfer() {
            ledger.createTransfer(pending(1).credit(STATEMENT).amount(7));
            long reserved = ledger.stored(1).timestamp();
            assertThat(ledger.lastChanges().balanceHistory())
                    .containsExactly(new AccountBalance(STATEMENT, reserved, false, 0, 0, 7, 0));

            ledger.createTransfer(post(2, 1).amount(5));
            long posted = ledger.stored(2).timestamp();
            assertThat(ledger.lastChanges().balanceHistory())
                    .containsExactly(new AccountBalance(STATEMENT, posted, false, 0, 0, 0, 5));

            ledger.createTransfer(transfer(3).debit(STATEMENT).credit(CAROL).amount(2));
            assertThat(ledger.lastChanges().balanceHistory()).containsExactly(
                    new AccountBalance(STATEMENT, ledger.stored(3).timestamp(), true, 0, 2, 0, 5));
        }

        @Test
        void anExpiryIsRecordedWithATimestampOfItsOwn() {
            ledger.createTransfer(pending(1).credit(STATEMENT).amount(7).timeout(1));
            long reserved = ledger.stored(1).timestamp();
            ledger.advanceSeconds(2);
            ledger.createTransfer(transfer(2));

            List<AccountBalance> history = ledger.lastChanges().balanceHistory();
            assertThat(history).hasSize(1);
            assertThat(history.getFirst().timestamp()).isGreaterThan(reserved)
                    .isLessThan(ledger.stored(2).timestamp());
            assertThat(history.getFirst()).isEqualTo(
                    new AccountBalance(STATEMENT, history.getFirst().timestamp(), false, 0, 0, 0, 0));
            assertThat(ledger.status(1)).isEqualTo(PendingStatus.EXPIRED);
        }

        @Test
        void accountsWithoutHistoryKeepNone() {
            ledger.createTransfers(transfer(1), pending(2), voiding(3, 2));

            assertThat(ledger.lastChanges().balanceHistory()).isEmpty();
        }

        @Test
        void aRolledBackTransferLeavesNoHistory() {
            ledger.createTransfers(transfer(1).credit(STATEMENT).linked(), transfer(2).debit(UNKNOWN));

            assertThat(ledger.lastChanges().balanceHistory()).isEmpty();
        }
    }

    @Nested
    class Timestamps {
        @Test
        void timestampsIncreaseStrictlyEvenWhenTheClockGoesBack() {
            ledger.createTransfers(transfer(1), transfer(2));
            ledger.advanceSeconds(-60);
            ledger.createTransfers(transfer(3), pending(4));
            ledger.setClock(0);
            ledger.createAccounts(LedgerScenario.account(Id128.of(70), 0));
            ledger.createTransfer(post(5, 4));

            long[] stamps = {ledger.stored(1).timestamp(), ledger.stored(2).timestamp(), ledger.stored(3).timestamp(),
                    ledger.stored(4).timestamp(), ledger.account(Id128.of(70)).timestamp(),
                    ledger.stored(5).timestamp()};
            for (int i = 1; i < stamps.length; i++) {
                assertThat(stamps[i]).as("timestamp %d", i).isGreaterThan(stamps[i - 1]);
            }
        }

        @Test
        void aTransferTakesTheBatchClockWhenItIsAhead() {
            ledger.advanceSeconds(30);
            ledger.createTransfer(transfer(1));

            assertThat(ledger.stored(1).timestamp()).isEqualTo(ledger.nowNanos());
            assertThat(ledger.lastChanges().lastTimestamp()).isEqualTo(ledger.nowNanos());
        }
    }

    @Nested
    class Changes {
        @Test
        void accountsUpdatedHoldsEachAccountOnceWithItsFinalBalances() {
            fundWallet(100);
            ledger.createTransfers(transfer(1).debit(WALLET).amount(10), pending(2).debit(WALLET).amount(20),
                    transfer(3).debit(WALLET).credit(CAROL).amount(5), post(4, 2).amount(15));

            LedgerChanges changes = ledger.lastChanges();
            assertThat(changes.accountsUpdated()).extracting(Account::id).containsExactly(WALLET, BOB, CAROL);
            assertThat(changes.accountsUpdated()).containsExactlyInAnyOrderElementsOf(
                    List.of(ledger.account(WALLET), ledger.account(BOB), ledger.account(CAROL)));
            assertThat(balances(WALLET)).containsExactly(0, 30, 0, 100);
        }

        @Test
        void theChangesListWhatTheBatchDid() {
            ledger.createTransfer(pending(1).timeout(1));
            ledger.advanceSeconds(2);
            ledger.machine().beginBatch(ledger.nowNanos());
            ledger.machine().createAccounts(List.of(LedgerScenario.account(Id128.of(70), 0)));
            List<CreateTransferResult> results = ledger.machine().createTransfers(List.of(
                    transfer(2).build(), pending(3).build(), post(4, 3).build(), transfer(5).debit(UNKNOWN).build(),
                    transfer(6).amount(0).build()));
            LedgerChanges changes = ledger.machine().drainChanges();

            assertThat(results).containsExactly(OK, OK, OK, DEBIT_ACCOUNT_NOT_FOUND, AMOUNT_MUST_NOT_BE_ZERO);
            assertThat(changes.accountsCreated()).extracting(Account::id).containsExactly(Id128.of(70));
            assertThat(changes.accountsCreated().getFirst().creditsPosted()).isZero();
            assertThat(changes.transfersCreated()).extracting(Transfer::id)
                    .containsExactly(Id128.of(2), Id128.of(3), Id128.of(4));
            assertThat(changes.pendingResolutions()).containsExactly(
                    new PendingResolution(Id128.of(1), PendingStatus.EXPIRED),
                    new PendingResolution(Id128.of(3), PendingStatus.POSTED));
            assertThat(changes.transfersFailed()).extracting(failure -> failure.transfer().id())
                    .containsExactly(Id128.of(5));
            assertThat(changes.accountsUpdated()).extracting(Account::id).containsExactlyInAnyOrder(ALICE, BOB);
            assertThat(changes.lastTimestamp()).isEqualTo(ledger.machine().lastTimestamp());
            assertThat(changes.lastTimestamp()).isEqualTo(ledger.stored(4).timestamp());
        }

        @Test
        void drainingEmptiesTheChanges() {
            ledger.createTransfer(transfer(1));

            assertThat(ledger.tick().isEmpty()).isTrue();
        }
    }
}
