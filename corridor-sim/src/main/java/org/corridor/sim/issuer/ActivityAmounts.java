package org.corridor.sim.issuer;

import org.corridor.core.Check;

/**
 * The money a bank's approved requests moved, in one currency's minor units.
 *
 * @param heldMinor the sum of approved authorizations (holds placed, before any reversal)
 * @param debitedMinor the sum of approved purchases
 * @param reversedMinor the sum of reversals that found their approved original
 */
public record ActivityAmounts(long heldMinor, long debitedMinor, long reversedMinor) {
    /** Nothing moved. */
    public static final ActivityAmounts NONE = new ActivityAmounts(0, 0, 0);

    public ActivityAmounts {
        Check.that(heldMinor >= 0 && debitedMinor >= 0 && reversedMinor >= 0, "activity amounts are not negative");
    }

    /** Everything approved: holds placed plus purchases debited. */
    public long approvedMinor() {
        return Math.addExact(heldMinor, debitedMinor);
    }

    /** These amounts and {@code other} added up. */
    public ActivityAmounts plus(ActivityAmounts other) {
        return new ActivityAmounts(Math.addExact(heldMinor, other.heldMinor),
                Math.addExact(debitedMinor, other.debitedMinor), Math.addExact(reversedMinor, other.reversedMinor));
    }

    /** The amounts {@code entry} adds: nothing unless it was approved or a matched reversal. */
    static ActivityAmounts of(ActivityEntry entry) {
        if (!entry.approved()) return NONE;
        return switch (entry.kind()) {
            case AUTHORIZATION -> new ActivityAmounts(entry.amountMinor(), 0, 0);
            case PURCHASE -> new ActivityAmounts(0, entry.amountMinor(), 0);
            case REVERSAL -> new ActivityAmounts(0, 0, entry.amountMinor());
            case REVERSAL_UNMATCHED -> NONE;
        };
    }
}
