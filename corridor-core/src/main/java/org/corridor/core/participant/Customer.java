package org.corridor.core.participant;

import java.util.Map;
import java.util.Optional;
import org.corridor.core.Id128;
import org.corridor.core.state.OwnedObject;

/**
 * A shopper whose stored value a wallet provider holds at Corridor: one balance account per currency,
 * which can never go below zero.
 *
 * @param id {@code cus_…}
 * @param ownerId the wallet provider
 * @param name display name; may be empty
 * @param accounts the customer's balance account per currency code
 * @param metadata the owner's key-value pairs
 * @param createdAt nanoseconds since the epoch
 * @param kycTier the name of the wallet provider's KYC tier the customer pays under; empty: none, so no limits
 */
public record Customer(String id, String ownerId, String name, Map<String, Id128> accounts,
        Map<String, String> metadata, long createdAt, String kycTier) implements OwnedObject {

    /** The ledger account code of customer balance accounts. */
    public static final int BALANCE_ACCOUNT_CODE = 10;

    public Customer {
        accounts = Map.copyOf(accounts);
        metadata = Map.copyOf(metadata);
    }

    public Optional<Id128> account(String currency) {
        return Optional.ofNullable(accounts.get(currency));
    }

    /** The customer moved into tier {@code name} (empty: out of any). */
    public Customer withKycTier(String name) {
        return new Customer(id, ownerId, this.name, accounts, metadata, createdAt, name);
    }
}
