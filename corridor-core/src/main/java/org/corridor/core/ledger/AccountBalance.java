package org.corridor.core.ledger;

import org.corridor.core.Id128;

/** An account's balances right after one transfer, kept for accounts with {@link AccountFlags#HISTORY}. */
public record AccountBalance(
        Id128 accountId,
        long timestamp,
        long debitsPending,
        long debitsPosted,
        long creditsPending,
        long creditsPosted) {}
