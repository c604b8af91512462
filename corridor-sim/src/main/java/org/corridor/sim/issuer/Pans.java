package org.corridor.sim.issuer;

/** Helpers for card numbers in the simulator; none of them lets a whole PAN out. */
final class Pans {
    private Pans() {}

    /** The PAN with all but its first six and last four digits replaced by {@code *}. */
    static String mask(String pan) {
        if (pan == null) return "none";
        if (pan.length() < 10) return "*".repeat(pan.length());
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }

    /** A 64-bit mix of a seed and a digit string (SplitMix64 finaliser over the characters). */
    static long mix(long seed, String digits) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < digits.length(); i++) {
            h = finalise(h + digits.charAt(i));
        }
        return h;
    }

    static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
