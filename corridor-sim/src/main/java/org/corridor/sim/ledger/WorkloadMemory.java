package org.corridor.sim.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.Transfer;

/**
 * What a workload has already sent, kept so that it can send it again: retries, retries with a changed field,
 * and posts and voids of reservations it made (whether or not the ledger accepted them, and whether or not
 * they were already resolved). Each list is bounded; the oldest entry makes room for the newest.
 */
final class WorkloadMemory {
    private static final int RESERVATIONS_MAX = 128;
    private static final int EVENTS_MAX = 256;
    private static final int COMMANDS_MAX = 64;
    private static final int ACCOUNTS_MAX = 64;

    private final SplittableRandom random;
    private final List<Transfer> reservations = new ArrayList<>();
    private final List<Transfer> events = new ArrayList<>();
    private final List<List<Transfer>> commands = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();

    WorkloadMemory(SplittableRandom random) {
        this.random = random;
    }

    private static <T> void remember(List<T> list, T item, int max) {
        if (list.size() == max) list.removeFirst();
        list.add(item);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    void rememberCommand(List<Transfer> command) {
        remember(commands, List.copyOf(command), COMMANDS_MAX);
        for (Transfer event : command) remember(events, event, EVENTS_MAX);
    }

    void rememberReservation(Transfer pending) {
        remember(reservations, pending, RESERVATIONS_MAX);
    }

    void rememberAccount(Account account) {
        remember(accounts, account, ACCOUNTS_MAX);
    }

    boolean hasReservations() {
        return !reservations.isEmpty();
    }

    Transfer anyReservation() {
        return pick(reservations);
    }

    boolean hasEvents() {
        return !events.isEmpty();
    }

    Transfer anyEvent() {
        return pick(events);
    }

    boolean hasCommands() {
        return !commands.isEmpty();
    }

    List<Transfer> anyCommand() {
        return pick(commands);
    }

    boolean hasAccounts() {
        return !accounts.isEmpty();
    }

    Account anyAccount() {
        return pick(accounts);
    }
}
