package org.corridor.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.ledger.CreateTransferResult.*;
import static org.corridor.core.ledger.LedgerScenario.ALICE;
import static org.corridor.core.ledger.LedgerScenario.BOB;
import static org.corridor.core.ledger.LedgerScenario.CAROL;
import static org.corridor.core.ledger.LedgerScenario.CREDIT_LINE;
import static org.corridor.core.ledger.LedgerScenario.EUROS;
import static org.corridor.core.ledger.LedgerScenario.EURO_ACCOUNT;
import static org.corridor.core.ledger.LedgerScenario.UNKNOWN;
import static org.corridor.core.ledger.LedgerScenario.WALLET;
import static org.corridor.core.ledger.TransferCommand.pending;
import static org.corridor.core.ledger.TransferCommand.post;
import static org.corridor.core.ledger.TransferCommand.transfer;
import static org.corridor.core.ledger.TransferCommand.voiding;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.corridor.core.Id128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One line per {@link CreateTransferResult}, in declaration order: each line is a small scenario whose last
 * command gets exactly that code. The precedence lines after the table prove the order where two checks
 * apply to one command at once.
 */
class CreateTransferResultTableTest {
    private static final long HALF_PLUS_ONE = Long.MAX_VALUE / 2 + 1;

    /**
     * One scenario.
     *
     * @param expected the result the scenario's last command must get
     * @param scenario what the scenario does, in words
     * @param play sets up a fresh ledger, runs the command and returns its result
     */
    record Line(CreateTransferResult expected, String scenario, Function<LedgerScenario, CreateTransferResult> play) {
        @Override
        public String toString() {
            return expected + ": " + scenario;
        }
    }

    private static Line line(CreateTransferResult expected, String scenario,
            Function<LedgerScenario, CreateTransferResult> play) {
        return new Line(expected, scenario, play);
    }

