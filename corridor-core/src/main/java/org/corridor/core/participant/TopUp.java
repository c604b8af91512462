package org.corridor.core.participant;

import org.corridor.core.Id128;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.state.OwnedObject;

/**
 * Money moved into a customer's balance: either the wallet provider's funding account paid it (the shopper paid the
 * provider outside Corridor), or a card's device token in the shopper's phone did, authorized by the card's issuer,
 * whose settlement account then paid it.
 *
 * @param id {@code tu_…}
 * @param ownerId the wallet provider
 * @param customerId the customer credited
 * @param amountMinor minor units
 * @param currency ISO 4217 code
 * @param transferId the ledger transfer
 * @param createdAt nanoseconds since the epoch
 * @param paymentMethod the device token that paid, with its authorization; null when the funding account paid
 */
public record TopUp(String id, String ownerId, String customerId, long amountMinor, String currency, Id128 transferId,
        long createdAt, PaymentMethod paymentMethod) implements OwnedObject {

    /** The prefix of top-up ids. */
    public static final String ID_PREFIX = "tu_";
}
