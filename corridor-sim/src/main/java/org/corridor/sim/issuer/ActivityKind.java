package org.corridor.sim.issuer;

/** What a bank saw: the request type of one entry in its {@link BankActivity}. */
public enum ActivityKind {
    AUTHORIZATION,
    PURCHASE,
    /** A reversal that found its approved original and released or credited it. */
    REVERSAL,
    /** A reversal whose original was unknown, declined or already reversed: acknowledged, nothing moved. */
    REVERSAL_UNMATCHED
}
