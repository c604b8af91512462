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
 * <p>A token is funded one of two ways, and {@link #fundedByBalance()} is the one place that tells which: by a bank
 * card (its issuer authorizes each payment over ISO 8583), or by a customer's balance in one currency, for which
 * Corridor itself is the issuer and authorizes inside the writer. A balance token has no card: its card id, PAR and
 * card digits are empty, and its issuer is the operator.
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
 * @param cardLastFour the funding card's last four digits, for display; empty for a balance token
 * @param createdAt nanoseconds since the epoch
 * @param customerId the customer whose balance funds the token; empty for a card's token
 * @param currency the currency of that balance; empty for a card's token
 */
public record DeviceToken(String id, String ownerId, String cardId, String issuerId, String network, String dpan,
        String par, String deviceId, TokenDomain domain, TokenStatus status, byte[] sealedKey, int highestAtc,
        String cardLastFour, long createdAt, String customerId, String currency) implements OwnedObject, UniquelyKeyed {

    /** The network name of tokens Corridor issues on a customer's balance. */
    public static final String BALANCE_NETWORK = "corridor";

    public DeviceToken {
        sealedKey = sealedKey.clone();
    }

    /** A card's token. */
    public DeviceToken(String id, String ownerId, String cardId, String issuerId, String network, String dpan,
            String par, String deviceId, TokenDomain domain, TokenStatus status, byte[] sealedKey, int highestAtc,
            String cardLastFour, long createdAt) {
        this(id, ownerId, cardId, issuerId, network, dpan, par, deviceId, domain, status, sealedKey, highestAtc,
                cardLastFour, createdAt, "", "");
    }

    /** Whether Corridor is the issuer (a customer's balance pays) rather than a bank (a card pays). */
    public boolean fundedByBalance() {
        return !customerId.isEmpty();
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
                sealedKey, highestAtc, cardLastFour, createdAt, customerId, currency);
    }

    public DeviceToken withSealedKey(byte[] newSealedKey) {
        return new DeviceToken(id, ownerId, cardId, issuerId, network, dpan, par, deviceId, domain, status,
                newSealedKey, highestAtc, cardLastFour, createdAt, customerId, currency);
    }

    public DeviceToken withHighestAtc(int atc) {
        return new DeviceToken(id, ownerId, cardId, issuerId, network, dpan, par, deviceId, domain, status, sealedKey,
                atc, cardLastFour, createdAt, customerId, currency);
    }

    /** Value equality, the sealed key compared by content (a record compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof DeviceToken that && id.equals(that.id) && ownerId.equals(that.ownerId)
                && cardId.equals(that.cardId) && issuerId.equals(that.issuerId) && network.equals(that.network)
                && dpan.equals(that.dpan) && par.equals(that.par) && deviceId.equals(that.deviceId)
                && domain == that.domain && status == that.status && Arrays.equals(sealedKey, that.sealedKey)
                && highestAtc == that.highestAtc && cardLastFour.equals(that.cardLastFour) && createdAt == that.createdAt
                && customerId.equals(that.customerId) && currency.equals(that.currency);
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
