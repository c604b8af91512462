package org.corridor.sim.wallet;

/** When a payment intent's authorised amount is taken: at once, or by a later capture call. */
public enum CaptureMethod {
    /** Captured as soon as the issuer approves; the intent ends {@code succeeded}. */
    AUTOMATIC("automatic"),
    /** Held until the merchant captures (all or part) or cancels; the intent waits in {@code requires_capture}. */
    MANUAL("manual");

    private final String wireName;

    CaptureMethod(String wireName) {
        this.wireName = wireName;
    }

    /** The name the API uses. */
    public String wireName() {
        return wireName;
    }
}
