package org.corridor.core.escrow;

/** Where an escrow stands; it follows from its amounts (see {@link Escrow#status()}). */
public enum EscrowStatus {
    /** Its payment intent is not paid yet. */
    AWAITING_PAYMENT,
    /** Paid: the whole amount is held. */
    HELD,
    /** Part of it went to the seller; the rest is held. */
    PARTIALLY_RELEASED,
    /** All of it went to the seller. */
    RELEASED,
    /** A dispute returned what was still held to the shopper (some may have been released before). */
    REFUNDED
}
