package org.corridor.core.fx;

import java.util.Objects;

/**
 * A locked rate for one conversion: the mid rate it was made from, the house's spread, the customer rate
 * that results, and the amounts at that rate. It can be used once, by one payment, before
 * {@code expiresAtNanos}. Quotes are values; {@link QuoteRules} makes the changed copies.
 *
 * @param id the caller's id for the quote
 * @param midRate the market rate, sell currency to buy currency, the spread was taken from
 * @param spreadBasisPoints the house's spread, 1 bp = 0.01 %
 * @param customerRate the rate the customer gets: the mid rate less the spread, rounded down
 * @param fixedSide which amount the customer named
 * @param conversion the amounts at the customer rate and what rounding left to the house
 * @param createdAtNanos when the quote was made, epoch nanoseconds
 * @param expiresAtNanos the first instant the quote can no longer be used
 * @param status open, used or expired
 * @param paymentId the payment that used the quote, or null while nothing has
 * @param usedAtNanos when that payment used it, or 0 while nothing has
 */
public record Quote(String id, Rate midRate, int spreadBasisPoints, Rate customerRate, FixedSide fixedSide,
        Conversion conversion, long createdAtNanos, long expiresAtNanos, QuoteStatus status, String paymentId,
        long usedAtNanos) {

    /** Checks the fields agree with one another. */
    public Quote {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        if (!customerRate.isFor(midRate.base(), midRate.quote())
                || !conversion.sellCurrency().equals(midRate.base())
                || !conversion.buyCurrency().equals(midRate.quote())) {
            throw new IllegalArgumentException("a quote's rates and amounts name one pair");
        }
        if (expiresAtNanos <= createdAtNanos) throw new IllegalArgumentException("a quote expires after it is made");
        if ((status == QuoteStatus.USED) != (paymentId != null)) {
            throw new IllegalArgumentException("a quote names its payment exactly when it is used");
        }
    }

    public String sellCurrency() {
        return conversion.sellCurrency();
    }

    public String buyCurrency() {
        return conversion.buyCurrency();
    }

    public long sellMinor() {
        return conversion.sellMinor();
    }

    public long buyMinor() {
        return conversion.buyMinor();
    }

    /** Whether the quote's expiry has passed at {@code nowNanos}: expiry is inclusive. */
    public boolean isDueAt(long nowNanos) {
        return nowNanos >= expiresAtNanos;
    }

    Quote used(String byPaymentId, long atNanos) {
        return new Quote(id, midRate, spreadBasisPoints, customerRate, fixedSide, conversion, createdAtNanos,
                expiresAtNanos, QuoteStatus.USED, byPaymentId, atNanos);
    }

    Quote expired() {
        return new Quote(id, midRate, spreadBasisPoints, customerRate, fixedSide, conversion, createdAtNanos,
                expiresAtNanos, QuoteStatus.EXPIRED, null, 0);
    }
}
