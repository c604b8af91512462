package org.corridor.vault.cryptogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CryptogramsTest {
    static final Currency USD = Currency.getInstance("USD");
    static final PaymentData PAYMENT = new PaymentData(123_456L, USD, "merchant-42", 0x3804823E);
    static final TokenKey KEY = Vectors.key("0123456789ABCDEFFEDCBA9876543210");
    /** SHA-256 of "merchant-42", first 16 bytes, from {@code printf merchant-42 | sha256sum}. */
    static final String MERCHANT_42_HASH_16 = "D7122804AFC4755F03767F28F7B228AA";

    /**
     * The pyemv generate_ac docstring vector: session key AAAA..BBBB over EMV Book 2 recommended data, padding
     * method 2, gives 3B76CF10FECD8789; recomputed independently with OpenSSL Triple DES before use.
     */
    @Test
    void macMatchesPublishedVector() {
        TokenKey session = Vectors.key("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBB");
        byte[] data = Vectors.bytes("000000002000" + "000000000000" + "0124" + "0000008000" + "0124" + "110309" + "00"
                + "3804823E" + "5800" + "0001");
        assertThat(Vectors.hex(Cryptograms.mac(session, data))).isEqualTo("3B76CF10FECD8789");
    }

    @Test
    void layoutIsAmountCurrencyMerchantHashUnpredictableNumberAtc() {
        byte[] layout = Cryptograms.layout(0x0102, PAYMENT);
        assertThat(layout).hasSize(Cryptograms.LAYOUT_BYTES);
        String hex = Vectors.hex(layout);
        assertThat(hex.substring(0, 12)).isEqualTo("000000123456");
        assertThat(hex.substring(12, 16)).isEqualTo("0840");
        assertThat(hex.substring(16, 48)).isEqualTo(MERCHANT_42_HASH_16);
        assertThat(hex.substring(48, 56)).isEqualTo("3804823E");
        assertThat(hex.substring(56)).isEqualTo("0102");
    }

    @Test
    void layoutEncodesTheLargestAmountAndAllBitsOfTheUnpredictableNumber() {
        PaymentData data = new PaymentData(PaymentData.AMOUNT_MINOR_MAX, Currency.getInstance("JPY"), "m", -1);
        String hex = Vectors.hex(Cryptograms.layout(SessionKeys.ATC_MAX, data));
        assertThat(hex.substring(0, 16)).isEqualTo("9999999999990392");
        assertThat(hex.substring(48)).isEqualTo("FFFFFFFFFFFF");
    }

    @Test
    void everyFieldChangesTheCryptogram() {
        List<byte[]> cryptograms = List.of(
                Cryptograms.compute(KEY, 5, PAYMENT),
                Cryptograms.compute(KEY, 6, PAYMENT),
                Cryptograms.compute(KEY, 5, new PaymentData(123_457L, USD, "merchant-42", 0x3804823E)),
                Cryptograms.compute(KEY, 5, new PaymentData(123_456L, Currency.getInstance("EUR"), "merchant-42",
                        0x3804823E)),
                Cryptograms.compute(KEY, 5, new PaymentData(123_456L, USD, "merchant-43", 0x3804823E)),
                Cryptograms.compute(KEY, 5, new PaymentData(123_456L, USD, "merchant-42", 0x3804823F)),
                Cryptograms.compute(Vectors.key("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBB"), 5, PAYMENT));
        Set<String> distinct = new HashSet<>();
        for (byte[] cryptogram : cryptograms) {
            assertThat(cryptogram).hasSize(Cryptograms.CRYPTOGRAM_BYTES);
            distinct.add(Vectors.hex(cryptogram));
        }
        assertThat(distinct).hasSize(cryptograms.size());
    }

    @Test
    void matchesOnlyTheExactCryptogram() {
        byte[] right = Cryptograms.compute(KEY, 5, PAYMENT);
        assertThat(Cryptograms.matches(KEY, 5, PAYMENT, right)).isTrue();
        byte[] flipped = right.clone();
        flipped[7] ^= 1;
        assertThat(Cryptograms.matches(KEY, 5, PAYMENT, flipped)).isFalse();
        assertThat(Cryptograms.matches(KEY, 5, PAYMENT, null)).isFalse();
        assertThat(Cryptograms.matches(KEY, 5, PAYMENT, new byte[0])).isFalse();
        assertThat(Cryptograms.matches(KEY, 5, PAYMENT, java.util.Arrays.copyOf(right, 9))).isFalse();
    }

    @Test
    void paymentDataRefusesBadFields() {
        assertThatThrownBy(() -> new PaymentData(-1, USD, "m", 0))
                .hasMessage("amountMinor must be 0 to 999999999999, was -1");
        assertThatThrownBy(() -> new PaymentData(1_000_000_000_000L, USD, "m", 0))
                .hasMessage("amountMinor must be 0 to 999999999999, was 1000000000000");
        assertThatThrownBy(() -> new PaymentData(1, USD, " ", 0))
                .hasMessage("merchantId must be 1 to 64 characters and not blank, has 1");
        assertThatThrownBy(() -> new PaymentData(1, USD, "m".repeat(65), 0))
                .hasMessage("merchantId must be 1 to 64 characters and not blank, has 65");
    }
}
