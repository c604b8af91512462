package org.corridor.core.ledger;

import org.corridor.core.Id128;

/** The state machine's working copy of an account; only the single writer touches it. */
final class MutableAccount {
    final Id128 id;
    final Id128 userData;
    final int ledger;
    final int code;
    final long timestamp;
    int flags;
    long debitsPending;
    long debitsPosted;
    long creditsPending;
    long creditsPosted;

    MutableAccount(Account account) {
        this.id = account.id();
        this.userData = account.userData();
        this.ledger = account.ledger();
        this.code = account.code();
        this.timestamp = account.timestamp();
        this.flags = account.flags();
        this.debitsPending = account.debitsPending();
        this.debitsPosted = account.debitsPosted();
        this.creditsPending = account.creditsPending();
        this.creditsPosted = account.creditsPosted();
    }

    boolean has(int flag) {
        return AccountFlags.has(flags, flag);
    }

    Account snapshot() {
        return new Account(id, userData, ledger, code, flags, debitsPending, debitsPosted, creditsPending,
                creditsPosted, timestamp);
    }

    AccountBalance balanceAt(long at, boolean debited) {
        return new AccountBalance(id, at, debited, debitsPending, debitsPosted, creditsPending, creditsPosted);
    }

    /** Returns an action that puts back the balances and flags as they are now (for linked-chain rollback). */
    Runnable restorer() {
        int savedFlags = flags;
        long savedDebitsPending = debitsPending;
        long savedDebitsPosted = debitsPosted;
        long savedCreditsPending = creditsPending;
        long savedCreditsPosted = creditsPosted;
        return () -> {
            flags = savedFlags;
            debitsPending = savedDebitsPending;
            debitsPosted = savedDebitsPosted;
            creditsPending = savedCreditsPending;
            creditsPosted = savedCreditsPosted;
        };
    }
}
