package org.corridor.core.ledger;

/**
 * A transfer id burnt by a failure that depended on ledger state (an unknown account, exceeded credits,
 * an overflow). The id can never succeed later, so the answer a client once saw stays true.
 *
 * @param transfer the create command as submitted
 * @param result the failure it got
 */
public record FailedTransfer(Transfer transfer, CreateTransferResult result) {}
