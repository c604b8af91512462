package org.corridor.sim.ledger;

import static org.corridor.core.ledger.TransferFlags.LINKED;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.Transfer;

/**
 * A seeded, endless stream of ledger commands that mixes the common case with the awkward ones: payments
 * mostly crediting one hot account, wallets that may not overdraw, reservations with and without timeouts,
 * posts (full, partial, "zero means all") and voids of them, clock moves that expire them, linked chains that
 * sometimes fail in the middle or are left open, retries as they were and with one field changed, balancing
 * and closing transfers, unknown accounts, invalid fields and amounts near {@code Long.MAX_VALUE}.
 *
 * <p>The same seed and configuration give the same steps, so a failure found at step N of seed S replays
 * exactly. The workload never sees the ledger's answers, so any ledger (the engine, the reference model, a
 * persisted engine) can be driven with it.
 *
 * <p>Start by creating {@link #initialAccounts()} in one batch at {@link WorkloadConfig#startNanos()}; then
 * apply {@link #next()} steps, opening a new batch whenever the clock moves.
 */
public final class LedgerWorkload {
    private static final double CLOCK_SHARE = 0.10;
    private static final double ACCOUNTS_SHARE = 0.03;
    private static final double COMMAND_RETRY_SHARE = 0.04;
    private static final double CHAIN_SHARE = 0.25;
    private static final double CHAIN_BROKEN_SHARE = 0.35;
    private static final double CHAIN_OPEN_SHARE = 0.08;
    private static final int CHAIN_EVENTS_MIN = 2;
    private static final int CHAIN_EVENTS_MAX = 5;
    private static final long MILLISECOND_NANOS = 1_000_000L;
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final SplittableRandom random;
    private final WorkloadConfig config;
    private final AccountPool pool;
    private final WorkloadMemory memory;
    private final TransferMaker maker;
    private final List<Weighted> singleEvents;
    private final List<Weighted> chainEvents;
    private final List<Weighted> failingEvents;

    /** One kind of event and how often it is picked, relative to the others in its list. */
    private record Weighted(int weight, Supplier<Transfer> make) {}

    public LedgerWorkload(long seed, WorkloadConfig config) {
        this.random = new SplittableRandom(seed);
        this.config = config;
        this.pool = new AccountPool(random, config);
        this.memory = new WorkloadMemory(random);
        this.maker = new TransferMaker(random, config, pool, memory);
        this.singleEvents = List.of(new Weighted(26, maker::payment), new Weighted(8, maker::funding),
                new Weighted(14, maker::reservation), new Weighted(16, maker::resolution),
                new Weighted(5, maker::balancing), new Weighted(1, maker::closing), new Weighted(3, maker::overflow),
                new Weighted(5, maker::invalid), new Weighted(3, maker::unknownAccount),
                new Weighted(3, maker::overdraft), new Weighted(8, maker::retry), new Weighted(7, maker::changedRetry));
        this.chainEvents = List.of(new Weighted(40, maker::payment), new Weighted(15, maker::funding),
                new Weighted(20, maker::reservation), new Weighted(20, maker::resolution),
                new Weighted(5, maker::balancing));
        this.failingEvents = List.of(new Weighted(1, maker::invalid), new Weighted(1, maker::unknownAccount),
                new Weighted(1, maker::overdraft));
        for (Account account : pool.initialAccounts()) memory.rememberAccount(account);
    }

    /** The accounts to create, in one command, before the first step: every ledger's roles, and more wallets. */
    public List<Account> initialAccounts() {
        return pool.initialAccounts();
    }

    public WorkloadConfig config() {
        return config;
    }

    /** The next step; endless. */
    public WorkloadStep next() {
        double roll = random.nextDouble();
        if (roll < CLOCK_SHARE) return advanceClock();
        if (roll < CLOCK_SHARE + ACCOUNTS_SHARE) return new WorkloadStep.CreateAccounts(accountCommand());
        if (roll < CLOCK_SHARE + ACCOUNTS_SHARE + COMMAND_RETRY_SHARE && memory.hasCommands()) {
            return new WorkloadStep.CreateTransfers(memory.anyCommand());
        }
        List<Transfer> command = random.nextDouble() < CHAIN_SHARE && config.eventsPerCommandMax() >= CHAIN_EVENTS_MIN
                ? chainCommand()
                : singlesCommand();
        memory.rememberCommand(command);
        return new WorkloadStep.CreateTransfers(command);
    }

    private WorkloadStep.AdvanceClock advanceClock() {
        int roll = random.nextInt(100);
        // Whole seconds land exactly on timeouts (which are whole seconds too): the boundary where a
        // reservation expires must be hit, not just passed.
        if (roll < 30) return new WorkloadStep.AdvanceClock((1 + random.nextInt(2)) * SECOND_NANOS);
        if (roll < 85) {
            return new WorkloadStep.AdvanceClock(50 * MILLISECOND_NANOS + random.nextLong(1_450 * MILLISECOND_NANOS));
        }
        if (roll < 95) return new WorkloadStep.AdvanceClock(2 * SECOND_NANOS + random.nextLong(4 * SECOND_NANOS));
        // A wall clock stepped back, by up to two seconds.
        return new WorkloadStep.AdvanceClock(-1 - random.nextLong(2 * SECOND_NANOS));
    }

