package org.corridor.sim.issuer;

/** The card networks whose BIN ranges the simulated banks issue from. */
public enum CardNetwork {
    /** BINs starting with 4. */
    VISA,
    /** BINs 51 to 55 and 2221 to 2720. */
    MASTERCARD,
    /** BINs starting with 62. */
    UNIONPAY;

    /** The network a BIN (or a PAN) belongs to by its leading digits, or {@code null} for none of these. */
    public static CardNetwork of(String digits) {
        if (digits.length() < 4) return null;
        if (digits.charAt(0) == '4') return VISA;
        int two = Integer.parseInt(digits.substring(0, 2));
        if (two >= 51 && two <= 55) return MASTERCARD;
        if (two == 62) return UNIONPAY;
        int four = Integer.parseInt(digits.substring(0, 4));
        if (four >= 2221 && four <= 2720) return MASTERCARD;
        return null;
    }
}
