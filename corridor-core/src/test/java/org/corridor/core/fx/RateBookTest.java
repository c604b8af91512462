package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.core.fx.RateBook.OfferResult.ACCEPTED;
import static org.corridor.core.fx.RateBook.OfferResult.AS_OF_IN_THE_FUTURE;
import static org.corridor.core.fx.RateBook.OfferResult.BOOK_FULL;
import static org.corridor.core.fx.RateBook.OfferResult.NOT_NEWER_THAN_HELD;
import static org.corridor.core.fx.RateLookup.Result.CROSS_RATE_OUT_OF_RANGE;
import static org.corridor.core.fx.RateLookup.Result.CURRENCY_UNKNOWN;
import static org.corridor.core.fx.RateLookup.Result.OK;
import static org.corridor.core.fx.RateLookup.Result.RATE_NOT_FOUND;
import static org.corridor.core.fx.RateLookup.Result.RATE_STALE;
import static org.corridor.core.fx.RateLookup.Result.SAME_CURRENCY;

import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.corridor.core.InvariantViolation;
import org.corridor.core.fx.RateBook.OfferResult;
import org.corridor.core.fx.RateLookup.Derivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** {@link RateBook}: one line per offer and lookup result, then how rates are derived. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RateBookTest {
    private static final long T0 = FxGenerators.ORIGIN_NANOS;
    private static final long SECOND = 1_000_000_000L;
    private static final long MAX_AGE = 60 * SECOND;
    private static final long NOW = T0 + 10 * SECOND;

    private static Rate rate(String base, String quote, String price, long asOf) {
        return new Rate(base, quote, Price.parseDecimal(price).orElseThrow(), asOf, "test-feed");
    }

    private static final Rate USD_CNY = rate("USD", "CNY", "7.1", T0);
    private static final Rate USD_JPY = rate("USD", "JPY", "151.25", T0 + SECOND);
    private static final Rate EUR_USD = rate("EUR", "USD", "1.08", T0 + 2 * SECOND);

    /** A book holding USD/CNY, USD/JPY and EUR/USD. */
    private static RateBook book() {
        RateBook book = new RateBook(MAX_AGE);
        for (Rate rate : List.of(USD_CNY, USD_JPY, EUR_USD)) assertThat(book.offer(rate, NOW)).isEqualTo(ACCEPTED);
        return book;
    }

    private static ResultLine<OfferResult, OfferResult> offer(OfferResult expected, String scenario,
            Consumer<RateBook> setup, Rate rate) {
        return new ResultLine<>(expected, scenario, () -> {
            RateBook book = book();
            setup.accept(book);
            return book.offer(rate, NOW);
        }, result -> result);
    }

    static final List<ResultLine<OfferResult, OfferResult>> OFFERS = List.of(
            offer(ACCEPTED, "a new pair", b -> {}, rate("GBP", "USD", "1.27", T0)),
            offer(ACCEPTED, "a newer rate for a held pair", b -> {}, rate("USD", "CNY", "7.2", T0 + 1)),
            offer(ACCEPTED, "a rate as of now", b -> {}, rate("USD", "CNY", "7.2", NOW)),
            offer(ACCEPTED, "the other direction of a held pair is a pair of its own", b -> {},
                    rate("CNY", "USD", "0.14", T0)),
            offer(AS_OF_IN_THE_FUTURE, "a rate one nanosecond ahead", b -> {}, rate("GBP", "USD", "1.27", NOW + 1)),
            offer(NOT_NEWER_THAN_HELD, "the held rate again", b -> {}, USD_CNY),
            offer(NOT_NEWER_THAN_HELD, "an older rate for a held pair", b -> {}, rate("USD", "CNY", "7.0", T0 - 1)),
            offer(BOOK_FULL, "a new pair in a full book", RateBookTest::fill, rate("GBP", "USD", "1.27", T0)));

    @ParameterizedTest(name = "{0}")
    @FieldSource("OFFERS")
    void offers(ResultLine<OfferResult, OfferResult> line) {
        line.play();
    }

    @Test
    void offersWalkEveryResultInOrder() {
        ResultLine.assertWalksEveryResultInOrder(OFFERS, OfferResult.class);
    }

    @Test
    void aFullBookStillTakesNewerRatesForHeldPairs() {
        RateBook book = book();
        fill(book);
        assertThat(book.pairs()).isEqualTo(RateBook.PAIRS_MAX);
        assertThat(book.offer(rate("USD", "CNY", "7.2", T0 + 1), NOW)).isEqualTo(ACCEPTED);
    }

    private static ResultLine<RateLookup.Result, RateLookup> lookup(RateLookup.Result expected, String scenario,
            Consumer<RateBook> setup, String base, String quote, long now) {
        return new ResultLine<>(expected, scenario, () -> {
            RateBook book = book();
            setup.accept(book);
            return book.lookup(base, quote, now);
        }, RateLookup::result);
    }

    static final List<ResultLine<RateLookup.Result, RateLookup>> LOOKUPS = List.of(
            lookup(OK, "a pair as published", b -> {}, "USD", "CNY", NOW),
            lookup(OK, "the inverse of a published pair", b -> {}, "CNY", "USD", NOW),
            lookup(OK, "a cross through the pivot", b -> {}, "CNY", "JPY", NOW),
            lookup(OK, "lower-case codes", b -> {}, "usd", "cny", NOW),
            lookup(OK, "exactly the maximum age", b -> {}, "USD", "CNY", T0 + MAX_AGE),
            lookup(CURRENCY_UNKNOWN, "not a currency", b -> {}, "ABC", "USD", NOW),
            lookup(CURRENCY_UNKNOWN, "a code with no minor units", b -> {}, "USD", "XAU", NOW),
            lookup(CURRENCY_UNKNOWN, "no code at all", b -> {}, null, "USD", NOW),
            lookup(SAME_CURRENCY, "dollars for dollars", b -> {}, "USD", "usd", NOW),
            lookup(RATE_NOT_FOUND, "a pivot pair nobody quotes", b -> {}, "USD", "GBP", NOW),
            lookup(RATE_NOT_FOUND, "a cross with one leg missing", b -> {}, "CNY", "GBP", NOW),
            lookup(RATE_STALE, "one nanosecond past the maximum age", b -> {}, "USD", "CNY", T0 + MAX_AGE + 1),
            lookup(RATE_STALE, "an inverse past the maximum age", b -> {}, "CNY", "USD", T0 + MAX_AGE + 1),
            lookup(RATE_STALE, "a cross whose older leg is stale", b -> {}, "EUR", "CNY", T0 + MAX_AGE + 1),
            lookup(CROSS_RATE_OUT_OF_RANGE, "a cross too large for a price", RateBookTest::extremes, "KRW", "IDR",
                    NOW));

    @ParameterizedTest(name = "{0}")
    @FieldSource("LOOKUPS")
    void lookups(ResultLine<RateLookup.Result, RateLookup> line) {
        RateLookup answer = line.play();
        if (answer.ok()) {
            assertThat(answer.rate()).isNotNull();
            assertThat(answer.legs()).isNotEmpty();
        }
    }

    @Test
    void lookupsWalkEveryResultInOrder() {
        ResultLine.assertWalksEveryResultInOrder(LOOKUPS, RateLookup.Result.class);
    }

    @Test
    void anInverseIsExactAndKeepsItsSourceAndTime() {
        RateLookup found = book().lookup("JPY", "USD", NOW);
        assertThat(found.derivation()).isEqualTo(Derivation.INVERSE);
        assertThat(found.rate()).isEqualTo(new Rate("JPY", "USD", new Price(4, 605), T0 + SECOND, "test-feed"));
        assertThat(found.legs()).containsExactly(USD_JPY);
    }

    @Test
    void aCrossIsTheProductOfItsLegsAsOldAsTheOlder() {
        RateLookup found = book().lookup("CNY", "JPY", NOW);
        assertThat(found.derivation()).isEqualTo(Derivation.CROSS);
        // CNY/USD is 10/71, USD/JPY 605/4: CNY/JPY is 6050/284 = 3025/142, exactly.
        assertThat(found.rate()).isEqualTo(new Rate("CNY", "JPY", new Price(3025, 142), T0, RateBook.CROSS_SOURCE));
        assertThat(found.legs()).containsExactly(USD_CNY.inverse(), USD_JPY);
    }

    @Test
    void aPublishedPairIsPreferredToACross() {
        RateBook book = book();
        Rate cnyJpy = rate("CNY", "JPY", "21.3", T0);
        book.offer(cnyJpy, NOW);
        assertThat(book.lookup("CNY", "JPY", NOW).rate()).isEqualTo(cnyJpy);
        assertThat(book.lookup("JPY", "CNY", NOW).rate()).isEqualTo(cnyJpy.inverse());
    }

    @Test
    void whenBothDirectionsArePublishedTheNewerWinsAndTheDirectOneOnATie() {
        RateBook book = book();
        Rate cnyUsd = rate("CNY", "USD", "0.14", T0 + 5 * SECOND);
        book.offer(cnyUsd, NOW);
        RateLookup found = book.lookup("USD", "CNY", T0 + MAX_AGE + 1);
        assertThat(found.result()).isEqualTo(OK);
        assertThat(found.derivation()).isEqualTo(Derivation.INVERSE);
        assertThat(found.rate()).isEqualTo(cnyUsd.inverse());

        book.offer(rate("USD", "CNY", "7.15", T0 + 5 * SECOND), NOW);
        assertThat(book.lookup("USD", "CNY", NOW).derivation()).isEqualTo(Derivation.DIRECT);
    }

    @Test
    void aClockGoingBackBeforeAnAcceptedRateIsABrokenInvariant() {
        RateBook book = book();
        assertThatThrownBy(() -> book.lookup("USD", "CNY", T0 - 1)).isInstanceOf(InvariantViolation.class);
    }

    @Test
    void theMaximumAgeIsBounded() {
        assertThatThrownBy(() -> new RateBook(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateBook(RateBook.RATE_AGE_LIMIT_NANOS_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RateBook(RateBook.RATE_AGE_LIMIT_NANOS_MAX).pairs()).isZero();
    }

    /** Fills the book up to {@link RateBook#PAIRS_MAX} pairs with ones that do not involve GBP. */
    private static void fill(RateBook book) {
        List<String> codes = Currency.getAvailableCurrencies().stream()
                .filter(c -> c.getDefaultFractionDigits() >= 0 && c.getDefaultFractionDigits() <= 4)
                .map(Currency::getCurrencyCode).filter(code -> !code.equals("GBP"))
                .sorted(Comparator.naturalOrder()).toList();
        for (int i = 0; i < codes.size() && book.pairs() < RateBook.PAIRS_MAX; i++) {
            for (int j = 0; j < codes.size() && book.pairs() < RateBook.PAIRS_MAX; j++) {
                if (i != j) book.offer(rate(codes.get(i), codes.get(j), "1.5", T0), NOW);
            }
        }
        assertThat(book.pairs()).isEqualTo(RateBook.PAIRS_MAX);
    }

    /** USD/KRW at the smallest price and USD/IDR at the largest: KRW/IDR, their cross, is 10^28, not a price. */
    private static void extremes(RateBook book) {
        book.offer(new Rate("USD", "KRW", new Price(1, Price.TERM_MAX), T0, "test-feed"), NOW);
        book.offer(new Rate("USD", "IDR", new Price(Price.TERM_MAX, 1), T0, "test-feed"), NOW);
    }
}
