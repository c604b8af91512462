package org.corridor.core.card;

import java.util.Arrays;
import java.util.Objects;
import org.corridor.core.state.UniquelyKeyed;

/**
 * A funding card as the vault keeps it: the PAN only sealed, found by its keyed fingerprint, with what may be shown
 * (BIN, last four, expiry). All tokens of one card share its payment account reference.
 *
 * @param id {@code card_…}; also the associated data its ciphertext is bound to
 * @param issuerId the issuing bank's participant, found by the BIN at enrolment
 * @param network {@code visa}, {@code mastercard} or {@code unionpay}
 * @param bin the first six digits
 * @param lastFour the last four digits
 * @param expiryMonth 1 to 12
 * @param expiryYear four digits
 * @param fingerprint the PAN's keyed hash (hex): the only way to find a card by number
 * @param par the payment account reference (29 characters), shared by every token of the card
 * @param sealedPan the PAN encrypted by the vault (AEAD; its first bytes name the key that sealed it)
 * @param createdAt nanoseconds since the epoch
 */
public record Card(String id, String issuerId, String network, String bin, String lastFour, int expiryMonth,
        int expiryYear, String fingerprint, String par, byte[] sealedPan, long createdAt) implements UniquelyKeyed {

    public Card {
        sealedPan = sealedPan.clone();
    }

    @Override
    public byte[] sealedPan() {
        return sealedPan.clone();
    }

    @Override
    public String uniqueKey() {
        return fingerprint;
    }

    /** The card as first written, stamped with the batch's time. */
    public Card stamped(long at) {
        return new Card(id, issuerId, network, bin, lastFour, expiryMonth, expiryYear, fingerprint, par, sealedPan, at);
    }

    /** Whether this card's expiry is later than {@code other}'s. */
    public boolean expiresAfter(Card other) {
        return expiryYear * 12 + expiryMonth > other.expiryYear * 12 + other.expiryMonth;
    }

    public Card withExpiry(int month, int year) {
        return new Card(id, issuerId, network, bin, lastFour, month, year, fingerprint, par, sealedPan, createdAt);
    }

    /** The same card with its PAN sealed again (a key rotation re-wrapping it). */
    public Card resealed(byte[] newSealedPan) {
        return new Card(id, issuerId, network, bin, lastFour, expiryMonth, expiryYear, fingerprint, par, newSealedPan,
                createdAt);
    }

    /** Value equality, the sealed PAN compared by content (a record compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Card that && id.equals(that.id) && issuerId.equals(that.issuerId)
                && network.equals(that.network) && bin.equals(that.bin) && lastFour.equals(that.lastFour)
                && expiryMonth == that.expiryMonth && expiryYear == that.expiryYear
                && fingerprint.equals(that.fingerprint) && par.equals(that.par)
                && Arrays.equals(sealedPan, that.sealedPan) && createdAt == that.createdAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, fingerprint, Arrays.hashCode(sealedPan), createdAt);
    }

    @Override
    public String toString() {
        return "Card[" + id + ", " + network + " " + bin + "…" + lastFour + "]";
    }
}
