package org.corridor.core.payment;

import java.util.Objects;
import org.corridor.core.fx.Conversion;
import org.corridor.core.fx.Conversions;
import org.corridor.core.fx.Rate;

/**
 * The currency conversion of a cross-currency payment: the shopper pays in {@code sellCurrency}, the merchant
 * is paid in the intent's currency, at the customer rate a quote locked. The shopper's money goes to the FX
 * liquidity provider's account in the sell currency, and the provider's account in the intent's currency pays
 * the merchant; what the rounding left over is the house's (see {@code org.corridor.core.exchange}).
 *
 * @param quoteId the quote that locked the rate ({@code fxq_…})
 * @param providerId the FX liquidity provider whose positions move
 * @param customerRate sell currency to the intent's currency, spread included
 * @param sellMinor what the shopper pays (or has reserved) for the intent's whole amount
 * @param sellReceived what the shopper has paid so far, in the sell currency
 * @param sellRefunded what went back to the shopper so far, in the sell currency
 */
public record PaymentConversion(String quoteId, String providerId, Rate customerRate, long sellMinor,
        long sellReceived, long sellRefunded) {

    public PaymentConversion {
        Objects.requireNonNull(quoteId, "quoteId");
        Objects.requireNonNull(providerId, "providerId");
        if (sellMinor < 1 || sellReceived < 0 || sellRefunded < 0 || sellRefunded > sellReceived) {
            throw new IllegalArgumentException("a conversion's amounts are ordered: refunded <= received, sell >= 1");
        }
    }

    public String sellCurrency() {
        return customerRate.base();
    }

    /** What the shopper pays for the merchant to receive {@code buyMinor}: rounded up, at the locked rate. */
    public Conversion ofBuyAmount(long buyMinor) {
        return Conversions.ofBuyAmount(buyMinor, customerRate);
    }

    /** After the shopper paid {@code sell} more. */
    public PaymentConversion received(long sell) {
        return new PaymentConversion(quoteId, providerId, customerRate, sellMinor, Math.addExact(sellReceived, sell),
                sellRefunded);
    }

    /** After {@code sell} more went back to the shopper. */
    public PaymentConversion refunded(long sell) {
        return new PaymentConversion(quoteId, providerId, customerRate, sellMinor, sellReceived,
                Math.addExact(sellRefunded, sell));
    }

    /**
     * What goes back to the shopper, in the sell currency, for a refund of {@code buyRefund} out of
     * {@code buyRefundable} the merchant still holds: in proportion, rounded down (the house's favour, as on the
     * way in), and the whole rest of what the shopper paid when the refund takes all that is left, so a payment
     * refunded in parts returns to the unit what a full refund would.
     */
    public long sellToRefund(long buyRefund, long buyRefundable, long buyReceived) {
        if (buyRefund < 1 || buyRefund > buyRefundable || buyRefundable > buyReceived) {
            throw new IllegalArgumentException("a refund is 1 to what is refundable");
        }
        long sellLeft = sellReceived - sellRefunded;
        if (buyRefund == buyRefundable) return sellLeft;
        long share = java.math.BigInteger.valueOf(buyRefund).multiply(java.math.BigInteger.valueOf(sellReceived))
                .divide(java.math.BigInteger.valueOf(buyReceived)).longValueExact();
        return Math.min(share, sellLeft);
    }
}
