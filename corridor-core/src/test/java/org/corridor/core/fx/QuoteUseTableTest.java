package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.fx.QuoteFixture.NOW;
import static org.corridor.core.fx.QuoteRules.UseResult.AMOUNT_MISMATCH;
import static org.corridor.core.fx.QuoteRules.UseResult.OK;
import static org.corridor.core.fx.QuoteRules.UseResult.PAIR_MISMATCH;
import static org.corridor.core.fx.QuoteRules.UseResult.QUOTE_EXPIRED;
import static org.corridor.core.fx.QuoteRules.UseResult.QUOTE_USED_BY_ANOTHER_PAYMENT;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.corridor.core.fx.QuoteRules.UseResult;
import org.corridor.core.state.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** One line per {@link UseResult}, first check to last. A refusal hands the quote back unchanged. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QuoteUseTableTest {
    private static final Quote OPEN = QuoteFixture.open();
    private static final long LATER = NOW + 1_000_000_000L;

    private record Played(Quote before, Outcome<UseResult, Quote> outcome) {}

    private static ResultLine<UseResult, Played> line(UseResult expected, String scenario, Quote quote,
            String paymentId, UnaryOperator<QuoteUse> change, long atNanos) {
        return new ResultLine<>(expected, scenario, () -> new Played(quote,
                QuoteRules.use(quote, change.apply(QuoteFixture.matching(paymentId, quote)), atNanos)),
                played -> played.outcome().result());
    }

    private static QuoteUse buying(QuoteUse use, String currency) {
        return new QuoteUse(use.paymentId(), use.sellCurrency(), currency, use.sellMinor(), use.buyMinor());
    }

    private static QuoteUse amounts(QuoteUse use, long sellMinor, long buyMinor) {
        return new QuoteUse(use.paymentId(), use.sellCurrency(), use.buyCurrency(), sellMinor, buyMinor);
    }

    static final List<ResultLine<UseResult, Played>> TABLE = List.of(
            line(OK, "the quote's own pair and amounts before expiry", OPEN, "pay_1", u -> u, LATER),
            line(OK, "the last nanosecond before expiry", OPEN, "pay_1", u -> u, OPEN.expiresAtNanos() - 1),
            line(OK, "a retry by the same payment after expiry gets the original answer",
                    QuoteFixture.usedBy("pay_1"), "pay_1", u -> u, OPEN.expiresAtNanos() + 1),
            line(QUOTE_USED_BY_ANOTHER_PAYMENT, "a quote another payment used", QuoteFixture.usedBy("pay_1"),
                    "pay_2", u -> u, LATER),
            line(QUOTE_USED_BY_ANOTHER_PAYMENT, "used by another, expired and for another pair: the first check",
                    QuoteFixture.usedBy("pay_1"), "pay_2", u -> buying(u, "EUR"), OPEN.expiresAtNanos()),
            line(QUOTE_EXPIRED, "at the instant of expiry (now >= expiresAt)", OPEN, "pay_1", u -> u,
                    OPEN.expiresAtNanos()),
            line(QUOTE_EXPIRED, "a quote already marked expired", QuoteFixture.expired(), "pay_1", u -> u, LATER),
            line(QUOTE_EXPIRED, "expired and for another pair: expiry is checked first", OPEN, "pay_1",
                    u -> buying(u, "EUR"), OPEN.expiresAtNanos()),
            line(PAIR_MISMATCH, "a payment to euros", OPEN, "pay_1", u -> buying(u, "EUR"), LATER),
            line(PAIR_MISMATCH, "a retry by the same payment for another pair", QuoteFixture.usedBy("pay_1"),
                    "pay_1", u -> buying(u, "EUR"), LATER),
            line(AMOUNT_MISMATCH, "one cent more than quoted", OPEN, "pay_1",
                    u -> amounts(u, u.sellMinor(), u.buyMinor() + 1), LATER),
            line(AMOUNT_MISMATCH, "one fen less than quoted", OPEN, "pay_1",
                    u -> amounts(u, u.sellMinor() - 1, u.buyMinor()), LATER),
            line(AMOUNT_MISMATCH, "a retry by the same payment for another amount", QuoteFixture.usedBy("pay_1"),
                    "pay_1", u -> amounts(u, u.sellMinor(), u.buyMinor() - 1), LATER));

    @ParameterizedTest(name = "{0}")
    @FieldSource("TABLE")
    void answers(ResultLine<UseResult, Played> line) {
        Played played = line.play();
        Quote after = played.outcome().value();
        if (played.outcome().result() != OK || played.before().status() == QuoteStatus.USED) {
            assertThat(after).isEqualTo(played.before());
        } else {
            assertThat(after.status()).isEqualTo(QuoteStatus.USED);
            assertThat(after.paymentId()).isEqualTo("pay_1");
            assertThat(after.conversion()).isEqualTo(played.before().conversion());
        }
    }

    @Test
    void walksEveryResultInOrder() {
        ResultLine.assertWalksEveryResultInOrder(TABLE, UseResult.class);
    }

    @Test
    void usingRecordsThePaymentAndTheTime() {
        Quote used = QuoteRules.use(OPEN, QuoteFixture.matching("pay_9", OPEN), LATER).value();
        assertThat(used.paymentId()).isEqualTo("pay_9");
        assertThat(used.usedAtNanos()).isEqualTo(LATER);
    }
}
