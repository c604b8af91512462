package org.corridor.core.wallet;

import org.corridor.core.state.OwnedObject;
import org.corridor.core.state.UniquelyKeyed;

/**
 * A customer-presented payment code: a short-lived, single-use number the shopper's wallet shows and a merchant scans
 * to charge the customer's balance (the Alipay "pay" screen).
 *
 * @param id {@code pcd_…}
 * @param ownerId the wallet provider that issued it
 * @param customerId the customer it charges
 * @param code the number shown, 18 digits; found by it (a unique key)
 * @param expiresAt nanoseconds since the epoch; from then on it is refused
 * @param paymentIntentId the intent it paid; empty while unused
 * @param createdAt nanoseconds since the epoch
 */
public record PaymentCode(String id, String ownerId, String customerId, String code, long expiresAt,
        String paymentIntentId, long createdAt) implements OwnedObject, UniquelyKeyed {

    @Override
    public String uniqueKey() {
        return code;
    }

    public boolean used() {
        return !paymentIntentId.isEmpty();
    }

    public PaymentCode usedBy(String intentId) {
        return new PaymentCode(id, ownerId, customerId, code, expiresAt, intentId, createdAt);
    }

    /** The code is a bearer secret while it lives: never printed whole. */
    @Override
    public String toString() {
        return "PaymentCode[" + id + ", …" + code.substring(code.length() - 4) + "]";
    }
}
