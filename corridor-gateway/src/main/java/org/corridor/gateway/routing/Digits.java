package org.corridor.gateway.routing;

/** Checks on strings of decimal digits, shared by the network ranges, the routes and the table. */
final class Digits {
    private Digits() {}

    /** Whether {@code text} holds ASCII digits {@code 0} to {@code 9} only; an empty string does. */
    static boolean only(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }

    /** The value of the leading {@code count} digits of {@code digits}, which must hold at least that many. */
    static int leading(String digits, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value * 10 + (digits.charAt(i) - '0');
        }
        return value;
    }
}
