package org.corridor.sim.wallet;

import org.corridor.vault.Pan;

/** The one way the wallet simulator prints a card number or a device PAN: masked, never whole. */
public final class CardNumbers {
    private static final char MASK = '*';

    private CardNumbers() {}

    /**
     * {@code digits} masked as the vault's {@link Pan} masks it (at most the first six and the last four digits).
     * Anything that is not a card number (wrong length, not digits, failing Luhn) is masked entirely, since no rule
     * says which part of it would be safe to show.
     */
    public static String mask(String digits) {
        if (digits == null) return "none";
        if (Pan.isValid(digits)) return Pan.of(digits).masked();
        return String.valueOf(MASK).repeat(digits.length());
    }
}
