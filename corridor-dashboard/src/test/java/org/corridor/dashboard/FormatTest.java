package org.corridor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FormatTest {
    @Test
    void amountsUseTheCurrencysDecimals() {
        assertThat(Format.money(1234, "USD")).isEqualTo("12.34 USD");
        assertThat(Format.money(-5, "USD")).isEqualTo("-0.05 USD");
        assertThat(Format.money(1234, "JPY")).isEqualTo("1234 JPY");
        assertThat(Format.money(1234, "BHD")).isEqualTo("1.234 BHD");
    }

    @Test
    void timesAreUtcToTheSecondAndSharesToATenthOfAPercent() {
        assertThat(Format.time(1_800_000_000_123_456_789L)).isEqualTo("2027-01-15 08:00:00 UTC");
        assertThat(Format.time(0)).isEqualTo("–");
        assertThat(Format.percent(2, 3)).isEqualTo("66.6 %");
        assertThat(Format.percent(0, 0)).isEqualTo("–");
    }

    @Test
    void ledgersAreNamedByTheirCurrencysNumericCode() {
        assertThat(Ledgers.currency(840)).isEqualTo("USD");
        assertThat(Ledgers.currency(156)).isEqualTo("CNY");
    }
}
