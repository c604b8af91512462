/**
 * Money: amounts are {@code long} minor units beside an ISO 4217 currency, never a floating-point number.
 * Fees are computed here with overflow-checked integer arithmetic.
 */
package org.corridor.core.money;
