package org.corridor.core.escrow;

import org.corridor.core.Check;
import org.corridor.core.Id128;
import org.corridor.core.state.OwnedObject;
import org.corridor.core.state.UniquelyKeyed;

/**
 * Money of a marketplace order held between the shopper and the seller. Its own ledger account (code
 * {@link #ACCOUNT_CODE}, never below zero) receives the payment and pays each release and the refund, so the account's
 * balance is always what the escrow still holds.
 *
 * @param id {@code esc_…}
 * @param ownerId the marketplace that created the payment intent
 * @param paymentIntentId the intent that pays into it; found by it (a unique key)
 * @param sellerId the merchant that is paid on release
 * @param amountMinor the intent's amount
 * @param currency ISO 4217 code
 * @param accountId the escrow's ledger account
 * @param releaseAfterSeconds how long after the payment the money is released on its own; disputes are taken until then
 * @param releaseAt nanoseconds since the epoch: the release deadline, zero until paid
 * @param buyerProviderId the wallet provider of the shopper who paid (the token requestor, for a card); empty until paid
 * @param customerId the shopper's customer at that wallet provider; empty until paid, and for a card payment
 * @param amountHeld what the payment brought in
 * @param amountReleased what went to the seller, before the fee
 * @param amountRefunded what a dispute returned to the shopper
 * @param feeMinor the seller's merchant fee, charged on what was released
 * @param createdAt nanoseconds since the epoch
 */
public record Escrow(String id, String ownerId, String paymentIntentId, String sellerId, long amountMinor,
        String currency, Id128 accountId, long releaseAfterSeconds, long releaseAt, String buyerProviderId,
        String customerId, long amountHeld, long amountReleased, long amountRefunded, long feeMinor, long createdAt)
        implements OwnedObject, UniquelyKeyed {

    /** The ledger account code of escrow accounts. */
    public static final int ACCOUNT_CODE = 21;

    public Escrow {
        Check.that(amountReleased >= 0 && amountRefunded >= 0
                && Math.addExact(amountReleased, amountRefunded) <= amountHeld && amountHeld <= amountMinor,
                "an escrow pays out at most what it holds");
    }

    /** A new escrow waiting for its intent to be paid. */
    public static Escrow open(String id, String ownerId, String paymentIntentId, String sellerId, long amountMinor,
            String currency, Id128 accountId, long releaseAfterSeconds, long createdAt) {
        return new Escrow(id, ownerId, paymentIntentId, sellerId, amountMinor, currency, accountId, releaseAfterSeconds,
                0, "", "", 0, 0, 0, 0, createdAt);
    }

    @Override
    public String uniqueKey() {
        return paymentIntentId;
    }

    public EscrowStatus status() {
        if (!paid()) return EscrowStatus.AWAITING_PAYMENT;
        if (amountRefunded > 0) return EscrowStatus.REFUNDED;
        if (amountReleased == amountHeld) return EscrowStatus.RELEASED;
        return amountReleased > 0 ? EscrowStatus.PARTIALLY_RELEASED : EscrowStatus.HELD;
    }

    public boolean paid() {
        return releaseAt != 0;
    }

    /** What is still held: neither released nor refunded. */
    public long outstanding() {
        return amountHeld - amountReleased - amountRefunded;
    }

    /** Paid {@code amount} by the shopper of {@code providerId}; released on its own at {@code deadline}. */
    public Escrow held(long amount, long deadline, String providerId, String customer) {
        return new Escrow(id, ownerId, paymentIntentId, sellerId, amountMinor, currency, accountId, releaseAfterSeconds,
                deadline, providerId, customer, amount, 0, 0, 0, createdAt);
    }

    public Escrow released(long amount, long fee) {
        return new Escrow(id, ownerId, paymentIntentId, sellerId, amountMinor, currency, accountId, releaseAfterSeconds,
                releaseAt, buyerProviderId, customerId, amountHeld, Math.addExact(amountReleased, amount),
                amountRefunded, Math.addExact(feeMinor, fee), createdAt);
    }

    public Escrow refunded(long amount) {
        return new Escrow(id, ownerId, paymentIntentId, sellerId, amountMinor, currency, accountId, releaseAfterSeconds,
                releaseAt, buyerProviderId, customerId, amountHeld, amountReleased,
                Math.addExact(amountRefunded, amount), feeMinor, createdAt);
    }
}