    static final List<Line> TABLE = List.of(
            line(OK, "a plain transfer between two dollar accounts",
                    l -> l.createTransfer(transfer(1))),
            line(LINKED_EVENT_FAILED, "the first event of a chain whose second event fails",
                    l -> l.createTransfers(transfer(1).linked(), transfer(2).amount(0)).getFirst()),
            line(LINKED_EVENT_CHAIN_OPEN, "a linked event that ends the command",
                    l -> l.createTransfer(transfer(1).linked())),
            line(TIMESTAMP_MUST_BE_ZERO, "a command carrying a timestamp",
                    l -> l.createTransfer(transfer(1).timestamp(1))),
            line(RESERVED_FLAG, "a flag bit that means nothing yet",
                    l -> l.createTransfer(transfer(1).with(1 << 15))),
            line(ID_MUST_NOT_BE_ZERO, "id zero",
                    l -> l.createTransfer(transfer(0))),
            line(ID_MUST_NOT_BE_INT_MAX, "id all ones",
                    l -> l.createTransfer(transfer(1).id(Id128.MAX))),
            line(EXISTS_WITH_DIFFERENT_FLAGS, "a stored id sent again as a reservation",
                    l -> retried(l, transfer(1), transfer(1).with(TransferFlags.PENDING))),
            line(EXISTS_WITH_DIFFERENT_PENDING_ID, "a stored id sent again naming a pending transfer",
                    l -> retried(l, transfer(1), transfer(1).pendingId(Id128.of(7)))),
            line(EXISTS_WITH_DIFFERENT_TIMEOUT, "a stored reservation sent again with another timeout",
                    l -> retried(l, pending(1).timeout(10), pending(1).timeout(20))),
            line(EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID, "a stored id sent again from Carol",
                    l -> retried(l, transfer(1), transfer(1).debit(CAROL))),
            line(EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID, "a stored id sent again to Carol",
                    l -> retried(l, transfer(1), transfer(1).credit(CAROL))),
            line(EXISTS_WITH_DIFFERENT_AMOUNT, "a stored id sent again for eleven",
                    l -> retried(l, transfer(1), transfer(1).amount(11))),
            line(EXISTS_WITH_DIFFERENT_USER_DATA, "a stored id sent again with another reference",
                    l -> retried(l, transfer(1), transfer(1).userData(5))),
            line(EXISTS_WITH_DIFFERENT_LEDGER, "a stored id sent again in euros",
                    l -> retried(l, transfer(1), transfer(1).ledger(EUROS))),
            line(EXISTS_WITH_DIFFERENT_CODE, "a stored id sent again with another code",
                    l -> retried(l, transfer(1), transfer(1).code(2))),
            line(EXISTS, "a stored id sent again, field for field",
                    l -> retried(l, transfer(1), transfer(1))),
            line(ID_ALREADY_FAILED, "an id burnt by an unknown account, sent again with another amount",
                    l -> retried(l, transfer(1).credit(UNKNOWN), transfer(1).credit(UNKNOWN).amount(11))),
            line(FLAGS_ARE_MUTUALLY_EXCLUSIVE, "a reservation that also posts",
                    l -> l.createTransfer(pending(1).with(TransferFlags.POST_PENDING))),
            line(DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO, "debit account zero",
                    l -> l.createTransfer(transfer(1).debit(Id128.ZERO))),
            line(DEBIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX, "debit account all ones",
                    l -> l.createTransfer(transfer(1).debit(Id128.MAX))),
            line(CREDIT_ACCOUNT_ID_MUST_NOT_BE_ZERO, "credit account zero",
                    l -> l.createTransfer(transfer(1).credit(Id128.ZERO))),
            line(CREDIT_ACCOUNT_ID_MUST_NOT_BE_INT_MAX, "credit account all ones",
                    l -> l.createTransfer(transfer(1).credit(Id128.MAX))),
            line(ACCOUNTS_MUST_BE_DIFFERENT, "Alice pays Alice",
                    l -> l.createTransfer(transfer(1).credit(ALICE))),
            line(PENDING_ID_MUST_BE_ZERO, "a single-phase transfer naming a pending transfer",
                    l -> l.createTransfer(transfer(1).pendingId(Id128.of(7)))),
            line(PENDING_ID_MUST_NOT_BE_ZERO, "a post naming no pending transfer",
                    l -> l.createTransfer(post(1, 0))),
            line(PENDING_ID_MUST_NOT_BE_INT_MAX, "a post naming pending id all ones",
                    l -> l.createTransfer(post(1, 0).pendingId(Id128.MAX))),
            line(PENDING_ID_MUST_BE_DIFFERENT, "a post naming itself",
                    l -> l.createTransfer(post(1, 1))),
            line(TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, "a single-phase transfer with a timeout",
                    l -> l.createTransfer(transfer(1).timeout(5))),
            line(TIMEOUT_MUST_NOT_BE_NEGATIVE, "a reservation with a negative timeout",
                    l -> l.createTransfer(pending(1).timeout(-1))),
            line(CLOSING_TRANSFER_MUST_BE_PENDING, "a single-phase transfer that closes its debit account",
                    l -> l.createTransfer(transfer(1).with(TransferFlags.CLOSING_DEBIT))),
            line(AMOUNT_MUST_NOT_BE_NEGATIVE, "amount minus one",
                    l -> l.createTransfer(transfer(1).amount(-1))),
            line(AMOUNT_MUST_NOT_BE_ZERO, "amount zero",
                    l -> l.createTransfer(transfer(1).amount(0))),
            line(LEDGER_MUST_NOT_BE_ZERO, "ledger zero",
                    l -> l.createTransfer(transfer(1).ledger(0))),
            line(CODE_MUST_NOT_BE_ZERO, "code zero",
                    l -> l.createTransfer(transfer(1).code(0))),
            line(DEBIT_ACCOUNT_NOT_FOUND, "an unknown debit account",
                    l -> l.createTransfer(transfer(1).debit(UNKNOWN))),
            line(CREDIT_ACCOUNT_NOT_FOUND, "an unknown credit account",
                    l -> l.createTransfer(transfer(1).credit(UNKNOWN))),
            line(ACCOUNTS_MUST_HAVE_THE_SAME_LEDGER, "dollars into a euro account",
                    l -> l.createTransfer(transfer(1).credit(EURO_ACCOUNT))),
            line(TRANSFER_MUST_HAVE_THE_SAME_LEDGER_AS_ACCOUNTS, "euros between two dollar accounts",
                    l -> l.createTransfer(transfer(1).ledger(EUROS))),
            line(PENDING_TRANSFER_NOT_FOUND, "a post of an unknown reservation",
                    l -> l.createTransfer(post(2, 1))),
            line(PENDING_TRANSFER_NOT_PENDING, "a post of a single-phase transfer",
                    l -> retried(l, transfer(1), post(2, 1))),
            line(PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID, "a post naming Carol as the debit account",
                    l -> retried(l, pending(1), post(2, 1).debit(CAROL))),
            line(PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID, "a post naming Carol as the credit account",
                    l -> retried(l, pending(1), post(2, 1).credit(CAROL))),
            line(PENDING_TRANSFER_HAS_DIFFERENT_LEDGER, "a post naming the euro ledger",
                    l -> retried(l, pending(1), post(2, 1).ledger(EUROS))),
            line(PENDING_TRANSFER_HAS_DIFFERENT_CODE, "a post naming another code",
                    l -> retried(l, pending(1), post(2, 1).code(2))),
            line(EXCEEDS_PENDING_TRANSFER_AMOUNT, "a post of eleven against a reservation of ten",
                    l -> retried(l, pending(1), post(2, 1).amount(11))),
            line(PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT, "a void of five against a reservation of ten",
                    l -> retried(l, pending(1), voiding(2, 1).amount(5))),
            line(PENDING_TRANSFER_ALREADY_POSTED, "a second post",
                    l -> resolvedThen(l, post(2, 1), post(3, 1))),
            line(PENDING_TRANSFER_ALREADY_VOIDED, "a post after a void",
                    l -> resolvedThen(l, voiding(2, 1), post(3, 1))),
            line(PENDING_TRANSFER_EXPIRED, "a post two seconds after a one-second reservation",
                    l -> {
                        l.createTransfer(pending(1).timeout(1));
                        l.advanceSeconds(2);
                        return l.createTransfer(post(2, 1));
                    }),
            line(DEBIT_ACCOUNT_ALREADY_CLOSED, "a payment from Alice while a reservation closes her account",
                    l -> retried(l, pending(1).with(TransferFlags.CLOSING_DEBIT), transfer(2))),
            line(CREDIT_ACCOUNT_ALREADY_CLOSED, "a payment to Bob while a reservation closes his account",
                    l -> retried(l, pending(1).with(TransferFlags.CLOSING_CREDIT), transfer(2))),
            line(OVERFLOWS_DEBITS_PENDING, "a reservation from Alice, whose reserved debits are at the maximum",
                    l -> retried(l, pending(1).amount(Long.MAX_VALUE), pending(2).credit(CAROL).amount(1))),
            line(OVERFLOWS_CREDITS_PENDING, "a reservation to Bob, whose reserved credits are at the maximum",
                    l -> retried(l, pending(1).amount(Long.MAX_VALUE), pending(2).debit(CAROL).amount(1))),
            line(OVERFLOWS_DEBITS_POSTED, "a payment from Alice, whose posted debits are at the maximum",
                    l -> retried(l, transfer(1).amount(Long.MAX_VALUE), transfer(2).credit(CAROL).amount(1))),
            line(OVERFLOWS_CREDITS_POSTED, "a payment to Bob, whose posted credits are at the maximum",
                    l -> retried(l, transfer(1).amount(Long.MAX_VALUE), transfer(2).debit(CAROL).amount(1))),
            line(OVERFLOWS_DEBITS, "a reservation from Alice that fits her reserved debits but not her total",
                    l -> retried(l, transfer(1).amount(HALF_PLUS_ONE),
                            pending(2).credit(CAROL).amount(HALF_PLUS_ONE))),
            line(OVERFLOWS_CREDITS, "a reservation to Bob that fits his reserved credits but not his total",
                    l -> retried(l, transfer(1).amount(HALF_PLUS_ONE),
                            pending(2).debit(CAROL).amount(HALF_PLUS_ONE))),
            line(OVERFLOWS_TIMEOUT, "a one-second reservation when the clock is a second from its end",
                    l -> {
                        l.setClock(Long.MAX_VALUE - LedgerScenario.NANOS_PER_SECOND / 2);
                        return l.createTransfer(pending(1).timeout(1));
                    }),
            line(EXCEEDS_CREDITS, "a payment from an empty wallet",
                    l -> l.createTransfer(transfer(1).debit(WALLET))),
            line(EXCEEDS_DEBITS, "a payment into a credit line that has lent nothing",
                    l -> l.createTransfer(transfer(1).credit(CREDIT_LINE))));

