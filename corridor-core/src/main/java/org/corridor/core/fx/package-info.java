/**
 * Foreign exchange as pure values and rules: a {@link org.corridor.core.fx.Price} (an exact, bounded
 * fraction), a {@link org.corridor.core.fx.Rate} (a price for a currency pair, from a named source, as of a
 * time), {@link org.corridor.core.fx.Conversions} (minor units of one currency to minor units of another,
 * rounded in the house's favour, with the exact {@link org.corridor.core.fx.Residue} left over), a
 * {@link org.corridor.core.fx.Quote} and the {@link org.corridor.core.fx.QuoteRules} that create, use and
 * expire it, and a {@link org.corridor.core.fx.RateBook} of the latest rate per pair with inverse and
 * cross rates derived from it.
 *
 * <p>A cross-currency payment is booked as linked transfers through one FX liquidity account per currency
 * (shopper CNY to liquidity CNY, liquidity USD to merchant USD); the residue of each conversion is the
 * house's and goes to an account of its own. Booking is the caller's business: nothing here touches the
 * ledger or the switch state.
 *
 * <p>This package depends on the JDK and on {@code org.corridor.core} ({@code Check}),
 * {@code org.corridor.core.money} (currencies) and {@code org.corridor.core.state} ({@code Outcome}) only.
 * It performs no I/O and reads no clock: every time is epoch nanoseconds handed in. Amounts are {@code long}
 * minor units; intermediate products, which need up to about 130 bits, are exact {@link java.math.BigInteger}
 * values, and every amount returned is narrowed with {@code longValueExact}, so an overflow throws
 * {@link java.lang.ArithmeticException} as {@code Math.multiplyExact} would. Never a {@code double}.
 */
package org.corridor.core.fx;
