package org.corridor.core.participant;

import org.corridor.core.Id128;
import org.corridor.core.state.OwnedObject;

/**
 * Money a wallet provider moved into a customer's balance (the shopper paid the provider outside
 * Corridor): its funding account is debited, the customer's balance credited.
 *
 * @param id {@code tu_…}
 * @param ownerId the wallet provider
 * @param customerId the customer credited
 * @param amountMinor minor units
 * @param currency ISO 4217 code
 * @param transferId the ledger transfer
 * @param createdAt nanoseconds since the epoch
 */
public record TopUp(String id, String ownerId, String customerId, long amountMinor, String currency, Id128 transferId,
        long createdAt) implements OwnedObject {}
