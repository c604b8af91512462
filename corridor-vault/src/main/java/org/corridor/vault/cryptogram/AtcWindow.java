package org.corridor.vault.cryptogram;

/**
 * The highest application transaction counter (ATC) admitted for one token, and the rule for the next one: it must
 * be strictly greater, and at most {@value #ATC_JUMP_MAX} greater (a device may make cryptograms that never reach
 * Corridor, but not many).
 *
 * <p>A new token starts at ATC 0 admitted, as an EMV card increments its counter before its first cryptogram: the
 * device's first ATC is 1. Thread-safe: {@link #admit(int)} reads and moves the counter under one lock, so of
 * concurrent duplicates of one ATC exactly one is admitted and the others are {@link CryptogramCheck#ATC_REPLAYED}.
 */
public final class AtcWindow {
    /** How far above the highest admitted ATC the next one may be. */
    public static final int ATC_JUMP_MAX = 100;

    private int highestAtc; // Guarded by this.

    private AtcWindow(int highestAtc) {
        this.highestAtc = highestAtc;
    }

    /** The window of a newly enrolled token: ATC 0 counts as admitted. */
    public static AtcWindow fresh() {
        return new AtcWindow(0);
    }

    /**
     * The window of a token whose highest admitted ATC, restored from storage, is {@code highestAtc}.
     *
     * @throws IllegalArgumentException if {@code highestAtc} is outside 0 to {@value SessionKeys#ATC_MAX}
     */
    public static AtcWindow resumingAfter(int highestAtc) {
        requireAtc(highestAtc);
        return new AtcWindow(highestAtc);
    }

    /**
     * Admits {@code atc} and makes it the highest if it is above the highest admitted ATC by 1 to
     * {@value #ATC_JUMP_MAX}; otherwise refuses it and changes nothing.
     *
     * @return {@link CryptogramCheck#OK} or the window's refusal
     * @throws IllegalArgumentException if {@code atc} is outside 0 to {@value SessionKeys#ATC_MAX}
     */
    public synchronized CryptogramCheck admit(int atc) {
        requireAtc(atc);
        CryptogramCheck check = classify(highestAtc, atc);
        if (check == CryptogramCheck.OK) highestAtc = atc;
        return check;
    }

    /** The highest ATC admitted so far, for storage. */
    public synchronized int highestAtc() {
        return highestAtc;
    }

    /** The window rule alone, without state: what {@link #admit(int)} answers for {@code atc}. */
    static CryptogramCheck classify(int highestAtc, int atc) {
        if (atc == highestAtc) return CryptogramCheck.ATC_REPLAYED;
        if (atc < highestAtc) return CryptogramCheck.ATC_LOWER;
        if (atc - highestAtc > ATC_JUMP_MAX) return CryptogramCheck.ATC_JUMP_TOO_LARGE;
        return CryptogramCheck.OK;
    }

    private static void requireAtc(int atc) {
        if (atc < 0 || atc > SessionKeys.ATC_MAX) {
            throw new IllegalArgumentException("an ATC must be 0 to " + SessionKeys.ATC_MAX + ", was " + atc);
        }
    }

    @Override
    public String toString() {
        return "AtcWindow[highestAtc=" + highestAtc() + "]";
    }
}
