package org.corridor.core.ledger;

import org.corridor.core.Id128;

/**
 * A ledger account: who holds what, in one currency ledger, in minor units.
 *
 * <p>Balances are never set by callers: a new account starts at zero and only transfers move it. The
 * timestamp is assigned by the state machine (nanoseconds, strictly increasing across all events).
 *
 * @param id caller-chosen, unique, neither zero nor all-ones
 * @param userData an opaque reference of the caller's (for example a participant id)
 * @param ledger the currency ledger (Corridor uses the ISO 4217 numeric code)
 * @param code the account type, chosen by the caller, never zero
 * @param flags {@link AccountFlags}
 * @param debitsPending reserved debits
 * @param debitsPosted posted debits
 * @param creditsPending reserved credits
 * @param creditsPosted posted credits
 * @param timestamp assigned at creation
 */
public record Account(
        Id128 id,
        Id128 userData,
        int ledger,
        int code,
        int flags,
        long debitsPending,
        long debitsPosted,
        long creditsPending,
        long creditsPosted,
        long timestamp) {

    /** A create command for a new, empty account. */
    public static Account open(Id128 id, int ledger, int code, int flags, Id128 userData) {
        return new Account(id, userData, ledger, code, flags, 0, 0, 0, 0, 0);
    }

    public boolean has(int flag) {
        return AccountFlags.has(flags, flag);
    }

    /** Posted credits minus posted debits: what a liability account (a wallet) holds. */
    public long creditBalancePosted() {
        return Math.subtractExact(creditsPosted, debitsPosted);
    }
}
