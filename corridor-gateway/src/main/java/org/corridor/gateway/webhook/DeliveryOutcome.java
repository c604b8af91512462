package org.corridor.gateway.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * What one delivery attempt came to.
 *
 * @param result what happened, in the order {@link WebhookSender} finds out
 * @param httpStatusCode the endpoint's HTTP status, or {@link #NO_HTTP_STATUS} when none was received
 * @param failureDetail why the attempt failed, at most {@link #FAILURE_DETAIL_CHARS_MAX} characters; empty
 *     when delivered. Never contains a secret or the request body.
 * @param elapsed how long the attempt took, measured with a monotonic clock
 */
public record DeliveryOutcome(Result result, int httpStatusCode, String failureDetail, Duration elapsed) {

    /** The {@link #httpStatusCode()} of an attempt that received no HTTP response. */
    public static final int NO_HTTP_STATUS = 0;

    /** The longest {@link #failureDetail()}: enough for an exception class and a short message. */
    public static final int FAILURE_DETAIL_CHARS_MAX = 300;

    /** What happened, in the order the sender finds out. */
    public enum Result {
        /** The endpoint URL is not an absolute http or https URL; nothing was sent. */
        INVALID_ENDPOINT,
        /** No HTTP response: the connection was refused or reset, or a timeout passed. */
        NO_RESPONSE,
        /** The endpoint answered with a status outside 200 to 299 (redirects are not followed). */
        REJECTED,
        /** The endpoint answered with a status from 200 to 299. */
        DELIVERED
    }

    /**
     * Checks that the status goes with the result and truncates the failure detail to
     * {@link #FAILURE_DETAIL_CHARS_MAX} characters.
     *
     * @throws IllegalArgumentException if the result and the status contradict each other, or the elapsed
     *     time is negative
     */
    public DeliveryOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(failureDetail, "failureDetail");
        Objects.requireNonNull(elapsed, "elapsed");
        boolean answered = result == Result.REJECTED || result == Result.DELIVERED;
        boolean success = httpStatusCode >= 200 && httpStatusCode <= 299;
        if (answered != (httpStatusCode != NO_HTTP_STATUS) || (result == Result.DELIVERED) != success) {
            throw new IllegalArgumentException(result + " does not go with HTTP status " + httpStatusCode);
        }
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed time is never negative");
        }
        if (failureDetail.length() > FAILURE_DETAIL_CHARS_MAX) {
            failureDetail = failureDetail.substring(0, FAILURE_DETAIL_CHARS_MAX);
        }
    }

    /** Whether the endpoint acknowledged the delivery with a 2xx status. */
    public boolean delivered() {
        return result == Result.DELIVERED;
    }

    static DeliveryOutcome invalidEndpoint(String reason, Duration elapsed) {
        return new DeliveryOutcome(Result.INVALID_ENDPOINT, NO_HTTP_STATUS, reason, elapsed);
    }

    static DeliveryOutcome noResponse(Exception cause, Duration elapsed) {
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
        return new DeliveryOutcome(Result.NO_RESPONSE, NO_HTTP_STATUS, cause.getClass().getName() + message, elapsed);
    }

    static DeliveryOutcome answered(int httpStatusCode, Duration elapsed) {
        return httpStatusCode >= 200 && httpStatusCode <= 299
                ? new DeliveryOutcome(Result.DELIVERED, httpStatusCode, "", elapsed)
                : new DeliveryOutcome(Result.REJECTED, httpStatusCode, "HTTP status " + httpStatusCode, elapsed);
    }
}
