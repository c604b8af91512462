package org.corridor.sim.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CardNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        WalletFixtures.CARD + ", 411111******1111",
        "5555555555554444, 555555******4444",
        "6200000000000005, 620000******0005",
        WalletFixtures.NOT_A_CARD + ", ****************", // fails Luhn: not a card number, so nothing is shown
        "41111111111x1111, ****************",
        "'', ''",
    })
    void showsAtMostTheFirstSixAndLastFour(String digits, String masked) {
        assertThat(CardNumbers.mask(digits)).isEqualTo(masked);
    }

    @Test
    void nullIsNone() {
        assertThat(CardNumbers.mask(null)).isEqualTo("none");
    }

    @Test
    void cardDetailsAndEnrolmentsPrintMasked() {
        CardDetails card = new CardDetails(WalletFixtures.CARD, 12, 2030, "Ada Lovelace");
        assertThat(card.toString()).isEqualTo("CardDetails[411111******1111, 12/2030, Ada Lovelace]")
                .doesNotContain(WalletFixtures.CARD);
        assertThat(card.maskedNumber()).isEqualTo("411111******1111");
    }
}
