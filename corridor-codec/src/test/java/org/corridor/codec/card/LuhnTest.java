package org.corridor.codec.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.corridor.codec.TestCards;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LuhnTest {

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({
        // The worked example from ISO/IEC 7812-1 as retold by most references.
        "79927398713, true",
        "79927398710, false",
        "79927398719, false",
        // Well-known test card numbers published by the card schemes' acquirers.
        TestCards.VISA + ", true",
        TestCards.VISA_LUHN_BROKEN + ", false",
        TestCards.MASTERCARD + ", true",
        TestCards.AMEX + ", true",
        TestCards.DISCOVER + ", true",
        TestCards.VISA_OTHER + ", true",
        "00, true",
        "18, true",
    })
    void validatesPublishedNumbers(String number, boolean valid) {
        assertThat(Luhn.isValid(number)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"7992739871, 3", "411111111111111, 1", "555555555555444, 4", "0, 0", "1, 8"})
    void computesCheckDigit(String payload, int checkDigit) {
        assertThat(Luhn.checkDigit(payload)).isEqualTo(checkDigit);
        assertThat(Luhn.isValid(Luhn.withCheckDigit(payload))).isTrue();
    }

    @Test
    void everyComputedCheckDigitValidatesAndEveryOtherDigitDoesNot() {
        String payload = "400000123456789";
        int check = Luhn.checkDigit(payload);
        for (int digit = 0; digit <= 9; digit++) {
            assertThat(Luhn.isValid(payload + digit)).isEqualTo(digit == check);
        }
    }

    @Test
    void panBoundsAreTwelveToNineteenDigits() {
        assertThat(Luhn.isValidPan(Luhn.withCheckDigit("41111111111"))).isTrue();
        assertThat(Luhn.isValidPan(Luhn.withCheckDigit("411111111111111111"))).isTrue();
        assertThatThrownBy(() -> Luhn.isValidPan(Luhn.withCheckDigit("4111111111")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 to 19 digits");
        assertThatThrownBy(() -> Luhn.isValidPan(Luhn.withCheckDigit("4111111111111111111")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12 to 19 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "4111 1111 1111 1111", "411111111111111a", "-" + TestCards.VISA, "４１１１１１"})
    void rejectsWhatIsNotADigitString(String input) {
        assertThatThrownBy(() -> Luhn.isValid(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNullAndOverlongInputWithoutEchoingIt() {
        assertThatThrownBy(() -> Luhn.isValid(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Luhn.checkDigit("1".repeat(Luhn.DIGITS_MAX)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Luhn.isValidPan("4111x11111111111"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("4111");
    }
}
