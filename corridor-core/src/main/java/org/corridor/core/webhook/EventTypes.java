package org.corridor.core.webhook;

import java.util.List;

/** The event types Corridor emits; an endpoint subscribes to some of them or to {@code *}. */
public final class EventTypes {
    public static final String PAYMENT_INTENT_CREATED = "payment_intent.created";
    public static final String PAYMENT_INTENT_AMOUNT_CAPTURABLE_UPDATED = "payment_intent.amount_capturable_updated";
    public static final String PAYMENT_INTENT_SUCCEEDED = "payment_intent.succeeded";
    public static final String PAYMENT_INTENT_PAYMENT_FAILED = "payment_intent.payment_failed";
    public static final String PAYMENT_INTENT_CANCELED = "payment_intent.canceled";
    public static final String REFUND_CREATED = "refund.created";
    public static final String CUSTOMER_TOPPED_UP = "customer.topped_up";
    public static final String TOKEN_CREATED = "token.created";
    /** A token's status changed (suspended, resumed, deleted). */
    public static final String TOKEN_UPDATED = "token.updated";
    /** A customer paid another: sent to both customers' wallet providers (once if they are the same). */
    public static final String WALLET_TRANSFER_CREATED = "wallet_transfer.created";
    /** A marketplace payment is held in escrow: sent to the marketplace, the seller and the buyer's wallet provider. */
    public static final String ESCROW_HELD = "escrow.held";
    /** Part or all of an escrow went to the seller; sent to the same three. */
    public static final String ESCROW_RELEASED = "escrow.released";
    /** A dispute returned what an escrow held to the shopper; sent to the same three. */
    public static final String ESCROW_REFUNDED = "escrow.refunded";
    /** A customer's balance went back to its wallet provider's funding account: sent to that wallet provider. */
    public static final String WITHDRAWAL_CREATED = "withdrawal.created";
    /** Subscribes to every type. */
    public static final String ALL = "*";

    public static final List<String> KNOWN = List.of(PAYMENT_INTENT_CREATED, PAYMENT_INTENT_AMOUNT_CAPTURABLE_UPDATED,
            PAYMENT_INTENT_SUCCEEDED, PAYMENT_INTENT_PAYMENT_FAILED, PAYMENT_INTENT_CANCELED, REFUND_CREATED,
            CUSTOMER_TOPPED_UP, TOKEN_CREATED, TOKEN_UPDATED, WALLET_TRANSFER_CREATED, ESCROW_HELD, ESCROW_RELEASED,
            ESCROW_REFUNDED, WITHDRAWAL_CREATED);

    private EventTypes() {}

    public static boolean known(String type) {
        return ALL.equals(type) || KNOWN.contains(type);
    }
}
