package org.corridor.core.kyc;

import org.corridor.core.Check;

/**
 * A tier's limits in one currency, each in minor units of that currency; zero means no limit of that kind.
 *
 * @param perPaymentMinor the most one debit may take
 * @param dailyMinor the most the debits of one UTC day may take together
 * @param yearlyMinor the most the debits of one UTC calendar year may take together
 */
public record TierLimits(long perPaymentMinor, long dailyMinor, long yearlyMinor) {
    /** Allowed in the currency, without a limit. */
    public static final TierLimits NONE = new TierLimits(0, 0, 0);

    public TierLimits {
        for (long limit : new long[] {perPaymentMinor, dailyMinor, yearlyMinor}) {
            Check.that(limit >= 0 && limit <= KycTier.LIMIT_MINOR_MAX, "a limit is 0 (none) to LIMIT_MINOR_MAX: " + limit);
        }
    }
}
