package org.corridor.vault.cryptogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Currency;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class CryptogramVerifierTest {
    static final Currency EUR = Currency.getInstance("EUR");
    static final PaymentData PAYMENT = new PaymentData(4_250L, EUR, "shop-7", 0x11223344);

    private final TokenKey key = TokenKey.generate(new SecureRandom());
    private final DeviceCryptogramMaker device = DeviceCryptogramMaker.fresh(key);
    private final CryptogramVerifier verifier = CryptogramVerifier.of(key, AtcWindow.fresh());

    private CryptogramCheck present(DeviceCryptogram made, PaymentData data) {
        return verifier.check(made.atc(), data, made.cryptogram());
    }

    @Test
    void roundTripsSeededPayments() {
        Random seeded = new Random(20261128L);
        for (int i = 1; i <= 200; i++) {
            PaymentData data = new PaymentData(seeded.nextLong(PaymentData.AMOUNT_MINOR_MAX + 1), EUR,
                    "merchant-" + seeded.nextInt(1000), seeded.nextInt());
            DeviceCryptogram made = device.next(data);
            assertThat(made.atc()).isEqualTo(i);
            assertThat(present(made, data)).isEqualTo(CryptogramCheck.OK);
        }
        assertThat(verifier.window().highestAtc()).isEqualTo(200);
    }

    @Test
    void refusalsInPrecedenceOrder() {
        DeviceCryptogram first = device.next(PAYMENT);
        DeviceCryptogram second = device.next(PAYMENT);
        PaymentData otherAmount = new PaymentData(4_251L, EUR, "shop-7", 0x11223344);
        byte[] flipped = second.cryptogram();
        flipped[0] ^= (byte) 0x80;

        // 1. A wrong cryptogram is refused first and leaves the window alone.
        assertThat(present(second, otherAmount)).isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        assertThat(verifier.check(second.atc(), PAYMENT, flipped)).isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        assertThat(verifier.check(first.atc(), PAYMENT, second.cryptogram()))
                .isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        assertThat(CryptogramVerifier.of(TokenKey.generate(new SecureRandom()), AtcWindow.fresh())
                        .check(first.atc(), PAYMENT, first.cryptogram()))
                .isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        assertThat(verifier.window().highestAtc()).isZero();

        assertThat(present(second, PAYMENT)).isEqualTo(CryptogramCheck.OK);
        // 2. The same ATC again, even with its right cryptogram.
        assertThat(present(second, PAYMENT)).isEqualTo(CryptogramCheck.ATC_REPLAYED);
        // A replay with a wrong cryptogram is still a wrong cryptogram first.
        assertThat(present(second, otherAmount)).isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        // 3. A lower ATC that never reached Corridor before.
        assertThat(present(first, PAYMENT)).isEqualTo(CryptogramCheck.ATC_LOWER);
        // 4. A jump beyond the window, then the next ATC inside it still works.
        DeviceCryptogramMaker farAhead = DeviceCryptogramMaker.startingAfter(key, 2 + AtcWindow.ATC_JUMP_MAX);
        assertThat(present(farAhead.next(PAYMENT), PAYMENT)).isEqualTo(CryptogramCheck.ATC_JUMP_TOO_LARGE);
        assertThat(present(device.next(PAYMENT), PAYMENT)).isEqualTo(CryptogramCheck.OK);
        assertThat(verifier.window().highestAtc()).isEqualTo(3);
    }

    @Test
    void concurrentDuplicatesOfOnePaymentAdmitExactlyOne() throws Exception {
        for (int round = 0; round < 10; round++) {
            DeviceCryptogram made = device.next(PAYMENT);
            Map<CryptogramCheck, Integer> counts = AtcWindowTest.race(AtcWindowTest.THREADS, () -> present(made, PAYMENT));
            assertThat(counts).containsExactlyInAnyOrderEntriesOf(
                    Map.of(CryptogramCheck.OK, 1, CryptogramCheck.ATC_REPLAYED, AtcWindowTest.THREADS - 1));
        }
    }

    @Test
    void deviceStopsAtTheLastAtc() {
        DeviceCryptogramMaker last = DeviceCryptogramMaker.startingAfter(key, SessionKeys.ATC_MAX - 1);
        assertThat(last.next(PAYMENT).atc()).isEqualTo(SessionKeys.ATC_MAX);
        assertThatThrownBy(() -> last.next(PAYMENT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the ATC is exhausted at 65535; provision the token again");
        assertThat(last.lastAtc()).isEqualTo(SessionKeys.ATC_MAX);
    }

    @Test
    void deviceCryptogramIsAValue() {
        DeviceCryptogram made = device.next(PAYMENT);
        DeviceCryptogram copy = new DeviceCryptogram(made.atc(), made.cryptogram());
        assertThat(copy).isEqualTo(made).hasSameHashCodeAs(made);
        made.cryptogram()[0] ^= 1;
        assertThat(copy).isEqualTo(made);
        assertThat(made.toString()).isEqualTo("DeviceCryptogram[atc=1, cryptogram=" + Vectors.hex(made.cryptogram()) + "]");
        assertThatThrownBy(() -> new DeviceCryptogram(1, new byte[7])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyNeverAppearsInToStringOrMessages() {
        String keyHex = Vectors.hex(key.reveal());
        String[] halves = {keyHex.substring(0, 16), keyHex.substring(16)};
        for (String shown : new String[] {key.toString(), device.toString(), verifier.toString()}) {
            assertThat(shown).doesNotContainIgnoringCase(halves[0]).doesNotContainIgnoringCase(halves[1]);
        }
        DeviceCryptogramMaker exhausted = DeviceCryptogramMaker.startingAfter(key, SessionKeys.ATC_MAX);
        assertThatThrownBy(() -> exhausted.next(PAYMENT))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(halves[0]));
        assertThatThrownBy(() -> verifier.check(-1, PAYMENT, new byte[8]))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(halves[0]));
    }
}
