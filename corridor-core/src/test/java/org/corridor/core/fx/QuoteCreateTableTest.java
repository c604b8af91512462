package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.fx.QuoteFixture.AS_OF;
import static org.corridor.core.fx.QuoteFixture.CNY_USD;
import static org.corridor.core.fx.QuoteFixture.NOW;
import static org.corridor.core.fx.QuoteFixture.REQUEST;
import static org.corridor.core.fx.QuoteRules.CreateResult.AMOUNT_NOT_POSITIVE;
import static org.corridor.core.fx.QuoteRules.CreateResult.CONVERTED_AMOUNT_TOO_LARGE;
import static org.corridor.core.fx.QuoteRules.CreateResult.CONVERTED_AMOUNT_ZERO;
import static org.corridor.core.fx.QuoteRules.CreateResult.LIFETIME_OUT_OF_RANGE;
import static org.corridor.core.fx.QuoteRules.CreateResult.OK;
import static org.corridor.core.fx.QuoteRules.CreateResult.QUOTE_ID_INVALID;
import static org.corridor.core.fx.QuoteRules.CreateResult.QUOTE_ID_REUSED;
import static org.corridor.core.fx.QuoteRules.CreateResult.RATE_OUT_OF_RANGE;
import static org.corridor.core.fx.QuoteRules.CreateResult.RATE_PAIR_MISMATCH;
import static org.corridor.core.fx.QuoteRules.CreateResult.SPREAD_OUT_OF_RANGE;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.core.fx.QuoteRules.CreateResult;
import org.corridor.core.state.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** One line per {@link CreateResult}, first check to last. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QuoteCreateTableTest {
    private static final Rate TINY = new Rate("CNY", "USD", new Price(1, Price.TERM_MAX), AS_OF, "test-feed");
    private static final Rate USD_IDR = new Rate("USD", "IDR", Price.parseDecimal("16234.5").orElseThrow(), AS_OF,
            "test-feed");

    private static ResultLine<CreateResult, Outcome<CreateResult, Quote>> line(CreateResult expected,
            String scenario, Quote existing, QuoteRequest request, Rate mid) {
        return new ResultLine<>(expected, scenario, () -> QuoteRules.create(existing, request, mid, NOW),
                Outcome::result);
    }

    static final List<ResultLine<CreateResult, Outcome<CreateResult, Quote>>> TABLE = List.of(
            line(OK, "a new quote", null, REQUEST, CNY_USD),
            line(OK, "a retry with the same id and fields gets the original, whatever the rate now",
                    QuoteFixture.open(), REQUEST, CNY_USD.inverse().inverse()),
            line(OK, "a retry of a used quote gets it as it is", QuoteFixture.usedBy("pay_1"), REQUEST, CNY_USD),
            line(QUOTE_ID_INVALID, "an id with a space", null, QuoteFixture.withId("quote 1"), CNY_USD),
            line(QUOTE_ID_INVALID, "an empty id", null, QuoteFixture.withId(""), CNY_USD),
            line(QUOTE_ID_INVALID, "an id longer than the limit", null,
                    QuoteFixture.withId("q".repeat(QuoteRules.ID_CHARS_MAX + 1)), CNY_USD),
            line(QUOTE_ID_REUSED, "the id of a quote for another amount", QuoteFixture.open(),
                    QuoteFixture.withAmount(100_001), CNY_USD),
            line(QUOTE_ID_REUSED, "the id of an expired quote for another spread", QuoteFixture.expired(),
                    QuoteFixture.withSpread(60), CNY_USD),
            line(SPREAD_OUT_OF_RANGE, "a negative spread", null, QuoteFixture.withSpread(-1), CNY_USD),
            line(SPREAD_OUT_OF_RANGE, "a spread above the limit", null,
                    QuoteFixture.withSpread(QuoteRules.SPREAD_BASIS_POINTS_MAX + 1), CNY_USD),
            line(LIFETIME_OUT_OF_RANGE, "a quote that would be born expired", null, QuoteFixture.withLifetime(0),
                    CNY_USD),
            line(LIFETIME_OUT_OF_RANGE, "a lifetime above the limit", null,
                    QuoteFixture.withLifetime(QuoteRules.LIFETIME_NANOS_MAX + 1), CNY_USD),
            line(AMOUNT_NOT_POSITIVE, "a zero amount", null, QuoteFixture.withAmount(0), CNY_USD),
            line(AMOUNT_NOT_POSITIVE, "a negative amount", null, QuoteFixture.withAmount(-100), CNY_USD),
            line(RATE_PAIR_MISMATCH, "the mid rate the other way round", null, REQUEST, CNY_USD.inverse()),
            line(RATE_PAIR_MISMATCH, "lower-case codes are not canonical", null,
                    new QuoteRequest("quote_1", "cny", "usd", FixedSide.SELL, 100_000, 50, QuoteFixture.LIFETIME),
                    CNY_USD),
            line(RATE_OUT_OF_RANGE, "the smallest price less a spread is no price", null,
                    QuoteFixture.withSpread(QuoteRules.SPREAD_BASIS_POINTS_MAX), TINY),
            line(CONVERTED_AMOUNT_ZERO, "one fen buys less than a cent", null, QuoteFixture.withAmount(1), CNY_USD),
            line(CONVERTED_AMOUNT_TOO_LARGE, "rupiah for a huge dollar amount overflow", null,
                    new QuoteRequest("quote_1", "USD", "IDR", FixedSide.SELL, Long.MAX_VALUE / 1_000, 50,
                            QuoteFixture.LIFETIME), USD_IDR),
            line(CONVERTED_AMOUNT_TOO_LARGE, "dollars to buy a huge rupiah amount overflow", null,
                    new QuoteRequest("quote_1", "IDR", "USD", FixedSide.BUY, Long.MAX_VALUE / 1_000, 0,
                            QuoteFixture.LIFETIME), USD_IDR.inverse()));

    @ParameterizedTest(name = "{0}")
    @FieldSource("TABLE")
    void answers(ResultLine<CreateResult, Outcome<CreateResult, Quote>> line) {
        Outcome<CreateResult, Quote> outcome = line.play();
        if (outcome.result() != OK) assertThat(outcome.value()).isNull();
    }

    @Test
    void walksEveryResultInOrder() {
        ResultLine.assertWalksEveryResultInOrder(TABLE, CreateResult.class);
    }

    @Test
    void aSellQuoteLocksTheCustomerRateAndRoundsWhatIsBoughtDown() {
        Quote quote = QuoteRules.create(null, REQUEST, CNY_USD, NOW).value();
        // 0.1389 less 50 bp is 0.1382055: 1,000.00 CNY buys 138.2055 USD, so 138.20 and a residue of 0.55 cent.
        assertThat(quote.customerRate().price()).isEqualTo(Price.parseDecimal("0.1382055").orElseThrow());
        assertThat(quote.sellMinor()).isEqualTo(100_000);
        assertThat(quote.buyMinor()).isEqualTo(13_820);
        assertThat(quote.conversion().residue()).isEqualTo(new Residue("USD", 11, 20));
        assertThat(quote.status()).isEqualTo(QuoteStatus.OPEN);
        assertThat(quote.createdAtNanos()).isEqualTo(NOW);
        assertThat(quote.expiresAtNanos()).isEqualTo(NOW + QuoteFixture.LIFETIME);
        assertThat(quote.paymentId()).isNull();
    }

    @Test
    void aBuyQuoteRoundsWhatIsSoldUp() {
        QuoteRequest buy = new QuoteRequest("quote_2", "CNY", "USD", FixedSide.BUY, 10_000, 0, QuoteFixture.LIFETIME);
        Quote quote = QuoteRules.create(null, buy, CNY_USD, NOW).value();
        assertThat(quote.buyMinor()).isEqualTo(10_000);
        assertThat(quote.sellMinor()).isEqualTo(71_995);
        assertThat(quote.conversion().residue()).isEqualTo(new Residue("CNY", 1055, 1389));
    }
}
