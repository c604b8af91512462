package org.corridor.codec.qr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QrAmountTest {
    @ParameterizedTest(name = "{1} {0} is {2} minor")
    @CsvSource({
        "10, JPY, 10", "10., JPY, 10", "10, USD, 1000", "10., USD, 1000", "10.5, USD, 1050", "10.50, USD, 1050",
        "0.01, USD, 1", "1.234, BHD, 1234", "1.2, BHD, 1200", "0.001, BHD, 1", "9999999999999, JPY, 9999999999999",
        "9999999999.99, USD, 999999999999"})
    void reads(String text, String currency, long minor) {
        assertThat(QrAmount.parseMinor(text, Currency.getInstance(currency))).hasValue(minor);
    }

    @ParameterizedTest(name = "{1} {0} is refused")
    @CsvSource({
        "10.5, JPY", "10.505, USD", "1.2345, BHD", "0, USD", "0.00, USD", "., USD", ".5, USD", "1.2.3, USD",
        "-1, USD", "+1, USD", "1e3, USD", "' 1', USD", "12345678901234, JPY", "١٢, JPY"})
    void refuses(String text, String currency) {
        assertThat(QrAmount.parseMinor(text, Currency.getInstance(currency))).isEmpty();
    }

    @Test
    void writingThenReadingGivesTheSameMinorUnits() {
        Random random = new Random(0x5404L);
        for (String code : new String[] {"JPY", "USD", "BHD"}) {
            Currency currency = Currency.getInstance(code);
            for (int i = 0; i < 10_000; i++) {
                long minor = 1 + (random.nextLong() & Long.MAX_VALUE) % 9_999_999_999L;
                String text = QrAmount.format(minor, currency).orElseThrow();
                assertThat(QrAmount.parseMinor(text, currency)).as(text).hasValue(minor);
            }
        }
        assertThat(QrAmount.format(0, Currency.getInstance("USD"))).isEmpty();
    }
}
