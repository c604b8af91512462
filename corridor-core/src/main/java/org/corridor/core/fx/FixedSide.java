package org.corridor.core.fx;

/** Which amount of a quote the customer named; the other is computed from it at the customer rate. */
public enum FixedSide {
    /** The customer names what they sell; what the counterparty gets is rounded down. */
    SELL,
    /** The customer names what the counterparty must get; what they sell is rounded up. */
    BUY
}
