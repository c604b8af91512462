package org.corridor.core.settlement;

import org.corridor.core.Id128;

/**
 * What one participant's account in a window's currency moved in the window: the posted debits and credits of the
 * window's transfers (settlement transfers excluded), and the part of them that were merchant fees and refunds.
 *
 * @param participantId the participant
 * @param accountId its ledger account in the window's currency
 * @param debitsMinor posted debits in the window
 * @param creditsMinor posted credits in the window
 * @param feesMinor merchant fees, credits minus debits (negative for a merchant, positive for the operator)
 * @param refundsMinor refunds, credits minus debits (negative for the merchant who refunded)
 */
public record NetPosition(String participantId, Id128 accountId, long debitsMinor, long creditsMinor, long feesMinor,
        long refundsMinor) {

    public NetPosition {
        if (debitsMinor < 0 || creditsMinor < 0) throw new IllegalArgumentException("sums of amounts are not negative");
    }

    /** Credits minus debits: positive for a net creditor (paid out), negative for a net debtor (pays in). */
    public long netMinor() {
        return Math.subtractExact(creditsMinor, debitsMinor);
    }

    /** What the net is before fees and refunds: the payments the account received or paid. */
    public long grossMinor() {
        return Math.subtractExact(Math.subtractExact(netMinor(), feesMinor), refundsMinor);
    }
}
