package org.corridor.core.card;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a token may pay (EMVCo token domain restriction controls): a token provisioned for taps in shops is
 * refused in an app, and the other way round.
 */
public enum TokenDomain {
    /** NFC taps at a shop's terminal (ISO 8583 DE22 entry mode 07). */
    CONTACTLESS,
    /** In-app and web payments with an online cryptogram (DE22 entry mode 81). */
    IN_APP;

    /** The name the API shows: {@code contactless} or {@code in_app}. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenDomain> ofApiName(String name) {
        for (TokenDomain domain : values()) {
            if (domain.apiName().equals(name)) return Optional.of(domain);
        }
        return Optional.empty();
    }
}
