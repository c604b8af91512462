package org.corridor.sim.issuer;

import org.corridor.core.Check;

/**
 * One cardholder account at a simulated bank, in the bank's currency. An authorization places a hold; a
 * purchase debits the balance; a reversal releases the hold or credits the purchase back.
 * Only {@link SimulatedBanks} creates these, and it keys them by PAN, which this class does not hold.
 */
public final class CardholderAccount {
    private long balanceMinor;
    private long heldMinor;

    CardholderAccount(long balanceMinor) {
        Check.that(balanceMinor >= 0, "an opening balance is not negative");
        this.balanceMinor = balanceMinor;
    }

    /** The posted balance in minor units, holds not deducted. */
    public synchronized long balanceMinor() {
        return balanceMinor;
    }

    /** The sum of the holds placed by approved authorizations not yet reversed. */
    public synchronized long heldMinor() {
        return heldMinor;
    }

    /** What a new authorization or purchase may still take: the balance less the holds. */
    public synchronized long availableMinor() {
        return balanceMinor - heldMinor;
    }

    /** Places a hold if the funds are there; false (and no change) otherwise. */
    synchronized boolean hold(long amountMinor) {
        if (amountMinor > availableMinor()) return false;
        heldMinor += amountMinor;
        return true;
    }

    /** Debits a purchase if the funds are there; false (and no change) otherwise. */
    synchronized boolean debit(long amountMinor) {
        if (amountMinor > availableMinor()) return false;
        balanceMinor -= amountMinor;
        return true;
    }

    synchronized void release(long amountMinor) {
        Check.that(amountMinor <= heldMinor, "a released hold was placed before");
        heldMinor -= amountMinor;
    }

    synchronized void credit(long amountMinor) {
        balanceMinor = Math.addExact(balanceMinor, amountMinor);
    }

    @Override
    public synchronized String toString() {
        return "CardholderAccount[balanceMinor=" + balanceMinor + ", heldMinor=" + heldMinor + "]";
    }
}
