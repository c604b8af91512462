package org.corridor.core.exchange;

import java.util.Objects;
import org.corridor.core.fx.Quote;
import org.corridor.core.state.OwnedObject;

/**
 * A quote as the switch keeps it: the locked rate and amounts, who asked for it (a wallet provider, for its
 * shopper), and the FX liquidity provider that will take the other side.
 *
 * @param quote the rate, spread, amounts, expiry and use
 * @param ownerId the wallet provider that asked for it; only its payments may use it
 * @param providerId the FX liquidity provider whose accounts the conversion goes through
 * @param usdEquivalentMinor what the conversion is worth in US cents at the mid rate, for cross-border quotas
 */
public record FxQuote(Quote quote, String ownerId, String providerId, long usdEquivalentMinor) implements OwnedObject {
    public FxQuote {
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(providerId, "providerId");
        if (usdEquivalentMinor < 0) throw new IllegalArgumentException("a USD equivalent is not negative");
    }

    @Override
    public String id() {
        return quote.id();
    }

    @Override
    public long createdAt() {
        return quote.createdAtNanos();
    }

    FxQuote with(Quote changed) {
        return new FxQuote(changed, ownerId, providerId, usdEquivalentMinor);
    }
}
