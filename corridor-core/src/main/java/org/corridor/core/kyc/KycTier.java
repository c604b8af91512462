package org.corridor.core.kyc;

import java.util.Map;
import java.util.Optional;
import org.corridor.core.Check;
import org.corridor.core.state.OwnedObject;
import org.corridor.core.state.UniquelyKeyed;

/**
 * A wallet provider's know-your-customer tier (such as {@code basic} or {@code verified}): the limits its customers in
 * that tier pay under. Defining a tier again under the same name replaces its limits (the tier is the provider's
 * policy, and a policy changes for everyone in it at once); usage already recorded stays.
 *
 * @param id {@code kyct_…}, kept when the tier is defined again
 * @param ownerId the wallet provider
 * @param name 1 to {@link #NAME_CHARS_MAX} of {@code [a-z0-9_]}, unique per provider
 * @param limits per currency code; empty: any currency, no limit. A tier that lists currencies allows only those.
 * @param crossBorderYearlyUsdMinor the most a customer may convert across currencies in a UTC year, in US cents
 *     (the equivalent of the converted amounts); zero: no quota
 * @param createdAt nanoseconds since the epoch, when first defined
 * @param updatedAt nanoseconds since the epoch, when last defined
 */
public record KycTier(String id, String ownerId, String name, Map<String, TierLimits> limits,
        long crossBorderYearlyUsdMinor, long createdAt, long updatedAt) implements OwnedObject, UniquelyKeyed {
    public static final int NAME_CHARS_MAX = 32;
    /** The largest limit: 10^15 - 1 minor units, a thousand times the largest single amount the API takes. */
    public static final long LIMIT_MINOR_MAX = 999_999_999_999_999L;
    /** Currencies one tier may list. */
    public static final int CURRENCIES_MAX = 32;

    public KycTier {
        Check.that(validName(name), "a tier name is 1 to 32 of [a-z0-9_]: " + name);
        Check.that(limits.size() <= CURRENCIES_MAX, "a tier lists at most CURRENCIES_MAX currencies");
        Check.that(crossBorderYearlyUsdMinor >= 0 && crossBorderYearlyUsdMinor <= LIMIT_MINOR_MAX,
                "a cross-border quota is 0 (none) to LIMIT_MINOR_MAX");
        limits = Map.copyOf(limits);
    }

    /** Whether {@code name} may name a tier. */
    public static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > NAME_CHARS_MAX) return false;
        return name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
    }

    /** The key tiers are found by: a provider's tier name. */
    public static String key(String ownerId, String name) {
        return ownerId + "/" + name;
    }

    @Override
    public String uniqueKey() {
        return key(ownerId, name);
    }

    /** The limits in {@code currency}; empty if the tier lists currencies and not this one. */
    public Optional<TierLimits> limitsIn(String currency) {
        if (limits.isEmpty()) return Optional.of(TierLimits.NONE);
        return Optional.ofNullable(limits.get(currency));
    }

    /** The tier defined again: new limits, the same id and creation time. */
    public KycTier redefined(Map<String, TierLimits> newLimits, long newCrossBorderYearlyUsdMinor, long at) {
        return new KycTier(id, ownerId, name, newLimits, newCrossBorderYearlyUsdMinor, createdAt, at);
    }
}
