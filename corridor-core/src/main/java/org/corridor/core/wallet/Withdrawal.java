package org.corridor.core.wallet;

import org.corridor.core.Id128;
import org.corridor.core.state.OwnedObject;

/**
 * Money a customer takes out of its balance: back to the wallet provider's funding account, which pays it out (to the
 * customer's bank) outside Corridor.
 *
 * @param id {@code wd_…}
 * @param ownerId the wallet provider
 * @param customerId the customer
 * @param amountMinor minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param transferId the ledger transfer
 * @param createdAt nanoseconds since the epoch
 */
public record Withdrawal(String id, String ownerId, String customerId, long amountMinor, String currency,
        Id128 transferId, long createdAt) implements OwnedObject {}
