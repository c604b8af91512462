package org.corridor.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.ledger.CreateAccountResult.*;
import static org.corridor.core.ledger.LedgerScenario.ALICE;
import static org.corridor.core.ledger.LedgerScenario.DOLLARS;
import static org.corridor.core.ledger.LedgerScenario.EUROS;
import static org.corridor.core.ledger.LedgerScenario.WALLET_CODE;

import java.util.List;
import java.util.function.Function;
import org.corridor.core.Id128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One line per {@link CreateAccountResult}, in declaration order, then precedence lines where two checks
 * apply to one command at once. Alice already exists in every scenario: a plain dollar wallet.
 */
class CreateAccountResultTableTest {
    private static final Id128 NEW = Id128.of(50);
    private static final int LINKED = AccountFlags.LINKED;
    private static final int BOTH_LIMITS =
            AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS | AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS;

    /**
     * One scenario.
     *
     * @param expected the result the scenario's last command must get
     * @param scenario what the scenario does, in words
     * @param play runs the command on a fresh ledger and returns its result
     */
    record Line(CreateAccountResult expected, String scenario, Function<LedgerScenario, CreateAccountResult> play) {
        @Override
        public String toString() {
            return expected + ": " + scenario;
        }
    }

    private static Line line(CreateAccountResult expected, String scenario,
            Function<LedgerScenario, CreateAccountResult> play) {
        return new Line(expected, scenario, play);
    }

    /** A create command with every field given, for the lines that need an unusual one. */
    private static Account account(Id128 id, Id128 userData, int ledger, int code, int flags, long creditsPosted,
            long timestamp) {
        return new Account(id, userData, ledger, code, flags, 0, 0, 0, creditsPosted, timestamp);
    }

    private static Account plain(Id128 id) {
        return Account.open(id, DOLLARS, WALLET_CODE, 0, Id128.ZERO);
    }

    private static Account withFlags(Id128 id, int flags) {
        return Account.open(id, DOLLARS, WALLET_CODE, flags, Id128.ZERO);
    }

    static final List<Line> TABLE = List.of(
            line(OK, "a new dollar wallet",
                    l -> l.createAccounts(plain(NEW)).getFirst()),
            line(LINKED_EVENT_FAILED, "the first account of a chain whose second account has ledger zero",
                    l -> l.createAccounts(withFlags(NEW, LINKED), account(Id128.of(51), Id128.ZERO, 0, 1, 0, 0, 0))
                            .getFirst()),
            line(LINKED_EVENT_CHAIN_OPEN, "a linked account that ends the command",
                    l -> l.createAccounts(withFlags(NEW, LINKED)).getFirst()),
            line(TIMESTAMP_MUST_BE_ZERO, "a command carrying a timestamp",
                    l -> l.createAccounts(account(NEW, Id128.ZERO, DOLLARS, WALLET_CODE, 0, 0, 1)).getFirst()),
            line(RESERVED_FLAG, "a flag bit that means nothing yet",
                    l -> l.createAccounts(withFlags(NEW, 1 << 12)).getFirst()),
            line(ID_MUST_NOT_BE_ZERO, "id zero",
                    l -> l.createAccounts(plain(Id128.ZERO)).getFirst()),
            line(ID_MUST_NOT_BE_INT_MAX, "id all ones",
                    l -> l.createAccounts(plain(Id128.MAX)).getFirst()),
            line(EXISTS_WITH_DIFFERENT_FLAGS, "Alice again, keeping history",
                    l -> l.createAccounts(withFlags(ALICE, AccountFlags.HISTORY)).getFirst()),
            line(EXISTS_WITH_DIFFERENT_USER_DATA, "Alice again, with another reference",
                    l -> l.createAccounts(Account.open(ALICE, DOLLARS, WALLET_CODE, 0, Id128.of(9))).getFirst()),
            line(EXISTS_WITH_DIFFERENT_LEDGER, "Alice again, in euros",
                    l -> l.createAccounts(Account.open(ALICE, EUROS, WALLET_CODE, 0, Id128.ZERO)).getFirst()),
            line(EXISTS_WITH_DIFFERENT_CODE, "Alice again, with another code",
                    l -> l.createAccounts(Account.open(ALICE, DOLLARS, 11, 0, Id128.ZERO)).getFirst()),
            line(EXISTS, "Alice again, field for field",
                    l -> l.createAccounts(plain(ALICE)).getFirst()),
            line(FLAGS_ARE_MUTUALLY_EXCLUSIVE, "both limit flags",
                    l -> l.createAccounts(withFlags(NEW, BOTH_LIMITS)).getFirst()),
            line(BALANCES_MUST_BE_ZERO, "an account that arrives with credits",
                    l -> l.createAccounts(account(NEW, Id128.ZERO, DOLLARS, WALLET_CODE, 0, 5, 0)).getFirst()),
            line(LEDGER_MUST_NOT_BE_ZERO, "ledger zero",
                    l -> l.createAccounts(Account.open(NEW, 0, WALLET_CODE, 0, Id128.ZERO)).getFirst()),
            line(CODE_MUST_NOT_BE_ZERO, "code zero",
                    l -> l.createAccounts(Account.open(NEW, DOLLARS, 0, 0, Id128.ZERO)).getFirst()));

    /** Commands to which two or more checks apply at once: the answer is the code declared first. */
    static final List<Line> PRECEDENCE = List.of(
            line(ID_MUST_NOT_BE_ZERO, "id zero and ledger zero",
                    l -> l.createAccounts(Account.open(Id128.ZERO, 0, WALLET_CODE, 0, Id128.ZERO)).getFirst()),
            line(TIMESTAMP_MUST_BE_ZERO, "a timestamp, a reserved flag and id zero",
                    l -> l.createAccounts(account(Id128.ZERO, Id128.ZERO, DOLLARS, 1, 1 << 12, 0, 7)).getFirst()),
            line(LINKED_EVENT_CHAIN_OPEN, "a chain left open on an account that is itself invalid",
                    l -> l.createAccounts(account(Id128.ZERO, Id128.ZERO, 0, 0, LINKED, 0, 0)).getFirst()),
            line(EXISTS_WITH_DIFFERENT_FLAGS, "Alice again with both limits and another ledger",
                    l -> l.createAccounts(Account.open(ALICE, EUROS, WALLET_CODE, BOTH_LIMITS, Id128.ZERO))
                            .getFirst()),
            line(EXISTS, "Alice again after a closing reservation closed her account",
                    l -> {
                        l.createTransfer(TransferCommand.pending(1).with(TransferFlags.CLOSING_DEBIT));
                        return l.createAccounts(plain(ALICE)).getFirst();
                    }),
            line(FLAGS_ARE_MUTUALLY_EXCLUSIVE, "both limits, credits and ledger zero",
                    l -> l.createAccounts(account(NEW, Id128.ZERO, 0, 0, BOTH_LIMITS, 5, 0)).getFirst()),
            line(LEDGER_MUST_NOT_BE_ZERO, "ledger zero and code zero",
                    l -> l.createAccounts(Account.open(NEW, 0, 0, 0, Id128.ZERO)).getFirst()));

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
        assertThat(TABLE.stream().map(Line::expected).toList()).containsExactly(CreateAccountResult.values());
    }
}
