package org.corridor.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The canary card number must never leave the vault in a readable form. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CanaryPanTest {
    private static final String CANARY = TestCards.VISA;
    /** The canary with its Luhn check digit broken, so that parsing it fails. */
    private static final String CANARY_BROKEN = TestCards.VISA_LUHN_BROKEN;

    @Test
    void toStringAndMaskedFormDoNotContainTheCanary() {
        Pan pan = Pan.of(CANARY);
        assertThat(pan.toString()).doesNotContain(CANARY);
        assertThat(String.valueOf(pan)).doesNotContain(CANARY);
        assertThat("pan=" + pan).doesNotContain(CANARY);
    }

    @Test
    void exceptionMessagesDoNotContainTheCanary() {
        for (String input : new String[] {CANARY_BROKEN, CANARY + "0000", CANARY + "x", " " + CANARY}) {
            Throwable thrown = catchThrowable(() -> Pan.of(input));
            assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
            assertThat(thrown.getMessage()).doesNotContain(CANARY).doesNotContain(CANARY_BROKEN);
            assertThat(thrown.toString()).doesNotContain(CANARY);
        }
        PanCipher cipher = PanCipher.withNewKeyset();
        byte[] ciphertext = cipher.encrypt(Pan.of(CANARY), ascii("row-1"));
        Throwable refused = catchThrowable(() -> cipher.decrypt(ciphertext, ascii("row-2")));
        assertThat(refused).isInstanceOf(VaultIntegrityException.class);
        assertThat(refused.getMessage()).doesNotContain(CANARY);
        assertThat(refused.getCause()).isNull();
    }

    @Test
    void ciphertextsDoNotContainTheCanaryDigits() {
        PanCipher cipher = PanCipher.withNewKeyset();
        byte[] canaryBytes = ascii(CANARY);
        String canaryHex = HexFormat.of().formatHex(canaryBytes);
        for (int row = 0; row < 100; row++) {
            byte[] ciphertext = cipher.encrypt(Pan.of(CANARY), ascii("row-" + row));
            assertThat(indexOf(ciphertext, canaryBytes)).isEqualTo(-1);
            assertThat(indexOf(ciphertext, ascii("11111111"))).isEqualTo(-1);
            assertThat(HexFormat.of().formatHex(ciphertext)).doesNotContain(canaryHex);
            assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(CANARY);
        }
    }

    @Test
    void fingerprintsDoNotContainTheCanary() {
        PanFingerprint fingerprint = PanFingerprint.of(PanFingerprint.newKeyset());
        String value = fingerprint.fingerprintOf(Pan.of(CANARY));
        assertThat(value).doesNotContain(CANARY).doesNotContain(HexFormat.of().formatHex(ascii(CANARY)));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
