package org.corridor.sim.issuer;

import java.util.Currency;
import java.util.Objects;

/**
 * One request a bank saw and what it answered.
 *
 * @param kind the request type
 * @param maskedPan the card number, first six and last four digits only
 * @param stan DE11 of the request
 * @param terminalId DE41 of the request, or {@code null}
 * @param amountMinor DE4 of the request (for a matched reversal, the original's amount)
 * @param currency DE49 of the request (for a matched reversal, the original's currency)
 * @param responseCode DE39 of the answer
 * @param retrievalReference DE37 of the request (a reversal carries its original's), or empty
 * @param atNanos when the bank processed it, epoch nanoseconds
 */
public record ActivityEntry(
        ActivityKind kind,
        String maskedPan,
        int stan,
        String terminalId,
        long amountMinor,
        Currency currency,
        String responseCode,
        String retrievalReference,
        long atNanos) {

    public ActivityEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(maskedPan, "maskedPan");
        Objects.requireNonNull(responseCode, "responseCode");
        Objects.requireNonNull(retrievalReference, "retrievalReference");
    }

    /** Whether the bank approved it ("00"). */
    public boolean approved() {
        return "00".equals(responseCode);
    }
}
