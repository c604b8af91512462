package org.corridor.core.card;

import java.util.Arrays;
import java.util.Objects;
import org.corridor.core.state.OwnedObject;
import org.corridor.core.state.UniquelyKeyed;

/**
 * A card provisioned into one phone: the device PAN (DPAN) that stands in for the card's PAN, bound to one device,
 * one token requestor (the wallet provider that asked) and one domain, with its own cryptogram key (sealed) and the
 * highest ATC admitted so far, durable with each payment so a replay is refused across restarts too.
 *
 * @param id {@code tok_…}
 * @param ownerId the token requestor: the wallet provider that enrolled it
 * @param cardId the funding card
 * @param issuerId the card's issuer
 * @param network the card's network
 * @param dpan the device PAN, from the network's token BIN range; never equal to the PAN
 * @param par the card's payment account reference
 * @param deviceId the phone it lives in, as the requestor names it
 * @param domain where it may pay
 * @param status where it stands in its lifecycle
 * @param sealedKey the token's cryptogram key, encrypted by the vault
 * @param highestAtc the highest ATC admitted
 * @param cardLastFour the funding card's last four digits, for display
 * @param createdAt nanoseconds since the epoch
 */
public record DeviceToken(String id, String ownerId, String cardId, String issuerId, String network, String dpan,
        String par, String deviceId, TokenDomain domain, TokenStatus status, byte[] sealedKey, int highestAtc,
        String cardLastFour, long createdAt) implements OwnedObject, UniquelyKeyed {

    public DeviceToken {
        sealedKey = sealedKey.clone();
    }

    @Override
    public byte[] sealedKey() {
        return sealedKey.clone();
    }

    @Override
    public String uniqueKey() {
        return dpan;
    }

    public String dpanLastFour() {
        return dpan.substring(dpan.length() - 4);
    }

    public DeviceToken withStatus(TokenStatus newStatus) {
        return new DeviceToken(id, ownerId, cardId, issuerId, network, dpan, par, deviceId, domain, newStatus,
                sealedKey, highestAtc, cardLastFour, createdAt);
    }

    public DeviceToken withSealedKey(byte[] newSealedKey) {
        return new DeviceToken(id, ownerId, cardId, issuerId, network, dpan, par, deviceId, domain, status,
                newSealedKey, highestAtc, cardLastFour, createdAt);
    }

    public DeviceToken withHighestAtc(int atc) {
        return new DeviceToken(id, ownerId, cardId, issuerId, network, dpan, par, deviceId, domain, status, sealedKey,
                atc, cardLastFour, createdAt);
    }

    /** Value equality, the sealed key compared by content (a record compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceToken that && id.equals(that.id) && ownerId.equals(that.ownerId)
                && cardId.equals(that.cardId) && issuerId.equals(that.issuerId) && network.equals(that.network)
                && dpan.equals(that.dpan) && par.equals(that.par) && deviceId.equals(that.deviceId)
                && domain == that.domain && status == that.status && Arrays.equals(sealedKey, that.sealedKey)
                && highestAtc == that.highestAtc && cardLastFour.equals(that.cardLastFour) && createdAt == that.createdAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, highestAtc, Arrays.hashCode(sealedKey), createdAt);
    }

    @Override
    public String toString() {
        return "DeviceToken[" + id + ", …" + dpanLastFour() + ", " + status + "]";
    }
}
