package org.corridor.core.card;

import java.util.Locale;

/**
 * A device token's lifecycle: active, suspended (the phone is missing; resumable), deleted (final). Only an active
 * token pays.
 */
public enum TokenStatus {
    ACTIVE,
    SUSPENDED,
    DELETED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
