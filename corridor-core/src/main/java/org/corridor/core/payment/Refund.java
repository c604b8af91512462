package org.corridor.core.payment;

import java.util.Map;
import org.corridor.core.Id128;
import org.corridor.core.state.OwnedObject;

/**
 * Money returned to the shopper from a succeeded payment intent. The merchant fee is not returned (as
 * Stripe does): the refund moves the refunded amount from the merchant back to the shopper.
 *
 * @param id {@code re_…}
 * @param ownerId the merchant that owns the payment intent
 * @param paymentIntentId the intent refunded
 * @param amountMinor minor units, positive, at most what the intent may still refund
 * @param currency the intent's currency
 * @param reason the merchant's reason; may be empty
 * @param metadata the merchant's key-value pairs
 * @param transferId the ledger transfer
 * @param createdAt nanoseconds since the epoch
 */
public record Refund(String id, String ownerId, String paymentIntentId, long amountMinor, String currency,
        String reason, Map<String, String> metadata, Id128 transferId, long createdAt) implements OwnedObject {

    public Refund {
        metadata = Map.copyOf(metadata);
    }
}