    /**
     * Commands to which two or more checks apply at once: the answer is the code declared first.
     */
    static final List<Line> PRECEDENCE = List.of(
            line(ID_MUST_NOT_BE_ZERO, "id zero and amount zero",
                    l -> l.createTransfer(transfer(0).amount(0))),
            line(TIMESTAMP_MUST_BE_ZERO, "a timestamp, a reserved flag and id zero",
                    l -> l.createTransfer(transfer(0).timestamp(1).with(1 << 15))),
            line(LINKED_EVENT_CHAIN_OPEN, "a chain left open on an event that is itself invalid",
                    l -> l.createTransfer(transfer(0).amount(0).linked())),
            line(LINKED_EVENT_FAILED, "the last event of a chain that is both broken and left open",
                    l -> l.createTransfers(transfer(1).amount(0).linked(), transfer(2).linked()).get(1)),
            line(EXISTS_WITH_DIFFERENT_AMOUNT, "a stored id sent again with another amount and another reference",
                    l -> retried(l, transfer(1), transfer(1).amount(11).userData(5))),
            line(EXISTS_WITH_DIFFERENT_AMOUNT, "a stored id sent again with amount zero, itself invalid",
                    l -> retried(l, transfer(1), transfer(1).amount(0))),
            line(EXISTS, "a post retried after its reservation is gone, field for field",
                    l -> resolvedThen(l, post(2, 1), post(2, 1))),
            line(EXCEEDS_CREDITS, "a burnt failure retried after the wallet was funded",
                    l -> {
                        l.createTransfer(transfer(1).debit(WALLET));
                        l.createTransfer(transfer(2).credit(WALLET).amount(100));
                        return l.createTransfer(transfer(1).debit(WALLET));
                    }),
            line(FLAGS_ARE_MUTUALLY_EXCLUSIVE, "a post that also balances, of an unknown reservation",
                    l -> l.createTransfer(post(2, 1).with(TransferFlags.BALANCING_DEBIT))),
            line(DEBIT_ACCOUNT_ID_MUST_NOT_BE_ZERO, "both accounts zero",
                    l -> l.createTransfer(transfer(1).debit(Id128.ZERO).credit(Id128.ZERO))),
            line(TIMEOUT_RESERVED_FOR_PENDING_TRANSFER, "a post with a timeout, of an unknown reservation",
                    l -> l.createTransfer(post(2, 1).timeout(5))),
            line(AMOUNT_MUST_NOT_BE_NEGATIVE, "a post of a negative amount, of an unknown reservation",
                    l -> l.createTransfer(post(2, 1).amount(-1))),
            line(DEBIT_ACCOUNT_NOT_FOUND, "both accounts unknown",
                    l -> l.createTransfer(transfer(1).debit(UNKNOWN).credit(Id128.of(98)))),
            line(ACCOUNTS_MUST_HAVE_THE_SAME_LEDGER, "accounts on two ledgers and a third ledger named",
                    l -> l.createTransfer(transfer(1).credit(EURO_ACCOUNT).ledger(7))),
            line(EXCEEDS_PENDING_TRANSFER_AMOUNT, "a post of too much, after the reservation was posted",
                    l -> resolvedThen(l, post(2, 1), post(3, 1).amount(11))),
            line(PENDING_TRANSFER_ALREADY_POSTED, "a post of a reservation both posted and past its timeout",
                    l -> {
                        l.createTransfers(pending(1).timeout(1), post(2, 1));
                        l.advanceSeconds(2);
                        return l.createTransfer(post(3, 1));
                    }),
            line(DEBIT_ACCOUNT_ALREADY_CLOSED, "a payment from a closed, empty wallet",
                    l -> {
                        l.createTransfer(transfer(1).credit(WALLET).amount(5));
                        l.createTransfer(pending(2).debit(WALLET).amount(5).with(TransferFlags.CLOSING_DEBIT));
                        return l.createTransfer(transfer(3).debit(WALLET));
                    }),
            line(OVERFLOWS_DEBITS_POSTED, "a payment that both overflows and exceeds a wallet's credits",
                    l -> {
                        l.createTransfer(transfer(1).credit(WALLET).amount(Long.MAX_VALUE));
                        l.createTransfer(transfer(2).debit(WALLET).credit(CAROL).amount(Long.MAX_VALUE));
                        return l.createTransfer(transfer(3).debit(WALLET).amount(1));
                    }),
            line(OVERFLOWS_TIMEOUT, "a reservation from an empty wallet when the clock is near its end",
                    l -> {
                        l.setClock(Long.MAX_VALUE - LedgerScenario.NANOS_PER_SECOND / 2);
                        return l.createTransfer(pending(1).debit(WALLET).timeout(1));
                    }),
            line(EXCEEDS_CREDITS, "a balancing payment between an empty wallet and an empty credit line",
                    l -> l.createTransfer(transfer(1).debit(WALLET).credit(CREDIT_LINE)
                            .with(TransferFlags.BALANCING_DEBIT | TransferFlags.BALANCING_CREDIT))));

