package org.corridor.core.settlement;

import org.corridor.core.state.OwnedObject;

/**
 * How far below zero the operator lets one participant's position in one currency go: a payment that would take
 * the account's posted balance less its reserved debits below {@code -amountMinor} is declined.
 *
 * @param id {@code ndc_}, the participant id and the currency (see {@link #idOf})
 * @param participantId the participant capped
 * @param currency ISO 4217 code
 * @param amountMinor the cap, minor units, zero or more
 * @param updatedAt nanoseconds since the epoch, when the operator last set it
 */
public record NetDebitCap(String id, String participantId, String currency, long amountMinor, long updatedAt)
        implements OwnedObject {

    public NetDebitCap {
        if (amountMinor < 0) throw new IllegalArgumentException("a net debit cap is zero or more");
    }

    public static String idOf(String participantId, String currency) {
        return "ndc_" + participantId + "_" + currency;
    }

    @Override
    public long createdAt() {
        return updatedAt;
    }

    /** A participant reads its own caps. */
    @Override
    public String ownerId() {
        return participantId;
    }
}
