package org.corridor.core.ledger;

import org.corridor.core.Id128;

/**
 * An account's balances right after one transfer or expiry, kept for accounts with
 * {@link AccountFlags#HISTORY}.
 *
 * @param accountId the account
 * @param timestamp the transfer's or the expiry's timestamp
 * @param debited true when the account was the debit side of the transfer (or of the expired reservation)
 * @param debitsPending reserved debits after it
 * @param debitsPosted posted debits after it
 * @param creditsPending reserved credits after it
 * @param creditsPosted posted credits after it
 */
public record AccountBalance(
        Id128 accountId,
        long timestamp,
        boolean debited,
        long debitsPending,
        long debitsPosted,
        long creditsPending,
        long creditsPosted) {}
