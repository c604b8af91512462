package org.corridor.codec.qr;

import java.util.Optional;

/** Data object {@code 01}: whether one code serves many payments or this one only. */
public enum PointOfInitiation {
    /** A code printed once and paid many times; the payer usually enters the amount. */
    STATIC("11"),
    /** A code made for one payment: it carries the amount and a reference. */
    DYNAMIC("12");

    private final String value;

    PointOfInitiation(String value) {
        this.value = value;
    }

    /** The two digits written in the payload. */
    public String value() {
        return value;
    }

    /** The method that {@code value} names, if any. */
    public static Optional<PointOfInitiation> of(String value) {
        for (PointOfInitiation method : values()) {
            if (method.value.equals(value)) return Optional.of(method);
        }
        return Optional.empty();
    }
}
