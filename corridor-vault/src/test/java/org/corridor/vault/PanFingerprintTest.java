package org.corridor.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PanFingerprintTest {
    private static final Pan VISA = Pan.of(TestCards.VISA);
    private static final Pan MASTERCARD = Pan.of("5555555555554444");

    @Test
    void isStableForTheSameKeyAndDistinctForDistinctNumbers() {
        KeysetHandle keyset = PanFingerprint.newKeyset();
        PanFingerprint first = PanFingerprint.of(keyset);
        PanFingerprint second = PanFingerprint.of(keyset);
        String visa = first.fingerprintOf(VISA);
        assertThat(visa).hasSize(2 * PanFingerprint.FINGERPRINT_BYTES).matches("[0-9a-f]{64}");
        assertThat(first.fingerprintOf(Pan.of(TestCards.VISA))).isEqualTo(visa);
        assertThat(second.fingerprintOf(VISA)).isEqualTo(visa);
        assertThat(first.fingerprintOf(MASTERCARD)).isNotEqualTo(visa);
    }

    @Test
    void differsAcrossKeys() {
        PanFingerprint first = PanFingerprint.of(PanFingerprint.newKeyset());
        PanFingerprint second = PanFingerprint.of(PanFingerprint.newKeyset());
        assertThat(first.fingerprintOf(VISA)).isNotEqualTo(second.fingerprintOf(VISA));
    }

    @Test
    void refusesACipherKeyset() {
        assertThatThrownBy(() -> PanFingerprint.of(PanCipher.newKeyset()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected HMAC-PRF keys only");
    }
}
