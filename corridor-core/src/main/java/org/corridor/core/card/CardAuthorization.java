package org.corridor.core.card;

import org.corridor.core.state.OwnedObject;
import org.corridor.core.state.Sequenced;

/**
 * One authorization Corridor sent to an issuer for a payment intent (or a top-up), and what became of it. It carries
 * what a reversal needs to find the original at the issuer (trace number and terminal), so a reversal can be sent
 * again after a restart.
 *
 * @param id {@code auth_…}
 * @param ownerId the acceptor: the merchant, or the wallet provider for a top-up
 * @param paymentIntentId the intent it pays, or the top-up ({@code tu_…}) it funds
 * @param tokenId the device token presented
 * @param issuerId the issuer it went to
 * @param sequence a number unique in this switch; the trace number (DE11) is its last six digits
 * @param terminalId DE41
 * @param domain how the token was presented
 * @param amountMinor the amount authorized
 * @param currency ISO 4217 code
 * @param status where it stands
 * @param responseCode the issuer's DE39, empty until answered
 * @param approvalCode the issuer's DE38, empty unless approved
 * @param reversalAttempts how many 0400s were sent
 * @param createdAt nanoseconds since the epoch
 */
public record CardAuthorization(String id, String ownerId, String paymentIntentId, String tokenId, String issuerId,
        long sequence, String terminalId, TokenDomain domain, long amountMinor, String currency,
        AuthorizationStatus status, String responseCode, String approvalCode, int reversalAttempts, long createdAt)
        implements OwnedObject, Sequenced {

    /** Trace numbers (DE11) wrap after six digits. */
    public static final int TRACE_NUMBERS = 1_000_000;

    /** The system trace audit number, DE11. */
    public int traceNumber() {
        return (int) (sequence % TRACE_NUMBERS);
    }

    /**
     * The retrieval reference number, DE37: the sequence in twelve digits, unique across a trillion authorizations, so
     * a reversal sent much later still names its own original (trace numbers repeat after a million).
     */
    public String retrievalReference() {
        String digits = Long.toString(sequence % 1_000_000_000_000L);
        return "0".repeat(12 - digits.length()) + digits;
    }

    public CardAuthorization answered(AuthorizationStatus newStatus, String response, String approval) {
        return new CardAuthorization(id, ownerId, paymentIntentId, tokenId, issuerId, sequence, terminalId, domain,
                amountMinor, currency, newStatus, response, approval, reversalAttempts, createdAt);
    }

    public CardAuthorization withStatus(AuthorizationStatus newStatus) {
        return answered(newStatus, responseCode, approvalCode);
    }

    public CardAuthorization reversalAttempted() {
        return new CardAuthorization(id, ownerId, paymentIntentId, tokenId, issuerId, sequence, terminalId, domain,
                amountMinor, currency, status, responseCode, approvalCode, reversalAttempts + 1, createdAt);
    }
}
