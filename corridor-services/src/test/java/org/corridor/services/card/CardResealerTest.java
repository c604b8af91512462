package org.corridor.services.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.corridor.codec.card.Luhn;
import org.corridor.core.Id128;
import org.corridor.core.card.Card;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenStatus;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.port.SwitchCommands;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.vault.Pan;
import org.corridor.vault.PanCipher;
import org.corridor.vault.TokenVault;
import org.corridor.vault.VaultFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-sealing after a key rotation, against the switch's real state machine run batch by batch (as the writer runs
 * it): every card and token key ends under the new key, still opening to the same secret, and a run that stops in
 * the middle is finished by the next one.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CardResealerTest {
    private static final int CARDS = 7;

    @TempDir
    Path directory;

    /** Runs each command as its own batch on one state; fails every command after {@code failAfter} of them. */
    private static final class Batches implements SwitchCommands {
        final SwitchState state;
        long failAfter = Long.MAX_VALUE;
        long executed;

        Batches(SwitchState state) {
            this.state = state;
        }

        @Override
        public <T> T execute(Function<SwitchState, T> command) {
            if (executed++ >= failAfter) throw new IllegalStateException("the writer stopped");
            state.beginBatch(executed);
            T answer = command.apply(state);
            state.drainChanges();
            return answer;
        }
    }

    @Test
    void everyCiphertextEndsUnderTheNewKeyEvenWhenTheFirstRunStopsHalfWay() {
        TokenVault before = VaultFiles.open(directory, new SecureRandom());
        AtomicLong ids = new AtomicLong();
        Batches writer = new Batches(new SwitchState(new LedgerStateMachine(), () -> Id128.of(ids.incrementAndGet())));
        writer.execute(state -> {
            for (int i = 0; i < CARDS; i++) {
                String number = Luhn.withCheckDigit("411111000000" + (100 + i));
                String cardId = "card_" + i;
                state.put(RecordKind.CARD, cardId, new Card(cardId, "acct_i", "visa", "411111", number.substring(12), 12,
                        2031, "fp" + i, "C001", before.seal(Pan.of(number), cardId).sealed(), 1));
                String tokenId = "tok_" + i;
                state.put(RecordKind.DEVICE_TOKEN, tokenId, new DeviceToken(tokenId, "acct_w", cardId, "acct_i", "visa",
                        TestCards.DPAN_PREFIX_14 + (10 + i), "C001", "phone", TokenDomain.IN_APP, TokenStatus.ACTIVE,
                        before.newTokenKey(tokenId).sealed(), 0, "0000", 1));
            }
            return null;
        });
        String keyBefore = before.openTokenKey(token(writer, 3).sealedKey(), "tok_3").checkValue();
        int newKey = VaultFiles.rotateCipher(directory);
        TokenVault after = VaultFiles.open(directory, new SecureRandom());

        writer.failAfter = writer.executed + 3; // picks a batch, re-seals it, picks the next, then the writer stops
        assertThatThrownBy(() -> new CardResealer(writer, after, 3).resealAll()).hasMessageContaining("stopped");
        long resealedFirst = cards(writer).stream().filter(c -> PanCipher.keyIdOf(c.sealedPan()) == newKey).count();
        assertThat(resealedFirst).isEqualTo(3);

        writer.failAfter = Long.MAX_VALUE;
        assertThat(new CardResealer(writer, after, 3).resealAll()).isEqualTo(CARDS - 3 + CARDS);
        for (Card card : cards(writer)) {
            assertThat(PanCipher.keyIdOf(card.sealedPan())).isEqualTo(newKey);
            String lastFour = after.withClearPan(card.sealedPan(), card.id(), clear -> clear.substring(12));
            assertThat(lastFour).isEqualTo(card.lastFour());
        }
        for (int i = 0; i < CARDS; i++) assertThat(PanCipher.keyIdOf(token(writer, i).sealedKey())).isEqualTo(newKey);
        assertThat(after.openTokenKey(token(writer, 3).sealedKey(), "tok_3").checkValue()).isEqualTo(keyBefore);
        assertThat(new CardResealer(writer, after, 3).resealAll()).isZero();
    }

    private static List<Card> cards(Batches writer) {
        return writer.state.all(RecordKind.CARD).stream().map(Card.class::cast).toList();
    }

    private static DeviceToken token(Batches writer, int index) {
        return writer.state.find(RecordKind.DEVICE_TOKEN, "tok_" + index, DeviceToken.class).orElseThrow();
    }
}
