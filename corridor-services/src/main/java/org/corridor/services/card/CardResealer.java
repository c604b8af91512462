package org.corridor.services.card;

import java.util.List;
import org.corridor.core.card.Card;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenOperations;
import org.corridor.core.port.SwitchCommands;
import org.corridor.core.state.RecordKind;
import org.corridor.vault.PanCipher;
import org.corridor.vault.TokenVault;

/**
 * Re-seals, after a key rotation, every card's PAN and every token's key still sealed under an older key, a batch at
 * a time: the writer lists what is under an older key (a cheap key-id comparison, one scan a pass), hands out a batch,
 * this thread re-seals it, and the writer swaps each ciphertext if it is still the one handed out. Each batch is durable on its own, so a crash loses at most the batch in
 * hand and the next run carries on where this one stopped.
 */
public final class CardResealer {
    /** Ciphertexts re-sealed per writer command. */
    public static final int ROWS_PER_BATCH_MAX = 500;

    private record Sealed(String id, byte[] ciphertext) {}

    private final SwitchCommands commands;
    private final TokenVault vault;
    private final int rowsPerBatch;

    public CardResealer(SwitchCommands commands, TokenVault vault) {
        this(commands, vault, ROWS_PER_BATCH_MAX);
    }

    CardResealer(SwitchCommands commands, TokenVault vault, int rowsPerBatch) {
        this.commands = commands;
        this.vault = vault;
        this.rowsPerBatch = rowsPerBatch;
    }

    /** Re-seals everything still under an older key; returns how many ciphertexts were re-sealed. */
    public long resealAll() {
        return resealKind(RecordKind.CARD) + resealKind(RecordKind.DEVICE_TOKEN);
    }

    /**
     * Passes over the kind until one finds nothing to re-seal: each pass lists the ids under an older key once (one
     * scan on the writer), then re-seals them a batch at a time; a row changed meanwhile is left to the next pass.
     */
    private long resealKind(RecordKind kind) {
        int primary = vault.primaryKeyId();
        long done = 0;
        while (true) {
            List<String> stale = commands.execute(state -> state.all(kind).stream()
                    .map(value -> sealedOf(kind, value))
                    .filter(sealed -> PanCipher.keyIdOf(sealed.ciphertext()) != primary)
                    .map(Sealed::id)
                    .toList());
            if (stale.isEmpty()) return done;
            for (int from = 0; from < stale.size(); from += rowsPerBatch) {
                List<String> ids = stale.subList(from, Math.min(stale.size(), from + rowsPerBatch));
                done += resealBatch(kind, ids, primary);
            }
        }
    }

    private int resealBatch(RecordKind kind, List<String> ids, int primary) {
        List<Sealed> batch = commands.execute(state -> ids.stream()
                .flatMap(id -> state.find(kind, id, Object.class).stream())
                .map(value -> sealedOf(kind, value))
                .filter(sealed -> PanCipher.keyIdOf(sealed.ciphertext()) != primary)
                .toList());
        List<Sealed> resealed = batch.stream().map(sealed -> new Sealed(sealed.id(), kind == RecordKind.CARD
                ? vault.resealCard(sealed.ciphertext(), sealed.id())
                : vault.resealTokenKey(sealed.ciphertext(), sealed.id()))).toList();
        return commands.execute(state -> {
            int swapped = 0;
            for (int i = 0; i < batch.size(); i++) {
                String id = batch.get(i).id();
                byte[] previous = batch.get(i).ciphertext();
                byte[] next = resealed.get(i).ciphertext();
                boolean changed = kind == RecordKind.CARD
                        ? TokenOperations.reseal(state, id, previous, next)
                        : TokenOperations.resealKey(state, id, previous, next);
                if (changed) swapped++;
            }
            return swapped;
        });
    }

    private static Sealed sealedOf(RecordKind kind, Object value) {
        return switch (value) {
            case Card card -> new Sealed(card.id(), card.sealedPan());
            case DeviceToken token -> new Sealed(token.id(), token.sealedKey());
            default -> throw new IllegalStateException("not a sealed record: " + kind);
        };
    }
}
