/**
 * Know-your-customer tiers and the limits they put on account-wallet customers, run on the writer thread.
 *
 * <p>A wallet provider defines its own tiers ({@link KycTier}: limits per currency per payment, per UTC day and per
 * UTC year, and a yearly cross-border quota in US dollars), because each provider is regulated in its own country.
 * {@link CustomerLimits} checks every debit of a customer's balance against the customer's tier and records what
 * was used ({@link LimitUsage}) in the same command that moves the money: the single writer is what makes
 * concurrent payments unable to overrun a limit. Depends on the rest of core only.
 */
package org.corridor.core.kyc;
