package org.corridor.gateway.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.Rate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RateFeedFormat}: exactly the members it names, rates read exactly, the faulty entry named. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RateFeedFormatTest {
    static String entry(String base, String quote, String rate) {
        return "{\"base\":\"" + base + "\",\"quote\":\"" + quote + "\",\"rate\":" + rate
                + ",\"as_of\":\"2026-11-02T10:00:00Z\"}";
    }

    private static List<Rate> read(String json) throws RateSourceException {
        return RateFeedFormat.read(json.getBytes(StandardCharsets.UTF_8), "test-feed");
    }

    @Test
    void readsRatesExactly() throws Exception {
        List<Rate> rates = read("{\"rates\":[" + entry("USD", "CNY", "7.1234567890123") + ","
                + entry("EUR", "USD", "1.08") + "]}");
        assertThat(rates).extracting(Rate::price)
                .containsExactly(Price.parseDecimal("7.1234567890123").orElseThrow(), new Price(27, 25));
        assertThat(rates).extracting(Rate::source).containsOnly("test-feed");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[]                                              | the answer is not an object",
        "{\"rates\":[],\"extra\":1}                      | the answer does not have exactly the members [rates]",
        "{\"rates\":{}}                                  | rates is not an array",
        "{\"rates\":[]}                                  | rates is empty",
        "{\"rates\":[1]}                                 | rates[0] is not an object",
        "{\"rates\":[{\"base\":\"USD\"}]}                | rates[0] does not have exactly the members [as_of, base, quote, rate]",
        "{\"rates\":[{\"base\":1,\"quote\":\"CNY\",\"rate\":7,\"as_of\":\"x\"}]}  | rates[0]: base is not a string",
        "{\"rates\":[{\"base\":\"USD\",\"quote\":\"CNY\",\"rate\":\"7.1\",\"as_of\":\"x\"}]} | rates[0]: rate is not a number",
        "{\"rates\":[{\"base\":\"USD\",\"quote\":\"CNY\",\"rate\":7.1,\"as_of\":null}]} | rates[0]: as_of is not a string",
        "{\"rates\":[{\"base\":\"USD\",\"quote\":\"CNY\",\"rate\":7.1e0,\"as_of\":\"2026-11-02T10:00:00Z\"}]} | rates[0]: rate is not a positive plain decimal with at most 14 places and terms up to 100000000000000",
        "{\"rates\":[{\"base\":\"USD\",\"quote\":\"CNY\",\"rate\":-7.1,\"as_of\":\"2026-11-02T10:00:00Z\"}]} | rates[0]: rate is not a positive plain decimal with at most 14 places and terms up to 100000000000000",
        "{\"rates\":[{\"base\":\"USD\",\"quote\":\"CNY\",\"rate\":7.1,\"as_of\":\"2026-11-02T10:00:00Z\"},{\"base\":\"USD\",\"quote\":\"CNY\",\"rate\":7.2,\"as_of\":\"2026-11-02T10:00:00Z\"}]} | rates[1]: the pair is already given at rates[0]",
        "{\"rates\":[1,]}                                | the feed's answer is invalid JSON at character 12: not the start of a value",
    })
    void refusesWhatBreaksTheFormat(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(RateSourceException.class).hasMessage(message);
    }

    @Test
    void refusesMoreRatesThanTheLimit() {
        StringBuilder json = new StringBuilder("{\"rates\":[");
        for (int i = 0; i <= RateFeedFormat.RATES_MAX; i++) json.append(i == 0 ? "" : ",").append("1");
        json.append("]}");
        assertThatThrownBy(() -> read(json.toString())).hasMessage("more than " + RateFeedFormat.RATES_MAX + " rates");
    }
}
