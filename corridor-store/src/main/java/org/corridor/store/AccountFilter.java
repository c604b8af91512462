package org.corridor.store;

import org.corridor.core.Id128;

/**
 * One page of an account's transfers or balances.
 *
 * <p>Page forward by passing the last timestamp seen plus one as {@code timestampMin} (or, reversed, minus
 * one as {@code timestampMax}).
 *
 * @param accountId the account
 * @param timestampMin inclusive lower bound, zero for none
 * @param timestampMax inclusive upper bound, zero for none
 * @param limit rows per page, 1 to {@link #ROWS_PER_PAGE_MAX}
 * @param debits include transfers that debit the account
 * @param credits include transfers that credit the account
 * @param reversed newest first
 */
public record AccountFilter(
        Id128 accountId, long timestampMin, long timestampMax, int limit, boolean debits, boolean credits,
        boolean reversed) {

    public static final int ROWS_PER_PAGE_MAX = 8190;

    public AccountFilter {
        if (accountId == null || accountId.isZero() || accountId.isMax()) {
            throw new IllegalArgumentException("accountId must be a valid account id");
        }
        if (limit < 1 || limit > ROWS_PER_PAGE_MAX) {
            throw new IllegalArgumentException("limit must be 1 to " + ROWS_PER_PAGE_MAX);
        }
        if (timestampMin < 0 || timestampMax < 0 || timestampMax != 0 && timestampMax < timestampMin) {
            throw new IllegalArgumentException("timestamps must be non-negative and min <= max");
        }
        if (!debits && !credits) {
            throw new IllegalArgumentException("ask for debits, credits or both");
        }
    }

    /** The first page of all of an account's transfers, oldest first. */
    public static AccountFilter all(Id128 accountId, int limit) {
        return new AccountFilter(accountId, 0, 0, limit, true, true, false);
    }
}
