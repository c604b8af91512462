package org.corridor.core.wallet;

import org.corridor.core.Id128;
import org.corridor.core.state.OwnedObject;

/**
 * Money moved from one customer's balance to another's, possibly a customer of another wallet provider.
 *
 * @param id {@code wtr_…}
 * @param ownerId the sender's wallet provider
 * @param fromCustomerId the customer who pays
 * @param toCustomerId the customer who receives
 * @param amountMinor minor units of {@code currency}
 * @param currency ISO 4217 code
 * @param description the sender's text; may be empty
 * @param transferId the ledger transfer
 * @param createdAt nanoseconds since the epoch
 */
public record WalletTransfer(String id, String ownerId, String fromCustomerId, String toCustomerId, long amountMinor,
        String currency, String description, Id128 transferId, long createdAt) implements OwnedObject {}
