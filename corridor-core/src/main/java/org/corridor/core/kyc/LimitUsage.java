package org.corridor.core.kyc;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.corridor.core.Check;
import org.corridor.core.state.OwnedObject;

/**
 * What one customer has used of its limits: per currency on one UTC day and in one UTC calendar year, and the US
 * dollar equivalent it converted across currencies that year. A day or year that has passed counts as nothing used
 * ({@link #on}); the record is rewritten with the next debit.
 *
 * @param id the customer ({@code cus_…}): one record per customer
 * @param ownerId the customer's wallet provider
 * @param epochDay the UTC day the daily amounts are of, as days since 1970-01-01
 * @param year the UTC calendar year the yearly amounts are of
 * @param dailyMinor minor units debited that day, per currency code
 * @param yearlyMinor minor units debited that year, per currency code
 * @param crossBorderUsdMinor US cents converted across currencies that year
 * @param createdAt nanoseconds since the epoch, the first debit recorded
 */
public record LimitUsage(String id, String ownerId, long epochDay, int year, Map<String, Long> dailyMinor,
        Map<String, Long> yearlyMinor, long crossBorderUsdMinor, long createdAt) implements OwnedObject {
    public static final long NANOS_PER_DAY = 24L * 3600 * 1_000_000_000L;

    public LimitUsage {
        Check.that(LocalDate.ofEpochDay(epochDay).getYear() == year, "the usage day lies in the usage year");
        Check.that(crossBorderUsdMinor >= 0, "cross-border usage is never negative");
        dailyMinor = Map.copyOf(dailyMinor);
        yearlyMinor = Map.copyOf(yearlyMinor);
    }

    /** The UTC day of {@code nanos} since the epoch, as days since 1970-01-01. */
    public static long epochDayOf(long nanos) {
        return Math.floorDiv(nanos, NANOS_PER_DAY);
    }

    /** Nothing used yet, on the UTC day of {@code nanos}. */
    public static LimitUsage none(String customerId, String ownerId, long nanos) {
        long day = epochDayOf(nanos);
        return new LimitUsage(customerId, ownerId, day, yearOf(day), Map.of(), Map.of(), 0, nanos);
    }

    /** This usage as it stands on the UTC day of {@code nanos}: what an earlier day or year used is dropped. */
    public LimitUsage on(long nanos) {
        long day = epochDayOf(nanos);
        if (day == epochDay) return this;
        int newYear = yearOf(day);
        if (newYear != year) return new LimitUsage(id, ownerId, day, newYear, Map.of(), Map.of(), 0, createdAt);
        return new LimitUsage(id, ownerId, day, year, Map.of(), yearlyMinor, crossBorderUsdMinor, createdAt);
    }

    public long dailyIn(String currency) {
        return dailyMinor.getOrDefault(currency, 0L);
    }

    public long yearlyIn(String currency) {
        return yearlyMinor.getOrDefault(currency, 0L);
    }

    /** This usage with a debit of {@code amountMinor} of {@code currency} added, of which {@code crossBorderUsdMinor} converted. */
    public LimitUsage plus(String currency, long amountMinor, long crossBorderUsdMinor) {
        Map<String, Long> daily = new HashMap<>(dailyMinor);
        daily.put(currency, Math.addExact(dailyIn(currency), amountMinor));
        Map<String, Long> yearly = new HashMap<>(yearlyMinor);
        yearly.put(currency, Math.addExact(yearlyIn(currency), amountMinor));
        return new LimitUsage(id, ownerId, epochDay, year, daily, yearly,
                Math.addExact(this.crossBorderUsdMinor, crossBorderUsdMinor), createdAt);
    }

    private static int yearOf(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).getYear();
    }
}
