package org.corridor.sim.wallet;

/**
 * The few fields of an API answer the simulator acts on: the HTTP status, the object's id and status on success, and
 * the error's type, code and decline code otherwise. Fields that were absent are null; an empty decline code (a
 * decline with no ISO response code, such as a refused cryptogram) stays empty.
 *
 * @param httpStatus the HTTP status code
 * @param id the object's id ({@code tok_...}, {@code pi_...}, {@code re_...}), or null
 * @param objectStatus the object's {@code status}, or null
 * @param errorType the error's {@code type}, or null
 * @param errorCode the error's {@code code}, or null
 * @param declineCode the error's {@code decline_code}, or null
 */
public record ApiResult(
        int httpStatus, String id, String objectStatus, String errorType, String errorCode, String declineCode) {
    /** The status of a declined payment or enrolment. */
    public static final int PAYMENT_REQUIRED = 402;

    /** Picks the fields out of {@code reply}. */
    public static ApiResult of(ApiReply reply) {
        return new ApiResult(reply.status(), reply.text("id"), reply.text("status"), reply.errorText("type"),
                reply.errorText("code"), reply.errorText("decline_code"));
    }

    /** Whether the call succeeded. */
    public boolean ok() {
        return httpStatus == ApiReply.OK;
    }

    /** Whether the call was declined (HTTP 402). */
    public boolean declined() {
        return httpStatus == PAYMENT_REQUIRED;
    }

    /**
     * A short label for tallies: the object status on success ({@code succeeded}), else the error code and any
     * decline code ({@code card_declined/51}), else the HTTP status.
     */
    public String outcome() {
        if (ok()) return objectStatus == null ? "ok" : objectStatus;
        String code = errorCode == null ? "http_" + httpStatus : errorCode;
        return declineCode == null || declineCode.isEmpty() ? code : code + "/" + declineCode;
    }
}
