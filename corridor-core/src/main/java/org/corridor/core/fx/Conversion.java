package org.corridor.core.fx;

/**
 * One conversion's amounts: the shopper sells {@code sellMinor} of {@code sellCurrency}, the counterparty
 * receives {@code buyMinor} of {@code buyCurrency}, and the {@code residue} is what rounding left to the
 * house, exactly. At the rate used, {@code sell} is worth exactly {@code buy} plus the residue when the
 * residue is in the buy currency, and {@code sell} minus the residue is worth exactly {@code buy} when it is in
 * the sell currency.
 */
public record Conversion(String sellCurrency, long sellMinor, String buyCurrency, long buyMinor, Residue residue) {
    /** Checks the amounts are not negative and the residue is in one of the two currencies. */
    public Conversion {
        if (sellMinor < 0 || buyMinor < 0) throw new IllegalArgumentException("amounts are not negative");
        if (!residue.currency().equals(sellCurrency) && !residue.currency().equals(buyCurrency)) {
            throw new IllegalArgumentException("a residue is in the sell or the buy currency");
        }
    }
}
