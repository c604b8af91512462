package org.corridor.core.payment;

/** Whether confirming moves the money at once, or only reserves it until a capture. */
public enum CaptureMethod {
    AUTOMATIC,
    MANUAL
}
