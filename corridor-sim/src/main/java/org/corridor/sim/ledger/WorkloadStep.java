package org.corridor.sim.ledger;

import java.util.List;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.Transfer;

/**
 * One step of a {@link LedgerWorkload}: a command for the ledger, or a move of the clock that the caller
 * opens its next batch with.
 */
public sealed interface WorkloadStep {

    /**
     * Moves the clock by {@code nanos}. Usually forward, so that reservations time out; now and then
     * backwards, as a wall clock stepped back would, which the ledger must survive with its timestamps still
     * increasing.
     */
    record AdvanceClock(long nanos) implements WorkloadStep {}

    /** One create-accounts command: the events, in order, possibly with linked chains. */
    record CreateAccounts(List<Account> accounts) implements WorkloadStep {
        public CreateAccounts {
            accounts = List.copyOf(accounts);
        }
    }

    /** One create-transfers command: the events, in order, possibly with linked chains. */
    record CreateTransfers(List<Transfer> transfers) implements WorkloadStep {
        public CreateTransfers {
            transfers = List.copyOf(transfers);
        }
    }
}
