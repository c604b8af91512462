package org.corridor.core.webhook;

public enum DeliveryStatus {
    /** Waiting for its next attempt. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Every attempt of the retry window failed; a redelivery can start a new window. */
    FAILED
}
