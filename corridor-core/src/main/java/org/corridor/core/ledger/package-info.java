/**
 * The double-entry ledger state machine, modelled on TigerBeetle's.
 *
 * <p>Accounts hold four balances per currency ledger; transfers move an amount from a debit account to a
 * credit account, either at once or in two phases (a pending reservation, then a post or a void). Every
 * create command answers with a result code from a fixed precedence order, and a retry with the same id
 * and the same fields answers exactly as the first attempt did.
 *
 * <p>{@link org.corridor.core.ledger.LedgerStateMachine} is single-threaded on purpose: one writer applies
 * commands in order, which gives strict serializability without locks. It depends on the JDK only and
 * takes time as an argument.
 */
package org.corridor.core.ledger;
