package org.corridor.core.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.core.Id128;

/**
 * Checks the ledger's invariants over a whole state: run at start-up on what the store holds, by
 * {@code corridor ledger verify}, and by the tests after every batch.
 *
 * <ul>
 *   <li>Per ledger, total debits equal total credits, pending and posted separately.
 *   <li>Every account's balances equal the sum of its transfers (a pending transfer counts while it is
 *       pending; a post counts as posted; a void moves nothing).
 *   <li>No account with a limit flag is past its limit, and no balance is negative.
 * </ul>
 */
public final class LedgerAudit {
    private LedgerAudit() {}

    /** Returns every violation found, as sentences; an empty list means the ledger is sound. */
    public static List<String> violations(LedgerStateMachine ledger) {
        List<String> violations = new ArrayList<>();
        List<Account> accounts = ledger.accounts();
        Map<Id128, long[]> summed = new HashMap<>(accounts.size() * 2);
        for (Account account : accounts) summed.put(account.id(), new long[4]);
        for (Transfer transfer : ledger.transfers()) {
            long[] debit = summed.get(transfer.debitAccountId());
            long[] credit = summed.get(transfer.creditAccountId());
            if (debit == null || credit == null) {
                violations.add("transfer " + transfer.id() + " names an unknown account");
                continue;
            }
            if (transfer.has(TransferFlags.PENDING)) {
                if (ledger.pendingStatus(transfer.id()).orElse(null) == PendingStatus.PENDING) {
                    debit[0] = saturatingAdd(debit[0], transfer.amount());
                    credit[2] = saturatingAdd(credit[2], transfer.amount());
                }
            } else if (!transfer.has(TransferFlags.VOID_PENDING)) {
                debit[1] = saturatingAdd(debit[1], transfer.amount());
                credit[3] = saturatingAdd(credit[3], transfer.amount());
            }
        }
        // A ledger's totals may pass Long.MAX_VALUE even though no single account's balance can.
        Map<Integer, BigInteger[]> ledgerTotals = new TreeMap<>();
        for (Account account : accounts) {
            long[] sums = summed.get(account.id());
            long[] stored = {account.debitsPending(), account.debitsPosted(), account.creditsPending(),
                    account.creditsPosted()};
            if (!java.util.Arrays.equals(sums, stored)) {
                violations.add("account " + account.id() + " stores balances " + java.util.Arrays.toString(stored)
                        + " but its transfers sum to " + java.util.Arrays.toString(sums));
            }
            for (long balance : stored) {
                if (balance < 0) violations.add("account " + account.id() + " has a negative balance");
            }
            if (account.has(AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS)
                    && saturatingAdd(account.debitsPending(), account.debitsPosted()) > account.creditsPosted()) {
                violations.add("account " + account.id() + " has debits beyond its credits");
            }
            if (account.has(AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS)
                    && saturatingAdd(account.creditsPending(), account.creditsPosted()) > account.debitsPosted()) {
                violations.add("account " + account.id() + " has credits beyond its debits");
            }
            BigInteger[] totals = ledgerTotals.computeIfAbsent(account.ledger(),
                    l -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO});
            for (int i = 0; i < 4; i++) totals[i] = totals[i].add(BigInteger.valueOf(stored[i]));
        }
        ledgerTotals.forEach((ledgerId, totals) -> {
            if (!totals[0].equals(totals[2])) {
                violations.add("ledger " + ledgerId + ": pending debits " + totals[0] + " != pending credits "
                        + totals[2]);
            }
            if (!totals[1].equals(totals[3])) {
                violations.add("ledger " + ledgerId + ": posted debits " + totals[1] + " != posted credits "
                        + totals[3]);
            }
        });
        return violations;
    }

    /**
     * Adds without throwing: on tampered data a sum may pass {@code Long.MAX_VALUE}, and the audit must
     * still report a violation rather than die. A saturated sum never equals a sound stored balance.
     */
    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) return sum < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        return sum;
    }
}