    /** Runs {@code first} in a batch of its own, then answers {@code second}. */
    private static CreateTransferResult retried(LedgerScenario ledger, TransferCommand first, TransferCommand second) {
        ledger.createTransfer(first);
        return ledger.createTransfer(second);
    }

    /** Reserves ten dollars as transfer 1, resolves it with {@code resolution}, then answers {@code then}. */
    private static CreateTransferResult resolvedThen(LedgerScenario ledger, TransferCommand resolution,
            TransferCommand then) {
        assertThat(ledger.createTransfers(pending(1), resolution)).containsOnly(OK);
        return ledger.createTransfer(then);
    }

    static List<Line> table() {
        return TABLE;
    }

    static List<Line> precedence() {
        return PRECEDENCE;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachLineProducesItsCode(Line line) {
        assertThat(line.play().apply(new LedgerScenario())).as(line.scenario()).isEqualTo(line.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void theCodeDeclaredFirstWins(Line line) {
        assertThat(line.play().apply(new LedgerScenario())).as(line.scenario()).isEqualTo(line.expected());
    }

    @Test
    void theTableHasOneLinePerCodeInDeclarationOrder() {
        assertThat(TABLE.stream().map(Line::expected).toList()).containsExactly(CreateTransferResult.values());
    }

    @Test
    void everyPrecedenceLineNamesACodeThatTheTableAlsoHas() {
        assertThat(PRECEDENCE).allSatisfy(line -> assertThat(Arrays.asList(CreateTransferResult.values()))
                .contains(line.expected()));
    }
}
