package org.corridor.vault.cryptogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TokenKeyTest {

    @Test
    void generatesOddParityKeysWithDistinctHalves() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            byte[] key = TokenKey.generate(random).reveal();
            assertThat(key).hasSize(TokenKey.KEY_BYTES);
            for (byte b : key) assertThat(Integer.bitCount(b & 0xFF) % 2).isEqualTo(1);
            assertThat(Arrays.copyOfRange(key, 0, 8)).isNotEqualTo(Arrays.copyOfRange(key, 8, 16));
        }
        assertThat(TokenKey.generate(random).reveal()).isNotEqualTo(TokenKey.generate(random).reveal());
    }

    @Test
    void givesUpOnARandomSourceThatRepeatsItself() {
        SecureRandom stuck = new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                Arrays.fill(bytes, (byte) 0x5A);
            }
        };
        assertThatThrownBy(() -> TokenKey.generate(stuck))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the random source gave no usable key in 16 draws");
    }

    // Key check values published for these keys: pyemv tests (first two bytes, 08D7) and the EFTlab cryptographic
    // calculator tutorial (UDK, 0DA897); recomputed independently with OpenSSL before use.
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0123456789ABCDEFFEDCBA9876543210, 08D7B4",
        "C8B507136D921FD05864C81F79F2D30B, 0DA897",
    })
    void checkValueMatchesPublishedVectors(String key, String checkValue) {
        assertThat(Vectors.key(key).checkValue()).isEqualTo(checkValue);
    }

    @Test
    void toStringAndMessagesNeverShowTheKey() {
        String canary = "0123456789ABCDEFFEDCBA9876543210";
        TokenKey key = Vectors.key(canary);
        assertThat(key.toString()).isEqualTo("TokenKey[kcv=08D7B4]");
        assertThat(DeviceCryptogramMaker.fresh(key).toString()).doesNotContainIgnoringCase(canary.substring(0, 8));
        assertThat(CryptogramVerifier.of(key, AtcWindow.fresh()).toString())
                .doesNotContainIgnoringCase(canary.substring(0, 8))
                .doesNotContainIgnoringCase(canary.substring(16));
        String short15 = canary.substring(0, 30);
        assertThatThrownBy(() -> Vectors.key(short15))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a token key must be 16 bytes");
    }

    @Test
    void revealGivesACopy() {
        TokenKey key = Vectors.key("0123456789ABCDEFFEDCBA9876543210");
        key.reveal()[0] = 0;
        assertThat(Vectors.hex(key.reveal())).isEqualTo("0123456789ABCDEFFEDCBA9876543210");
    }
    @Test
    void fromHexReadsTheApiFormInEitherCaseAndChecksIt() {
        TokenKey upper = TokenKey.fromHex("0123456789ABCDEFFEDCBA9876543210");
        TokenKey lower = TokenKey.fromHex("0123456789abcdeffedcba9876543210");
        assertThat(Vectors.hex(upper.reveal())).isEqualTo("0123456789ABCDEFFEDCBA9876543210");
        assertThat(lower.reveal()).isEqualTo(upper.reveal());
        assertThat(upper.checkValue()).isEqualTo("08D7B4");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "0123456789ABCDEFFEDCBA987654321   | a token key must be 32 hexadecimal characters",
        "0123456789ABCDEFFEDCBA98765432100 | a token key must be 32 hexadecimal characters",
        "0123456789ABCDEFFEDCBA987654321G  | a token key must be hexadecimal; position 31 is not",
        "0123456789ABCDEF FEDCBA987654321  | a token key must be hexadecimal; position 16 is not",
    })
    void fromHexRefusesMalformedKeysWithoutQuotingThem(String hex, String message) {
        assertThatThrownBy(() -> TokenKey.fromHex(hex))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message)
                .message().doesNotContain("0123456789");
    }

    @Test
    void fromHexRefusesDigitsOfOtherScripts() {
        // U+0663 is ARABIC-INDIC DIGIT THREE, which Character.digit would read as 3.
        String arabicThree = "\u0663" + "123456789ABCDEFFEDCBA9876543210";
        assertThatThrownBy(() -> TokenKey.fromHex(arabicThree))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a token key must be hexadecimal; position 0 is not");
        assertThatThrownBy(() -> TokenKey.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
