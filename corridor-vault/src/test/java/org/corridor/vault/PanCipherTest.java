package org.corridor.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PanCipherTest {
    private static final Pan PAN = Pan.of("5555555555554444");
    private static final byte[] ROW_1 = ascii("card:0001");
    private static final byte[] ROW_2 = ascii("card:0002");

    @Test
    void roundTrips() {
        PanCipher cipher = PanCipher.withNewKeyset();
        byte[] ciphertext = cipher.encrypt(PAN, ROW_1);
        assertThat(cipher.decrypt(ciphertext, ROW_1)).isEqualTo(PAN);
        assertThat(PanCipher.keyIdOf(ciphertext)).isEqualTo(cipher.primaryKeyId());
    }

    @Test
    void sameNumberEncryptsDifferentlyEachTime() {
        PanCipher cipher = PanCipher.withNewKeyset();
        assertThat(cipher.encrypt(PAN, ROW_1)).isNotEqualTo(cipher.encrypt(PAN, ROW_1));
    }

    @Test
    void refusesWrongAssociatedData() {
        PanCipher cipher = PanCipher.withNewKeyset();
        byte[] ciphertext = cipher.encrypt(PAN, ROW_1);
        assertThatThrownBy(() -> cipher.decrypt(ciphertext, ROW_2))
                .isInstanceOf(VaultIntegrityException.class)
                .hasMessageStartingWith("ciphertext refused");
    }

    @Test
    void refusesEveryTamperedByte() {
        PanCipher cipher = PanCipher.withNewKeyset();
        byte[] ciphertext = cipher.encrypt(PAN, ROW_1);
        for (int i = 0; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> cipher.decrypt(tampered, ROW_1)).isInstanceOf(VaultIntegrityException.class);
        }
        byte[] truncated = java.util.Arrays.copyOf(ciphertext, ciphertext.length - 1);
        assertThatThrownBy(() -> cipher.decrypt(truncated, ROW_1)).isInstanceOf(VaultIntegrityException.class);
        assertThatThrownBy(() -> cipher.decrypt(new byte[PanCipher.CIPHERTEXT_BYTES_MAX + 1], ROW_1))
                .isInstanceOf(VaultIntegrityException.class);
    }

    @Test
    void refusesCiphertextFromAnotherKeyset() {
        byte[] ciphertext = PanCipher.withNewKeyset().encrypt(PAN, ROW_1);
        assertThatThrownBy(() -> PanCipher.withNewKeyset().decrypt(ciphertext, ROW_1))
                .isInstanceOf(VaultIntegrityException.class);
    }

    @Test
    void afterRotationOldCiphertextsDecryptAndNewOnesUseTheNewPrimary() {
        PanCipher cipher = PanCipher.withNewKeyset();
        int firstKeyId = cipher.primaryKeyId();
        byte[] old = cipher.encrypt(PAN, ROW_1);

        cipher.rotate();
        int secondKeyId = cipher.primaryKeyId();
        assertThat(secondKeyId).isNotEqualTo(firstKeyId);
        assertThat(cipher.keyset().size()).isEqualTo(2);
        byte[] fresh = cipher.encrypt(PAN, ROW_2);
        assertThat(PanCipher.keyIdOf(fresh)).isEqualTo(secondKeyId);
        assertThat(PanCipher.keyIdOf(old)).isEqualTo(firstKeyId);
        assertThat(cipher.decrypt(old, ROW_1)).isEqualTo(PAN);
        assertThat(cipher.decrypt(fresh, ROW_2)).isEqualTo(PAN);

        cipher.rotate();
        assertThat(cipher.keyset().size()).isEqualTo(3);
        assertThat(cipher.decrypt(old, ROW_1)).isEqualTo(PAN);
        assertThat(cipher.decrypt(fresh, ROW_2)).isEqualTo(PAN);
        assertThat(PanCipher.keyIdOf(cipher.encrypt(PAN, ROW_1))).isEqualTo(cipher.primaryKeyId());
    }

    @Test
    void refusesAssociatedDataOutOfBounds() {
        PanCipher cipher = PanCipher.withNewKeyset();
        assertThatThrownBy(() -> cipher.encrypt(PAN, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("associated data must have 1 to 256 bytes, has 0");
        assertThatThrownBy(() -> cipher.encrypt(PAN, new byte[PanCipher.ASSOCIATED_DATA_BYTES_MAX + 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAFingerprintKeyset() {
        assertThatThrownBy(() -> PanCipher.of(PanFingerprint.newKeyset()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected AES-GCM keys only");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
