package org.corridor.core.exchange;

import org.corridor.core.Id128;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.state.OwnedObject;

/**
 * The house's rounding residue in one currency: the ledger account it is booked to, and the fraction below one
 * minor unit carried until the next conversion makes it whole.
 *
 * @param id {@code fxres_} and the currency code
 * @param currency ISO 4217 code
 * @param accountId the operator's residue account in that currency
 * @param carriedNanos residue not yet booked, in 10^-9 minor units: 0 to below 10^9
 * @param createdAt nanoseconds since the epoch
 */
public record FxResidue(String id, String currency, Id128 accountId, long carriedNanos, long createdAt)
        implements OwnedObject {
    /** Sub-unit digits the carry counts in; a residue's part below that is the house's, unbooked. */
    public static final int CARRY_DIGITS = 9;
    /** One minor unit in the carry's sub-units. */
    public static final long NANOS_PER_MINOR = 1_000_000_000L;

    public FxResidue {
        if (carriedNanos < 0 || carriedNanos >= NANOS_PER_MINOR) {
            throw new IllegalArgumentException("a carried residue is below one minor unit");
        }
    }

    /** The id of a currency's residue. */
    public static String idOf(String currency) {
        return "fxres_" + currency;
    }

    @Override
    public String ownerId() {
        return ParticipantOperations.OPERATOR_ID;
    }

    FxResidue carrying(long nanos) {
        return new FxResidue(id, currency, accountId, nanos, createdAt);
    }
}
