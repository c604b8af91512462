package org.corridor.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.corridor.core.InvariantViolation;
import org.corridor.gateway.TestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CardNetworkTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(nullValues = "-", value = {
        // leading digits,    network (- for none)
        "4,                   VISA",
        TestCards.VISA + ",    VISA",
        "3,                   -",
        "5,                   -",
        "50,                  -",
        "51,                  MASTERCARD",
        "55,                  MASTERCARD",
        TestCards.MASTERCARD + ",    MASTERCARD",
        "56,                  -",
        "22,                  -",
        "222,                 -",
        "2220,                -",
        "2221,                MASTERCARD",
        TestCards.MASTERCARD_2_SERIES + ",    MASTERCARD",
        "2720,                MASTERCARD",
        "272099,              MASTERCARD",
        "2721,                -",
        "272100,              -",
        "61,                  -",
        "62,                  UNIONPAY",
        "6200000000000005,    UNIONPAY",
        "63,                  -",
        "81,                  -",
        "9999999999999999999, -",
    })
    void theLeadingDigitsPickTheNetworkByItsPublishedRanges(String digits, CardNetwork expected) {
        assertThat(CardNetwork.ofPan(digits)).isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void noDigitsPickNoNetwork() {
        assertThat(CardNetwork.ofPan("")).isEmpty();
    }

    @Test
    void inputThatIsNotPanDigitsIsAProgrammerError() {
        assertThatThrownBy(() -> CardNetwork.ofPan(null)).isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> CardNetwork.ofPan("4111 1111")).isInstanceOf(InvariantViolation.class)
                .hasMessage("PAN must be digits only");
        assertThatThrownBy(() -> CardNetwork.ofPan("41111111111111111111")).isInstanceOf(InvariantViolation.class)
                .hasMessage("PAN is longer than 19 digits");
    }
}
