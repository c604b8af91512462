/**
 * The ports the API drives: commands on the single writer, committed objects, ledger balances. The API
 * depends on these interfaces only; {@code corridor-services} implements them over the store.
 */
package org.corridor.core.port;
