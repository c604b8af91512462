package org.corridor.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.corridor.codec.card.Luhn;
import org.corridor.vault.cryptogram.TokenKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TokenVaultTest {
    private final TokenVault vault = VaultFiles.inMemory(new SecureRandom());
    private final Pan pan = Pan.of(TestCards.VISA);

    @Test
    void aSealedPanOpensOnlyForItsOwnCardRow() {
        TokenVault.SealedPan sealed = vault.seal(pan, "card_1");
        assertThat(sealed.bin()).hasSize(6);
        assertThat(sealed.lastFour()).isEqualTo(TestCards.VISA.substring(TestCards.VISA.length() - 4));
        assertThat(new String(sealed.sealed(), StandardCharsets.ISO_8859_1)).doesNotContain(TestCards.VISA);
        assertThat(opened(vault, sealed.sealed(), "card_1")).isEqualTo(TestCards.VISA);
        assertThatThrownBy(() -> vault.withClearPan(sealed.sealed(), "card_2", clear -> clear))
                .isInstanceOf(VaultIntegrityException.class).hasMessageNotContaining(TestCards.VISA);
        assertThat(sealed.fingerprint()).isEqualTo(vault.fingerprintOf(Pan.of(TestCards.VISA)));
    }

    @Test
    void aTokenKeyIsHandedOverOnceAndOpensFromItsSealedRow() {
        TokenVault.IssuedKey issued = vault.newTokenKey("tok_1");
        TokenKey opened = vault.openTokenKey(issued.sealed(), "tok_1");
        assertThat(opened.toHexForDevice()).isEqualTo(issued.hexForDevice());
        assertThat(issued.toString()).doesNotContain(issued.hexForDevice());
        assertThatThrownBy(() -> vault.openTokenKey(issued.sealed(), "tok_2")).isInstanceOf(VaultIntegrityException.class);
    }

    @Test
    void aRotationReSealsUnderTheNewKeyAndOldCiphertextsStillOpenUntilThen(@TempDir Path directory) {
        TokenVault before = VaultFiles.open(directory, new SecureRandom());
        byte[] sealed = before.seal(pan, "card_9").sealed();
        assertThat(before.needsReseal(sealed)).isFalse();
        int newKey = VaultFiles.rotateCipher(directory);
        TokenVault after = VaultFiles.open(directory, new SecureRandom());
        assertThat(after.primaryKeyId()).isEqualTo(newKey);
        assertThat(after.needsReseal(sealed)).isTrue();
        assertThat(opened(after, sealed, "card_9")).isEqualTo(TestCards.VISA);
        byte[] resealed = after.resealCard(sealed, "card_9");
        assertThat(after.needsReseal(resealed)).isFalse();
        assertThat(PanCipher.keyIdOf(resealed)).isEqualTo(newKey);
        assertThat(opened(after, resealed, "card_9")).isEqualTo(TestCards.VISA);
    }

    @Test
    void dpansAreLuhnValidInTheNetworksTokenRangeAndNeverThePan() {
        TokenNumbers numbers = new TokenNumbers(new SecureRandom());
        for (String network : TokenNumbers.TOKEN_BINS.keySet()) {
            String dpan = numbers.newDpan(network, pan).orElseThrow();
            assertThat(dpan).hasSize(TokenNumbers.DPAN_DIGITS).startsWith(TokenNumbers.TOKEN_BINS.get(network));
            assertThat(Luhn.isValidPan(dpan)).isTrue();
            assertThat(dpan).isNotEqualTo(TestCards.VISA);
        }
        assertThat(numbers.newDpan("amex", pan)).isEmpty();
        assertThat(numbers.newPar()).hasSize(TokenNumbers.PAR_CHARS).startsWith(TokenNumbers.PAR_CONTROLLER)
                .matches("[A-Z0-9]+");
    }

    @Test
    void balanceDpansAreLuhnValidInCorridorsOwnRangeWhichNoNetworkUses() {
        TokenNumbers numbers = new TokenNumbers(new SecureRandom());
        for (int i = 0; i < 100; i++) {
            String dpan = numbers.newBalanceDpan();
            assertThat(dpan).hasSize(TokenNumbers.DPAN_DIGITS).startsWith(TokenNumbers.BALANCE_TOKEN_BIN);
            assertThat(Luhn.isValidPan(dpan)).isTrue();
        }
        assertThat(TokenNumbers.TOKEN_BINS.values()).noneMatch(bin -> bin.charAt(0) == '9');
    }

    private static String opened(TokenVault vault, byte[] sealed, String cardId) {
        return vault.withClearPan(sealed, cardId, clear -> clear);
    }
}
