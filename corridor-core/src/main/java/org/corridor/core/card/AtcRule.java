package org.corridor.core.card;

/**
 * The rule for a device's next application transaction counter (ATC): strictly above the highest one admitted,
 * and at most {@value #ATC_JUMP_MAX} above it (a device may make cryptograms that never reach Corridor, but not
 * many). A new token has admitted ATC 0, as an EMV card increments before its first cryptogram.
 */
public final class AtcRule {
    /** How far above the highest admitted ATC the next one may be. */
    public static final int ATC_JUMP_MAX = 100;
    /** The ATC is two bytes (EMV tag 9F36). */
    public static final int ATC_MAX = 0xFFFF;

    /** The verdict on one ATC; the three refusals exclude one another. */
    public enum Verdict { ADMITTED, REPLAYED, LOWER, JUMP_TOO_LARGE }

    private AtcRule() {}

    public static Verdict judge(int highestAdmitted, int atc) {
        if (atc == highestAdmitted) return Verdict.REPLAYED;
        if (atc < highestAdmitted) return Verdict.LOWER;
        if (atc - highestAdmitted > ATC_JUMP_MAX) return Verdict.JUMP_TOO_LARGE;
        return Verdict.ADMITTED;
    }
}
