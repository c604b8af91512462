package org.corridor.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.SplittableRandom;
import org.corridor.codec.card.Luhn;
import org.junit.jupiter.api.Test;

/** Card numbers in log messages are masked to their last four digits; other numbers are left alone. */
class PanMaskTest {
    /** A Luhn-valid number of {@code digits} digits drawn from {@code random}: no card number is written here. */
    private static String cardNumber(SplittableRandom random, int digits) {
        StringBuilder payload = new StringBuilder();
        payload.append((char) ('1' + random.nextInt(9)));
        while (payload.length() < digits - 1) payload.append((char) ('0' + random.nextInt(10)));
        return Luhn.withCheckDigit(payload.toString());
    }

    @Test
    void everyLuhnValidRunOfTwelveToNineteenDigitsKeepsItsLastFour() {
        SplittableRandom random = new SplittableRandom(5);
        for (int digits = Luhn.PAN_DIGITS_MIN; digits <= Luhn.PAN_DIGITS_MAX; digits++) {
            String pan = cardNumber(random, digits);
            String masked = PanMask.mask("card " + pan + ", again:" + pan + ".");
            String shown = "*".repeat(digits - 4) + pan.substring(digits - 4);
            assertThat(masked).isEqualTo("card " + shown + ", again:" + shown + ".").doesNotContain(pan);
        }
    }

    @Test
    void otherNumbersAreLeftAlone() {
        SplittableRandom random = new SplittableRandom(6);
        String pan = cardNumber(random, 16);
        char last = pan.charAt(15);
        String notLuhn = pan.substring(0, 15) + (char) ('0' + (last - '0' + 1) % 10);
        String tooLong = cardNumber(random, 20);
        String text = "amount 123456 trace 000042 ref " + notLuhn + " long " + tooLong;
        assertThat(PanMask.mask(text)).isSameAs(text);
        assertThat(PanMask.mask(null)).isNull();
    }

    @Test
    void theConverterMasksTheFormattedMessage() {
        String pan = cardNumber(new SplittableRandom(7), 16);
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(PanMaskTest.class.getName(), context.getLogger("test"), Level.WARN,
                "declined {}", null, new Object[] {pan});
        assertThat(new PanMaskingConverter().convert(event)).isEqualTo("declined ************" + pan.substring(12));
    }
}
