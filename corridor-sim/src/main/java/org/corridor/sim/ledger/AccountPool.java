package org.corridor.sim.ledger;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;

/**
 * The accounts a workload knows about, by ledger and by role, so that it can aim transfers: most at the hot
 * account, funding from the treasury, limits at wallets, huge amounts at the overflow accounts.
 *
 * <p>The workload is open-loop: it never sees the ledger's answers. An account joins the pool when its create
 * command is generated, whether or not the ledger accepts it, and some ids are used in transfers before
 * their account is created; both make "account not found" happen naturally.
 */
final class AccountPool {
    /** What the workload uses an account for. */
    enum Role {
        /** The ledger's busy merchant: most payments credit it. It keeps history. */
        HOT,
        /** Funds wallets; has no limit. */
        TREASURY,
        /** An ordinary account: a wallet, possibly limited, or a credit line. */
        ORDINARY,
        /** Moves amounts near {@code Long.MAX_VALUE}; kept apart so that overflows stay on a few accounts. */
        OVERFLOW
    }

    /** An account as the workload knows it. */
    record Slot(Id128 id, int ledger, int flags, Role role) {
        boolean has(int flag) {
            return (flags & flag) != 0;
        }
    }

    static final int HOT_CODE = 20;
    static final int TREASURY_CODE = 30;
    static final int WALLET_CODE = 10;
    static final int CREDIT_LINE_CODE = 40;
    static final int OVERFLOW_CODE = 50;
    /** Ids announced (used in transfers) before their account is created. */
    private static final int FUTURE_IDS = 2;
    private static final double HISTORY_SHARE = 0.2;

    private final SplittableRandom random;
    private final int[] ledgers;
    private final List<List<Slot>> byLedger = new ArrayList<>();
    private final List<Slot> overflow = new ArrayList<>();
    private final List<Id128> futureIds = new ArrayList<>();
    private final List<Account> initial = new ArrayList<>();

    AccountPool(SplittableRandom random, WorkloadConfig config) {
        this.random = random;
        this.ledgers = Arrays.copyOf(WorkloadConfig.LEDGER_CODES, config.ledgers());
        int perLedger = config.accounts() / config.ledgers();
        for (int ledger : ledgers) {
            byLedger.add(new ArrayList<>());
            initial.add(open(new Slot(Ids.fresh(random), ledger, AccountFlags.HISTORY, Role.HOT), HOT_CODE));
            initial.add(open(new Slot(Ids.fresh(random), ledger, 0, Role.TREASURY), TREASURY_CODE));
            initial.add(open(new Slot(Ids.fresh(random), ledger, AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS,
                    Role.ORDINARY), CREDIT_LINE_CODE));
            initial.add(open(new Slot(Ids.fresh(random), ledger, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS,
                    Role.ORDINARY), WALLET_CODE));
            for (int i = WorkloadConfig.ACCOUNTS_PER_LEDGER_MIN; i < perLedger; i++) {
                initial.add(open(new Slot(Ids.fresh(random), ledger, walletFlags(config), Role.ORDINARY),
                        WALLET_CODE));
            }
        }
        for (int i = 0; i < config.overflowAccounts(); i++) {
            initial.add(open(new Slot(Ids.fresh(random), ledgers[0], i == 0 ? AccountFlags.HISTORY : 0, Role.OVERFLOW),
                    OVERFLOW_CODE));
        }
        while (futureIds.size() < FUTURE_IDS) futureIds.add(Ids.fresh(random));
    }

    private int walletFlags(WorkloadConfig config) {
        int flags = random.nextDouble() < config.limitedAccountShare() ? AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS
                : 0;
        return random.nextDouble() < HISTORY_SHARE ? flags | AccountFlags.HISTORY : flags;
    }

    /** Adds the slot to the pool and returns its create command. */
    private Account open(Slot slot, int code) {
        add(slot);
        return Account.open(slot.id(), slot.ledger(), code, slot.flags(), Ids.userData(random));
    }

    private void add(Slot slot) {
        if (slot.role() == Role.OVERFLOW) {
            overflow.add(slot);
        } else {
            byLedger.get(ledgerIndex(slot.ledger())).add(slot);
        }
    }

    private int ledgerIndex(int ledger) {
        for (int i = 0; i < ledgers.length; i++) {
            if (ledgers[i] == ledger) return i;
        }
        throw new IllegalArgumentException("not a workload ledger: " + ledger);
    }

    List<Account> initialAccounts() {
        return List.copyOf(initial);
    }

    /** A create command for a new wallet; its id may already have been used in transfers. */
    Account newWallet(WorkloadConfig config) {
        Id128 id = futureIds.removeFirst();
        futureIds.add(Ids.fresh(random));
        Slot slot = new Slot(id, anyLedger(), walletFlags(config), Role.ORDINARY);
        return open(slot, WALLET_CODE);
    }

    int anyLedger() {
        return ledgers[random.nextInt(ledgers.length)];
    }

    /**
     * A workload ledger other than {@code ledger}, or {@code ledger} itself when there is only one. A post or
     * void names ledger zero, which is no workload ledger: any workload ledger differs from it.
     */
    int otherLedger(int ledger) {
        for (int i = 0; i < ledgers.length; i++) {
            if (ledgers[i] == ledger) return ledgers[(i + 1) % ledgers.length];
        }
        return ledgers[0];
    }

    Slot hot(int ledger) {
        return byLedger.get(ledgerIndex(ledger)).get(0);
    }

    Slot treasury(int ledger) {
        return byLedger.get(ledgerIndex(ledger)).get(1);
    }

    /** Any account of the ledger other than {@code not}, the hot account and the treasury included. */
    Slot anyExcept(int ledger, Id128 not) {
        List<Slot> slots = byLedger.get(ledgerIndex(ledger));
        while (true) {
            Slot slot = slots.get(random.nextInt(slots.size()));
            if (!slot.id().equals(not)) return slot;
        }
    }

    /** An ordinary account of the ledger that has {@code flag}, or any ordinary one if none has. */
    Slot ordinaryWith(int ledger, int flag) {
        List<Slot> candidates = new ArrayList<>();
        for (Slot slot : byLedger.get(ledgerIndex(ledger))) {
            if (slot.role() == Role.ORDINARY && slot.has(flag)) candidates.add(slot);
        }
        return candidates.isEmpty() ? ordinary(ledger) : candidates.get(random.nextInt(candidates.size()));
    }

    Slot ordinary(int ledger) {
        List<Slot> slots = byLedger.get(ledgerIndex(ledger));
        // The first two of every ledger are its hot account and its treasury.
        return slots.get(2 + random.nextInt(slots.size() - 2));
    }

    boolean hasOverflowAccounts() {
        return overflow.size() >= 2;
    }

    /** Two different overflow accounts, debit first. */
    Slot[] overflowPair() {
        int debit = random.nextInt(overflow.size());
        int credit = (debit + 1 + random.nextInt(overflow.size() - 1)) % overflow.size();
        return new Slot[] {overflow.get(debit), overflow.get(credit)};
    }

    /** An id no account has yet: one that a later account command will use, or one that none ever will. */
    Id128 unknownId() {
        return random.nextBoolean() ? futureIds.get(random.nextInt(futureIds.size())) : Ids.fresh(random);
    }
}
