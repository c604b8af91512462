package org.corridor.gateway.routing;

import java.util.Optional;
import org.corridor.core.Check;

/**
 * The card networks the gateway routes to, each with its published issuer identification number ranges.
 *
 * <p>UnionPay is recognised by the 62 range only: its 81 range is left out until a primary source for it
 * is at hand.
 */
public enum CardNetwork {
    /** PANs starting with 4. */
    VISA,
    /** PANs starting with 51 to 55, or with 2221 to 2720. */
    MASTERCARD,
    /** PANs starting with 62. */
    UNIONPAY;

    /** The most digits a PAN has (ISO/IEC 7812); longer input is a programmer error, not a PAN. */
    public static final int PAN_DIGITS_MAX = 19;

    /**
     * The network whose range the leading digits of {@code digits} (a PAN or a BIN prefix) fall in, or empty
     * when they fall in none of these ranges or are too few to tell (Mastercard's 2-series needs four).
     *
     * @param digits ASCII digits only, at most {@link #PAN_DIGITS_MAX} of them; never echoed in a message
     */
    public static Optional<CardNetwork> ofPan(String digits) {
        Check.that(digits != null, "PAN digits are missing");
        Check.that(digits.length() <= PAN_DIGITS_MAX, "PAN is longer than " + PAN_DIGITS_MAX + " digits");
        Check.that(Digits.only(digits), "PAN must be digits only");
        if (digits.isEmpty()) return Optional.empty();
        if (digits.charAt(0) == '4') return Optional.of(VISA);
        if (digits.length() < 2) return Optional.empty();
        int two = Digits.leading(digits, 2);
        if (two >= 51 && two <= 55) return Optional.of(MASTERCARD);
        if (two == 62) return Optional.of(UNIONPAY);
        if (digits.length() < 4) return Optional.empty();
        int four = Digits.leading(digits, 4);
        if (four >= 2221 && four <= 2720) return Optional.of(MASTERCARD);
        return Optional.empty();
    }
}
