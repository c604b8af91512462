package org.corridor.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PanTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // length, masked form: six digits stay hidden, at most 6 leading and 4 trailing digits show.
        "411111111117,        41******1117",
        "4111111111119,       411******1119",
        "41111111111114,      4111******1114",
        "378282246310005,     37828******0005",
        TestCards.VISA + ",    411111******1111",
        "5555555555554444,    555555******4444",
        "4111111111111111110, 411111*********1110",
    })
    void masksAtMostFirstSixAndLastFour(String digits, String masked) {
        Pan pan = Pan.of(digits);
        assertThat(pan.masked()).isEqualTo(masked);
        assertThat(pan.toString()).isEqualTo(masked).hasSize(digits.length());
    }

    @ParameterizedTest(name = "{0} bin={1}")
    @CsvSource({TestCards.VISA + ", 41111111", "378282246310005, 378282", "411111111117, 411111"})
    void binIsEightDigitsFromSixteenDigitsOn(String digits, String bin) {
        assertThat(Pan.of(digits).bin()).isEqualTo(bin);
        assertThat(Pan.of(digits).lastFour()).isEqualTo(digits.substring(digits.length() - 4));
    }

    @Test
    void equalsAndHashCodeByValue() {
        assertThat(Pan.of(TestCards.VISA)).isEqualTo(Pan.of(TestCards.VISA))
                .hasSameHashCodeAs(Pan.of(TestCards.VISA))
                .isNotEqualTo(Pan.of("5555555555554444"));
        assertThat(Pan.of(TestCards.VISA).reveal()).isEqualTo(TestCards.VISA);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        // Checks in the order they run: null is covered separately.
        "41111111110       | card number must have 12 to 19 digits, has 11 characters",
        "41111111111111111111 | card number must have 12 to 19 digits, has 20 characters",
        "4111 1111 1111 1111 | card number must be ASCII digits only; position 4 is not",
        "411111111111111x  | card number must be ASCII digits only; position 15 is not",
        TestCards.VISA_LUHN_BROKEN + "  | card number fails the Luhn check",
    })
    void refusesInvalidNumbersWithoutEchoingThem(String digits, String message) {
        assertThat(Pan.isValid(digits)).isFalse();
        assertThatThrownBy(() -> Pan.of(digits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void refusesNull() {
        assertThat(Pan.isValid(null)).isFalse();
        assertThatThrownBy(() -> Pan.of(null)).hasMessage("card number must not be null");
    }
}
