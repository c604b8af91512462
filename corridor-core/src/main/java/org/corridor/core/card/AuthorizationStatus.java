package org.corridor.core.card;

/**
 * Where one authorization sent to an issuer stands. {@link #SENT} is written before the request leaves, so that a
 * crash while it is out is found at start-up and reversed; a reversal is {@link #REVERSAL_PENDING} until the
 * issuer acknowledges it, however many attempts and restarts that takes.
 */
public enum AuthorizationStatus {
    /** Written before the request leaves; the issuer's answer is not known yet. */
    SENT,
    APPROVED,
    DECLINED,
    /** The approval (or an unknown outcome) must be undone at the issuer: a 0400 is sent until answered. */
    REVERSAL_PENDING,
    /** The issuer acknowledged the reversal. */
    REVERSED
}
