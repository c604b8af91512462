package org.corridor.core.fx;

/**
 * A request for a quote, as the caller sends it; {@link QuoteRules#create} checks every field.
 *
 * @param id the caller's id for the quote, its idempotency key
 * @param sellCurrency the ISO 4217 code the customer pays in
 * @param buyCurrency the ISO 4217 code the counterparty is paid in
 * @param fixedSide which of the two amounts {@code amountMinor} is
 * @param amountMinor the named amount, in minor units of its currency
 * @param spreadBasisPoints the house's spread on the mid rate, 0 to {@link QuoteRules#SPREAD_BASIS_POINTS_MAX}
 * @param lifetimeNanos how long the quote stays usable, 1 to {@link QuoteRules#LIFETIME_NANOS_MAX}
 */
public record QuoteRequest(String id, String sellCurrency, String buyCurrency, FixedSide fixedSide,
        long amountMinor, int spreadBasisPoints, long lifetimeNanos) {}
