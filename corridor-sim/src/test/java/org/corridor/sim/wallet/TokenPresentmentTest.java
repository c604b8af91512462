package org.corridor.sim.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TokenPresentmentTest {
    static final byte[] CRYPTOGRAM = HexFormat.of().parseHex("8a1b2c3d4e5f6071");

    private static TokenPresentment inStore() {
        return new TokenPresentment(WalletFixtures.DPAN, 7, CRYPTOGRAM, 0x8000_00AB, TokenDomain.CONTACTLESS,
                "TERM0001");
    }

    @Test
    void theDeviceTokenObjectHasExactlyTheDocumentedFields() {
        ObjectNode json = inStore().deviceTokenJson();
        assertThat(json.propertyNames()).containsExactly(
                "dpan", "atc", "cryptogram", "unpredictable_number", "entry_mode", "terminal_id");
        assertThat(json.get("dpan").stringValue()).isEqualTo(WalletFixtures.DPAN);
        assertThat(json.get("atc").isInt()).isTrue();
        assertThat(json.get("atc").intValue()).isEqualTo(7);
        assertThat(json.get("cryptogram").stringValue()).isEqualTo("8A1B2C3D4E5F6071");
        // All 32 bits count, the top one included: eight hex digits, never a signed decimal.
        assertThat(json.get("unpredictable_number").stringValue()).isEqualTo("800000AB");
        assertThat(json.get("entry_mode").stringValue()).isEqualTo("contactless");
        assertThat(json.get("terminal_id").stringValue()).isEqualTo("TERM0001");
    }

    @Test
    void inAppCarriesNoTerminalAndTheInAppEntryMode() {
        TokenPresentment inApp = new TokenPresentment(WalletFixtures.DPAN, 1, CRYPTOGRAM, 5, TokenDomain.IN_APP, null);
        ObjectNode json = inApp.deviceTokenJson();
        assertThat(json.propertyNames()).containsExactly(
                "dpan", "atc", "cryptogram", "unpredictable_number", "entry_mode");
        assertThat(json.get("entry_mode").stringValue()).isEqualTo("in_app");
        assertThat(json.get("unpredictable_number").stringValue()).isEqualTo("00000005");
    }

    @Test
    void thePaymentMethodWrapsIt() {
        JsonNode method = JsonMapper.shared().readTree(
                JsonMapper.shared().writeValueAsString(inStore().paymentMethodJson()));
        assertThat(method.propertyNames()).containsExactly("type", "device_token");
        assertThat(method.get("type").stringValue()).isEqualTo("device_token");
        assertThat(method.get("device_token")).isEqualTo(inStore().deviceTokenJson());
    }

    @Test
    void aCorruptedCryptogramDiffersInOneBitOnly() {
        TokenPresentment original = inStore();
        TokenPresentment corrupted = original.withCorruptedCryptogram();
        byte[] a = original.cryptogram();
        byte[] b = corrupted.cryptogram();
        int differingBits = 0;
        for (int i = 0; i < a.length; i++) differingBits += Integer.bitCount((a[i] ^ b[i]) & 0xFF);
        assertThat(differingBits).isEqualTo(1);
        assertThat(corrupted.atc()).isEqualTo(original.atc());
        assertThat(corrupted).isNotEqualTo(original);
        assertThat(original.cryptogram()).isEqualTo(CRYPTOGRAM);
    }

    @Test
    void copiesTheCryptogramInAndOut() {
        byte[] mine = CRYPTOGRAM.clone();
        TokenPresentment presented = new TokenPresentment(WalletFixtures.DPAN, 1, mine, 5, TokenDomain.IN_APP, null);
        mine[0] = 0;
        presented.cryptogram()[1] = 0;
        assertThat(presented.cryptogram()).isEqualTo(CRYPTOGRAM);
        assertThat(presented).isEqualTo(new TokenPresentment(WalletFixtures.DPAN, 1, CRYPTOGRAM, 5,
                TokenDomain.IN_APP, null));
    }

    @Test
    void refusesMalformedFields() {
        List<Runnable> malformed = List.of(
                () -> new TokenPresentment(WalletFixtures.NOT_A_CARD, 1, CRYPTOGRAM, 5, TokenDomain.IN_APP, null),
                () -> new TokenPresentment(WalletFixtures.DPAN, -1, CRYPTOGRAM, 5, TokenDomain.IN_APP, null),
                () -> new TokenPresentment(WalletFixtures.DPAN, 0x1_0000, CRYPTOGRAM, 5, TokenDomain.IN_APP, null),
                () -> new TokenPresentment(WalletFixtures.DPAN, 1, new byte[7], 5, TokenDomain.IN_APP, null),
                () -> new TokenPresentment(WalletFixtures.DPAN, 1, CRYPTOGRAM, 5, TokenDomain.CONTACTLESS, ""),
                () -> new TokenPresentment(WalletFixtures.DPAN, 1, CRYPTOGRAM, 5, TokenDomain.CONTACTLESS, "TERM00001"));
        for (Runnable make : malformed) {
            assertThatThrownBy(make::run).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("111111111");
        }
    }

    @Test
    void printsTheDevicePanMasked() {
        assertThat(inStore().toString())
                .contains(CardNumbers.mask(WalletFixtures.DPAN))
                .doesNotContain(WalletFixtures.DPAN);
    }
}
