/**
 * Participants (the operator, wallet providers, issuers, merchants, marketplaces, FX providers), their API
 * keys, and the customers whose balances wallet providers hold. Plain values: the rules that change them
 * live in {@link org.corridor.core.state}.
 */
package org.corridor.core.participant;
