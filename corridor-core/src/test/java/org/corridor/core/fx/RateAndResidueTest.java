package org.corridor.core.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks {@link Rate} and {@link Residue} make on their fields. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RateAndResidueTest {
    private static final Price PRICE = new Price(71, 10);

    @Test
    void aRateCanonicalisesItsCodes() {
        Rate rate = new Rate("usd", "cny", PRICE, 1, "feed");
        assertThat(rate.base()).isEqualTo("USD");
        assertThat(rate.quote()).isEqualTo("CNY");
        assertThat(rate.inverse().inverse()).isEqualTo(rate);
        assertThat(Rate.exponent("JPY")).isZero();
        assertThat(Rate.exponent("KWD")).isEqualTo(3);
        assertThat(Rate.exponent("CLF")).isEqualTo(4);
    }

    @Test
    void aRateNamesTwoDifferentPayableCurrencies() {
        assertThatThrownBy(() -> new Rate("USD", "usd", PRICE, 1, "feed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate("ABC", "USD", PRICE, 1, "feed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate("XAU", "USD", PRICE, 1, "feed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate("USD", "CNY", null, 1, "feed")).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest(name = "source \"{0}\" is refused")
    @ValueSource(strings = {"", "a b", "feed/1", "ecb\n", "fééd"})
    void badSourceNamesAreRefused(String source) {
        assertThatThrownBy(() -> new Rate("USD", "CNY", PRICE, 1, source)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sourceNamesAreBounded() {
        assertThat(Rate.isSourceName("a".repeat(Rate.SOURCE_CHARS_MAX))).isTrue();
        assertThat(Rate.isSourceName("a".repeat(Rate.SOURCE_CHARS_MAX + 1))).isFalse();
        assertThat(Rate.isSourceName("ecb.daily:v1_2-x")).isTrue();
        assertThat(Rate.isSourceName(null)).isFalse();
    }

    @Test
    void aResidueIsBelowOneMinorUnitInLowestTerms() {
        assertThatThrownBy(() -> new Residue("USD", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Residue("USD", -1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Residue("USD", 2, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Residue("USD", 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Residue.none("USD").isZero()).isTrue();
    }

    @Test
    void aResidueCountsInAFixedSubUnitRoundedDown() {
        Residue twoThirds = new Residue("USD", 2, 3);
        assertThat(twoThirds.floorIn(0)).isZero();
        assertThat(twoThirds.floorIn(1)).isEqualTo(6);
        assertThat(twoThirds.floorIn(Residue.SUB_UNIT_DIGITS_MAX)).isEqualTo(666_666_666);
        assertThat(new Residue("USD", 1, 2).floorIn(3)).isEqualTo(500);
        assertThatThrownBy(() -> twoThirds.floorIn(Residue.SUB_UNIT_DIGITS_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> twoThirds.floorIn(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
