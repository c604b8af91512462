/**
 * Account wallets' own movements, run on the writer: transfers between customers' balances (of one wallet provider or
 * of two) and withdrawals back to the wallet provider's funding account. Depends on the rest of core only.
 */
package org.corridor.core.wallet;
