package org.corridor.core.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.BOB;
import static org.corridor.core.state.SwitchFixture.BOB_USD;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.DAVE_USD;
import static org.corridor.core.state.SwitchFixture.EUR;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.OTHER_WALLET;
import static org.corridor.core.state.SwitchFixture.TIER_BASIC_USD;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.Event;
import org.corridor.core.wallet.WalletOperations.TransferResult;
import org.corridor.core.wallet.WalletOperations.WithdrawalResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Transfers between customers and withdrawals: one line per result in precedence order (a refusal moves nothing), then
 * the money of the successes to the unit, across two wallet providers.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WalletOperationsTest {
    private final SwitchFixture f = new SwitchFixture();

    record Line(TransferResult expected, String scenario,
            Function<SwitchFixture, Outcome<TransferResult, WalletTransfer>> command) {
        @Override
        public String toString() {
            return expected + ": " + scenario;
        }
    }

    private static Outcome<TransferResult, WalletTransfer> transfer(SwitchFixture f, String owner, String from, String to,
            long amount, String currency) {
        return WalletOperations.transfer(f.state(), owner, "wtr_1", from, to, amount, currency, "");
    }

    static Stream<Line> transferLines() {
        return Stream.of(
                new Line(TransferResult.OK, "to a customer of the same wallet", f -> transfer(f, WALLET, ALICE, DAVE, 100, USD)),
                new Line(TransferResult.OK, "to a customer of another wallet", f -> transfer(f, WALLET, ALICE, BOB, 100, USD)),
                new Line(TransferResult.CUSTOMER_NOT_FOUND, "a payer of another wallet",
                        f -> transfer(f, OTHER_WALLET, ALICE, BOB, 100, USD)),
                new Line(TransferResult.RECIPIENT_NOT_FOUND, "an unknown recipient",
                        f -> transfer(f, WALLET, ALICE, "cus_nobody", 100, USD)),
                new Line(TransferResult.SAME_CUSTOMER, "to oneself", f -> transfer(f, WALLET, ALICE, ALICE, 100, USD)),
                new Line(TransferResult.CURRENCY_NOT_SUPPORTED, "a currency the payer lacks",
                        f -> transfer(f, WALLET, ALICE, BOB, 100, EUR)),
                new Line(TransferResult.RECIPIENT_CURRENCY_NOT_SUPPORTED, "a currency the recipient lacks",
                        f -> transfer(f, WALLET, ALICE, BOB, 100, JPY)),
                new Line(TransferResult.CURRENCY_NOT_ALLOWED_BY_TIER, "a currency the payer's tier does not list",
                        f -> {
                            f.putInBasicTier(ALICE);
                            return transfer(f, WALLET, ALICE, jpyCustomer(f), 1, JPY);
                        }),
                new Line(TransferResult.PER_PAYMENT_LIMIT_EXCEEDED, "above the payer's tier's per-payment limit",
                        f -> {
                            f.putInBasicTier(ALICE);
                            return transfer(f, WALLET, ALICE, DAVE, TIER_BASIC_USD.perPaymentMinor() + 1, USD);
                        }),
                new Line(TransferResult.DAILY_LIMIT_EXCEEDED, "past the payer's tier's daily limit", f -> {
                    f.putInBasicTier(ALICE, 40_000, 40_000, 0);
                    return transfer(f, WALLET, ALICE, BOB, 10_001, USD);
                }),
                new Line(TransferResult.YEARLY_LIMIT_EXCEEDED, "past the payer's tier's yearly limit", f -> {
                    f.putInBasicTier(ALICE, 0, 110_000, 0);
                    return transfer(f, WALLET, ALICE, BOB, 10_001, USD);
                }),
                new Line(TransferResult.PER_PAYMENT_LIMIT_EXCEEDED, "precedence: the tier's limit before the balance",
                        f -> {
                            f.putInBasicTier(DAVE);
                            return transfer(f, WALLET, DAVE, ALICE, TIER_BASIC_USD.perPaymentMinor() + 1, USD);
                        }),
                new Line(TransferResult.INSUFFICIENT_FUNDS, "more than the payer holds",
                        f -> transfer(f, WALLET, DAVE, ALICE, DAVE_USD + 1, USD)),
                new Line(TransferResult.INSUFFICIENT_FUNDS, "within the payer's tier, more than it holds: no usage", f -> {
                    f.putInBasicTier(DAVE);
                    return transfer(f, WALLET, DAVE, ALICE, DAVE_USD + 1, USD);
                }));
    }

    /** A new customer of {@link SwitchFixture#WALLET} holding JPY, in a batch of its own. */
    private static String jpyCustomer(SwitchFixture f) {
        String id = "cus_erin";
        assertThat(ParticipantOperations.createCustomer(f.state(), WALLET, id, "Erin", List.of(JPY), Map.of(), "").ok())
                .isTrue();
        f.drain();
        return id;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transferLines")
    void transfersAnswerInPrecedenceOrder(Line line) {
        long before = f.customerBalance(ALICE, USD) + f.customerBalance(DAVE, USD) + f.customerBalance(BOB, USD);
        Outcome<TransferResult, WalletTransfer> outcome = line.command().apply(f);
        assertThat(outcome.result()).isEqualTo(line.expected());
        long after = f.customerBalance(ALICE, USD) + f.customerBalance(DAVE, USD) + f.customerBalance(BOB, USD);
        assertThat(after).as("money between customers is neither made nor lost").isEqualTo(before);
        if (line.expected() != TransferResult.OK) assertThat(f.drain().records()).as("a refusal records nothing").isEmpty();
        assertThat(f.auditViolations()).isEmpty();
    }

    @Test
    void theTransferTableWalksEveryResultInDeclarationOrder() {
        assertThat(transferLines().map(Line::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(TransferResult.values()));
    }

    @Test
    void aTransferAcrossWalletsMovesTheAmountFromOneBalanceToTheOther() {
        f.drain();
        assertThat(transfer(f, WALLET, ALICE, BOB, 2_500, USD).ok()).isTrue();
        assertThat(SwitchFixture.events(f.drain())).extracting(Event::ownerId).containsExactlyInAnyOrder(WALLET, OTHER_WALLET);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD - 2_500);
        assertThat(f.customerBalance(BOB, USD)).isEqualTo(BOB_USD + 2_500);
    }

    @Test
    void aWithdrawalReturnsTheBalanceToTheWalletsFundingAccount() {
        long funding = f.fundingBalance(WALLET, USD);
        assertThat(WalletOperations.withdraw(f.state(), WALLET, "wd_1", DAVE, DAVE_USD, USD).result())
                .isEqualTo(WithdrawalResult.OK);
        assertThat(f.customerBalance(DAVE, USD)).isZero();
        assertThat(f.fundingBalance(WALLET, USD)).isEqualTo(funding + DAVE_USD);
        assertThat(WalletOperations.withdraw(f.state(), WALLET, "wd_2", DAVE, 1, USD).result())
                .isEqualTo(WithdrawalResult.INSUFFICIENT_FUNDS);
        assertThat(WalletOperations.withdraw(f.state(), WALLET, "wd_3", BOB, 1, USD).result())
                .isEqualTo(WithdrawalResult.CUSTOMER_NOT_FOUND);
        assertThat(WalletOperations.withdraw(f.state(), WALLET, "wd_4", DAVE, 1, JPY).result())
                .isEqualTo(WithdrawalResult.CURRENCY_NOT_SUPPORTED);
        assertThat(f.auditViolations()).isEmpty();
    }
}
