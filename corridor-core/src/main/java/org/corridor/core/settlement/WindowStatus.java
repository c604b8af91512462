package org.corridor.core.settlement;

/** Where a settlement window stands; it moves forward only, open to closed to settled. */
public enum WindowStatus {
    /** Counting: the ledger's transfers of its currency fall into it as they are booked. */
    OPEN,
    /** Its net positions are fixed; the settlement transfers are not yet booked. */
    CLOSED,
    /** Its settlement transfers are booked; it never settles again. */
    SETTLED
}
