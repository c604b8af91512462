package org.corridor.core.reconciliation;

/**
 * One disagreement between Corridor and an issuer, with what each side shows and the likely cause.
 *
 * @param kind what disagrees
 * @param retrievalReference the authorization's DE37
 * @param authorizationId Corridor's {@code auth_…}, or empty when Corridor has no such authorization
 * @param issuerId the issuer
 * @param corridorShows Corridor's side, in words
 * @param issuerShows the issuer's side, in words
 * @param cause why they disagree, as far as the records tell
 */
public record ReconciliationBreak(Kind kind, String retrievalReference, String authorizationId, String issuerId,
        String corridorShows, String issuerShows, String cause) {

    /** The kinds of break, from money at risk to bookkeeping. */
    public enum Kind {
        /** The issuer holds the cardholder's funds; Corridor reversed the authorization or never approved it. */
        ISSUER_HOLDS_FUNDS_CORRIDOR_RELEASED,
        /** Corridor holds an approval (the merchant is or will be paid) that the issuer has no approved record of. */
        CORRIDOR_APPROVED_ISSUER_DID_NOT,
        /** Both approved, for different amounts or currencies. */
        AMOUNT_MISMATCH,
        /** The issuer released the funds; Corridor still waits for the reversal's acknowledgement. */
        REVERSAL_UNACKNOWLEDGED,
        /** The issuer processed an authorization Corridor has no record of. */
        UNKNOWN_TO_CORRIDOR,
        /** The issuer processed the same authorization more than once. */
        DUPLICATE_AT_ISSUER,
        /** The issuer answered a request twice; Corridor's link used the first answer and dropped the other. */
        DUPLICATE_REPLY
    }
}
