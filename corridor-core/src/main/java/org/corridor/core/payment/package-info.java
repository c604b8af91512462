/**
 * Payment intents and refunds: the Stripe lifecycle as plain values. The rules that move them, together
 * with the ledger, live in {@link org.corridor.core.state}.
 */
package org.corridor.core.payment;
