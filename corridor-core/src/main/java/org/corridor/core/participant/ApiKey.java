package org.corridor.core.participant;

import java.util.Arrays;
import org.corridor.core.state.OwnedObject;
/**
 * An API key of a participant. Only the SHA-256 of the secret is kept: a key's secret is shown once, when
 * it is created, and cannot be recovered afterwards.
 *
 * @param id {@code key_…}; the secret token names it, so a lookup needs no scan
 * @param ownerId the participant the key acts for
 * @param name the owner's label for the key
 * @param secretHash SHA-256 of the whole secret token
 * @param lastFour the secret's last four characters, to recognise it in a list
 * @param createdAt nanoseconds since the epoch
 * @param revokedAt nanoseconds since the epoch; zero while the key is active
 */
public record ApiKey(String id, String ownerId, String name, byte[] secretHash, String lastFour, long createdAt,
        long revokedAt) implements OwnedObject {

    public ApiKey {
        secretHash = secretHash.clone();
    }

    @Override
    public byte[] secretHash() {
        return secretHash.clone();
    }

    public boolean active() {
        return revokedAt == 0;
    }

    public ApiKey revoked(long at) {
        return new ApiKey(id, ownerId, name, secretHash, lastFour, createdAt, at);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.id.equals(id) && key.ownerId.equals(ownerId) && key.name.equals(name)
                && Arrays.equals(key.secretHash, secretHash) && key.lastFour.equals(lastFour)
                && key.createdAt == createdAt && key.revokedAt == revokedAt;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + ", owner " + ownerId + ", …" + lastFour + (active() ? "" : ", revoked") + "]";
    }
}
