package org.corridor.sim.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.corridor.vault.cryptogram.AtcWindow;
import org.corridor.vault.cryptogram.CryptogramCheck;
import org.corridor.vault.cryptogram.CryptogramVerifier;
import org.corridor.vault.cryptogram.PaymentData;
import org.corridor.vault.cryptogram.TokenKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeviceWalletTest {
    static final Currency USD = Currency.getInstance("USD");
    static final Currency EUR = Currency.getInstance("EUR");
    static final String MERCHANT = "acct_merchant_1";

    private final DeviceWallet phone = DeviceWallet.of("phone-1", UnpredictableNumbers.seeded(42));

    private DeviceToken provision(String tokenId, TokenDomain domain) {
        return phone.provision(tokenId, WalletFixtures.DPAN, domain, TokenKey.fromHex(WalletFixtures.KEY_HEX));
    }

    private static CryptogramVerifier verifier() {
        return CryptogramVerifier.of(TokenKey.fromHex(WalletFixtures.KEY_HEX), AtcWindow.fresh());
    }

    private static CryptogramCheck check(CryptogramVerifier verifier, TokenPresentment presented, long amountMinor,
            Currency currency, String merchantId, int unpredictableNumber) {
        return verifier.check(presented.atc(), new PaymentData(amountMinor, currency, merchantId, unpredictableNumber),
                presented.cryptogram());
    }

    @Test
    void cryptogramsVerifyForExactlyThePaymentDataGivenAndNoOther() {
        provision("tok_1", TokenDomain.CONTACTLESS);
        CryptogramVerifier verifier = verifier();
        TokenPresentment presented = phone.present("tok_1", 2_500, USD, MERCHANT, "TERM0001");
        int un = presented.unpredictableNumber();

        // Refusals first: a wrong cryptogram never moves the ATC window, so the right one is still admitted after.
        assertThat(check(verifier, presented, 2_501, USD, MERCHANT, un)).isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        assertThat(check(verifier, presented, 2_500, EUR, MERCHANT, un)).isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        assertThat(check(verifier, presented, 2_500, USD, "acct_merchant_2", un))
                .isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        assertThat(check(verifier, presented, 2_500, USD, MERCHANT, un ^ 1)).isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        assertThat(check(verifier, presented.withCorruptedCryptogram(), 2_500, USD, MERCHANT, un))
                .isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);
        CryptogramVerifier otherKey = CryptogramVerifier.of(TokenKey.fromHex("C8B507136D921FD05864C81F79F2D30B"),
                AtcWindow.fresh());
        assertThat(check(otherKey, presented, 2_500, USD, MERCHANT, un)).isEqualTo(CryptogramCheck.CRYPTOGRAM_INVALID);

        assertThat(check(verifier, presented, 2_500, USD, MERCHANT, un)).isEqualTo(CryptogramCheck.OK);
        assertThat(check(verifier, presented, 2_500, USD, MERCHANT, un)).isEqualTo(CryptogramCheck.ATC_REPLAYED);
    }

    @Test
    void everyPaymentOfAWalletVerifiesInTurn() {
        provision("tok_1", TokenDomain.IN_APP);
        CryptogramVerifier verifier = verifier();
        for (int i = 1; i <= 50; i++) {
            long amount = 100L * i;
            TokenPresentment presented = phone.present("tok_1", amount, EUR, MERCHANT, null);
            assertThat(check(verifier, presented, amount, EUR, MERCHANT, presented.unpredictableNumber()))
                    .as("payment %d", i).isEqualTo(CryptogramCheck.OK);
        }
    }

    @Test
    void theAtcGoesUpByOnePerPaymentAndPerToken() {
        DeviceToken first = provision("tok_1", TokenDomain.CONTACTLESS);
        DeviceToken second = provision("tok_2", TokenDomain.IN_APP);
        assertThat(first.lastAtc()).isZero();
        for (int expected = 1; expected <= 3; expected++) {
            assertThat(phone.present("tok_1", 100, USD, MERCHANT, "TERM0001").atc()).isEqualTo(expected);
        }
        assertThat(first.lastAtc()).isEqualTo(3);
        TokenPresentment other = phone.present("tok_2", 100, USD, MERCHANT, null);
        assertThat(other.atc()).isEqualTo(1);
        assertThat(other.entryMode()).isEqualTo(TokenDomain.IN_APP);
        assertThat(second.lastAtc()).isEqualTo(1);
    }

    @Test
    void concurrentPaymentsGetDistinctAtcs() throws Exception {
        provision("tok_1", TokenDomain.CONTACTLESS);
        Set<Integer> atcs = ConcurrentHashMap.newKeySet();
        List<Future<?>> payments = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                payments.add(threads.submit(() -> atcs.add(phone.present("tok_1", 100, USD, MERCHANT, null).atc())));
            }
            for (Future<?> payment : payments) payment.get();
        }
        assertThat(atcs).hasSize(200).allSatisfy(atc -> assertThat(atc).isBetween(1, 200));
    }

    @Test
    void unpredictableNumbersComeFromTheSeed() {
        DeviceWallet twin = DeviceWallet.of("phone-1", UnpredictableNumbers.seeded(42));
        DeviceWallet other = DeviceWallet.of("phone-1", UnpredictableNumbers.seeded(43));
        provision("tok_1", TokenDomain.CONTACTLESS);
        TokenKey key = TokenKey.fromHex(WalletFixtures.KEY_HEX);
        twin.provision("tok_1", WalletFixtures.DPAN, TokenDomain.CONTACTLESS, key);
        other.provision("tok_1", WalletFixtures.DPAN, TokenDomain.CONTACTLESS, key);
        List<Integer> mine = new ArrayList<>();
        List<Integer> twins = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(phone.present("tok_1", 100, USD, MERCHANT, null).unpredictableNumber());
            twins.add(twin.present("tok_1", 100, USD, MERCHANT, null).unpredictableNumber());
            others.add(other.present("tok_1", 100, USD, MERCHANT, null).unpredictableNumber());
        }
        assertThat(twins).isEqualTo(mine);
        assertThat(others).isNotEqualTo(mine);
        assertThat(Set.copyOf(mine)).hasSize(5);
    }

    @Test
    void holdsEachTokenOnceAndAtMostTheLimit() {
        provision("tok_1", TokenDomain.CONTACTLESS);
        assertThatThrownBy(() -> provision("tok_1", TokenDomain.IN_APP))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("token tok_1 is on the phone already");
        for (int i = 2; i <= DeviceWallet.TOKENS_MAX; i++) provision("tok_" + i, TokenDomain.IN_APP);
        assertThat(phone.tokens()).hasSize(DeviceWallet.TOKENS_MAX);
        assertThatThrownBy(() -> provision("tok_extra", TokenDomain.IN_APP)).isInstanceOf(IllegalStateException.class);
        assertThat(phone.remove("tok_1")).isTrue();
        assertThat(phone.remove("tok_1")).isFalse();
        assertThat(phone.token("tok_1")).isEmpty();
        assertThatThrownBy(() -> phone.present("tok_1", 100, USD, MERCHANT, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesMalformedTokensAndDevices() {
        TokenKey key = TokenKey.fromHex(WalletFixtures.KEY_HEX);
        String notLuhn = WalletFixtures.DPAN.substring(0, 15) + ((WalletFixtures.DPAN.charAt(15) - '0' + 1) % 10);
        assertThatThrownBy(() -> phone.provision("tok_1", notLuhn, TokenDomain.IN_APP, key))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(notLuhn.substring(6, 12));
        assertThatThrownBy(() -> phone.provision("../tok", WalletFixtures.DPAN, TokenDomain.IN_APP, key))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceWallet.of("x".repeat(65), UnpredictableNumbers.seeded(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(phone.tokens()).isEmpty();
    }

    @Test
    void printsNeitherTheDevicePanNorTheKey() {
        provision("tok_1", TokenDomain.CONTACTLESS);
        String printed = phone.toString() + phone.tokens() + phone.present("tok_1", 100, USD, MERCHANT, "T1");
        assertThat(printed)
                .doesNotContain(WalletFixtures.DPAN)
                .doesNotContain(WalletFixtures.DPAN.substring(6, 12))
                .doesNotContainIgnoringCase(WalletFixtures.KEY_HEX.substring(0, 8))
                .contains(CardNumbers.mask(WalletFixtures.DPAN));
    }
}
