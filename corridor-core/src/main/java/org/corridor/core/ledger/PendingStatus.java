package org.corridor.core.ledger;

/** Where a pending transfer stands. A pending transfer leaves {@link #PENDING} at most once. */
public enum PendingStatus {
    PENDING,
    POSTED,
    VOIDED,
    EXPIRED
}
