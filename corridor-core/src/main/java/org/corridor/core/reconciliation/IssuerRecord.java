package org.corridor.core.reconciliation;

import java.util.Objects;

/**
 * One message an issuer says it processed, as its own records (a clearing file, or the simulator's activity)
 * show it: never a clear card number.
 *
 * @param issuerId the participant id of the issuer
 * @param kind what the message was
 * @param retrievalReference DE37, which Corridor sets uniquely per authorization
 * @param amountMinor the amount (for a reversal, its original's)
 * @param currency ISO 4217 code
 * @param responseCode what the issuer answered, DE39
 * @param atNanos when the issuer processed it, epoch nanoseconds
 */
public record IssuerRecord(String issuerId, Kind kind, String retrievalReference, long amountMinor, String currency,
        String responseCode, long atNanos) {

    /** What an issuer's record is of. */
    public enum Kind {
        AUTHORIZATION,
        /** A reversal that found its approved original and released it. */
        REVERSAL,
        /** A reversal of something the issuer did not hold: acknowledged, nothing moved. */
        REVERSAL_UNMATCHED
    }

    public IssuerRecord {
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retrievalReference, "retrievalReference");
        Objects.requireNonNull(responseCode, "responseCode");
    }

    public boolean approved() {
        return "00".equals(responseCode);
    }
}