    private Transfer pick(List<Weighted> kinds) {
        int total = 0;
        for (Weighted kind : kinds) total += kind.weight();
        int roll = random.nextInt(total);
        for (Weighted kind : kinds) {
            roll -= kind.weight();
            if (roll < 0) return kind.make().get();
        }
        throw new IllegalStateException("weights add up to " + total);
    }

    private List<Transfer> singlesCommand() {
        int events = 1 + random.nextInt(config.eventsPerCommandMax());
        List<Transfer> command = new ArrayList<>(events);
        for (int i = 0; i < events; i++) command.add(pick(singleEvents));
        return command;
    }

    /**
     * A command holding one linked chain, possibly with single events before and after it. Some chains get a
     * failing event at a random position after the first; some are left open at the end of the command.
     */
    private List<Transfer> chainCommand() {
        int max = config.eventsPerCommandMax();
        List<Transfer> command = new ArrayList<>(max);
        int before = random.nextInt(Math.min(3, max - CHAIN_EVENTS_MIN + 1));
        for (int i = 0; i < before; i++) command.add(pick(singleEvents));
        int length = CHAIN_EVENTS_MIN + random.nextInt(Math.min(CHAIN_EVENTS_MAX, max - before) - CHAIN_EVENTS_MIN + 1);
        int failingAt = random.nextDouble() < CHAIN_BROKEN_SHARE ? 1 + random.nextInt(length - 1) : -1;
        boolean open = random.nextDouble() < CHAIN_OPEN_SHARE;
        for (int i = 0; i < length; i++) {
            Transfer event = i == failingAt ? pick(failingEvents) : pick(chainEvents);
            boolean linked = i < length - 1 || open;
            command.add(linked ? event.withFlags(event.flags() | LINKED) : event);
        }
        if (!open) {
            int after = random.nextInt(Math.min(3, max - command.size() + 1));
            for (int i = 0; i < after; i++) command.add(pick(singleEvents));
        }
        return command;
    }

    private List<Account> accountCommand() {
        int roll = random.nextInt(100);
        List<Account> command = new ArrayList<>();
        if (roll < 50) {
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) command.add(newWallet(0));
        } else if (roll < 70) {
            int count = 2 + random.nextInt(2);
            for (int i = 0; i < count; i++) command.add(newWallet(AccountFlags.LINKED));
            if (random.nextDouble() < 0.4) command.set(count - 1, invalidAccount(AccountFlags.LINKED));
            Account last = command.getLast();
            // Most chains end; a few are left open at the end of the command.
            if (random.nextDouble() >= CHAIN_OPEN_SHARE) {
                command.set(count - 1, withFlags(last, last.flags() & ~AccountFlags.LINKED));
            }
        } else if (roll < 85) {
            command.add(memory.anyAccount());
        } else if (roll < 95) {
            command.add(changedAccount(memory.anyAccount()));
        } else {
            command.add(invalidAccount(0));
        }
        return command;
    }

    private Account newWallet(int extraFlags) {
        Account wallet = pool.newWallet(config);
        Account command = withFlags(wallet, wallet.flags() | extraFlags);
        memory.rememberAccount(withFlags(wallet, wallet.flags()));
        return command;
    }

    private static Account withFlags(Account a, int flags) {
        return new Account(a.id(), a.userData(), a.ledger(), a.code(), flags, a.debitsPending(), a.debitsPosted(),
                a.creditsPending(), a.creditsPosted(), a.timestamp());
    }

    private Account changedAccount(Account a) {
        return switch (random.nextInt(4)) {
            case 0 -> withFlags(a, a.flags() ^ AccountFlags.HISTORY);
            case 1 -> new Account(a.id(), Ids.fresh(random), a.ledger(), a.code(), a.flags(), 0, 0, 0, 0, 0);
            case 2 -> new Account(a.id(), a.userData(), pool.otherLedger(a.ledger()), a.code(), a.flags(), 0, 0, 0, 0,
                    0);
            default -> new Account(a.id(), a.userData(), a.ledger(), a.code() + 1, a.flags(), 0, 0, 0, 0, 0);
        };
    }

    private Account invalidAccount(int extraFlags) {
        Id128 id = Ids.fresh(random);
        int ledger = pool.anyLedger();
        int code = AccountPool.WALLET_CODE;
        int bothLimits = AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS | AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS;
        return switch (random.nextInt(7)) {
            case 0 -> new Account(random.nextBoolean() ? Id128.ZERO : Id128.MAX, Id128.ZERO, ledger, code, extraFlags,
                    0, 0, 0, 0, 0);
            case 1 -> new Account(id, Id128.ZERO, ledger, code, extraFlags | 1 << 10, 0, 0, 0, 0, 0);
            case 2 -> new Account(id, Id128.ZERO, ledger, code, extraFlags, 0, 0, 0, 0, 1);
            case 3 -> new Account(id, Id128.ZERO, ledger, code, extraFlags | bothLimits, 0, 0, 0, 0, 0);
            case 4 -> new Account(id, Id128.ZERO, ledger, code, extraFlags, 0, 0, 0, 100, 0);
            case 5 -> new Account(id, Id128.ZERO, 0, code, extraFlags, 0, 0, 0, 0, 0);
            default -> new Account(id, Id128.ZERO, ledger, 0, extraFlags, 0, 0, 0, 0, 0);
        };
    }
}
