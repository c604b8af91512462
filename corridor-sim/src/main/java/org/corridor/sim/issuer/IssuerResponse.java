package org.corridor.sim.issuer;

/**
 * The answers a simulated issuer gives to an authorization or a purchase, declared in the order its checks
 * run: the first that applies is the answer.
 */
public enum IssuerResponse {
    /** DE4 amount, DE11 STAN or DE49 currency is missing. */
    FORMAT_ERROR("30"),
    /** DE2 is missing, fails the Luhn check, or no simulated bank issues its BIN. */
    INVALID_CARD("14"),
    /** The issuing bank is marked down. */
    ISSUER_UNAVAILABLE("91"),
    /** DE14 names a month that ended before the simulator's clock. */
    EXPIRED_CARD("54"),
    /** DE49 is not the card's billing currency (the simulator does no conversion). */
    NOT_PERMITTED("57"),
    /** DE4 is over the bank's per-transaction limit. */
    EXCEEDS_LIMIT("61"),
    /** The bank's seeded decline rule picked this request. */
    DO_NOT_HONOUR("05"),
    /** The account's available balance is below DE4. */
    INSUFFICIENT_FUNDS("51"),
    /** Funds held (0100) or debited (0200). */
    APPROVED("00");

    private final String code;

    IssuerResponse(String code) {
        this.code = code;
    }

    /** The DE39 response code. */
    public String code() {
        return code;
    }
}
