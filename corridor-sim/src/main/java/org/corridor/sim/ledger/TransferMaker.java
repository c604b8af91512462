package org.corridor.sim.ledger;

import static org.corridor.core.ledger.TransferFlags.BALANCING_CREDIT;
import static org.corridor.core.ledger.TransferFlags.BALANCING_DEBIT;
import static org.corridor.core.ledger.TransferFlags.CLOSING_CREDIT;
import static org.corridor.core.ledger.TransferFlags.CLOSING_DEBIT;
import static org.corridor.core.ledger.TransferFlags.LINKED;
import static org.corridor.core.ledger.TransferFlags.PENDING;
import static org.corridor.core.ledger.TransferFlags.POST_PENDING;
import static org.corridor.core.ledger.TransferFlags.VOID_PENDING;

import java.util.SplittableRandom;
import org.corridor.core.Id128;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.Transfer;
import org.corridor.sim.ledger.AccountPool.Slot;

/**
 * Makes single transfer events of each kind a workload mixes: payments, funding, reservations and their
 * resolutions, balancing and closing transfers, overflows, invalid commands and retries. Every event is
 * unlinked; {@link LedgerWorkload} links them into chains.
 */
final class TransferMaker {
    static final int PAYMENT_CODE = 1;
    static final int FUNDING_CODE = 2;
    static final int SWEEP_CODE = 3;
    private static final int TIMEOUT_SECONDS_MAX = 5;
    private static final int CLOSING_TIMEOUT_SECONDS_MAX = 3;
    /** A debit this many times the largest amount is beyond what any wallet is ever funded with. */
    private static final long OVERDRAFT_FACTOR = 1_000_000;
    private static final long NEAR_OVERFLOW_MARGIN = 1_000;

    private final SplittableRandom random;
    private final WorkloadConfig config;
    private final AccountPool pool;
    private final WorkloadMemory memory;

    TransferMaker(SplittableRandom random, WorkloadConfig config, AccountPool pool, WorkloadMemory memory) {
        this.random = random;
        this.config = config;
        this.pool = pool;
        this.memory = memory;
    }

    private static Transfer event(Id128 id, Id128 debit, Id128 credit, long amount, Id128 pendingId, Id128 userData,
            int timeoutSeconds, int ledger, int code, int flags) {
        return new Transfer(id, debit, credit, amount, pendingId, userData, timeoutSeconds, ledger, code, flags, 0);
    }

    private Transfer simple(Slot debit, Slot credit, long amount, int code, int flags, int timeoutSeconds) {
        return event(Ids.fresh(random), debit.id(), credit.id(), amount, Id128.ZERO, Ids.userData(random),
                timeoutSeconds, debit.ledger(), code, flags);
    }

    private long amount() {
        return 1 + random.nextLong(config.amountMax());
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** A payment on one ledger, crediting the hot account as often as the configuration says. */
    Transfer payment() {
        int ledger = pool.anyLedger();
        Slot credit = chance(config.hotAccountProbability()) ? pool.hot(ledger) : pool.anyExcept(ledger, null);
        Slot debit = pool.anyExcept(ledger, credit.id());
        return simple(debit, credit, amount(), PAYMENT_CODE, 0, 0);
    }

    /** The treasury tops up a wallet, so that limited wallets have something to spend. */
    Transfer funding() {
        int ledger = pool.anyLedger();
        Slot wallet = pool.ordinaryWith(ledger, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS);
        return simple(pool.treasury(ledger), wallet, amount() * 5, FUNDING_CODE, 0, 0);
    }

    /** A reservation, with no timeout or a short one; remembered for later posts and voids. */
    Transfer reservation() {
        Transfer payment = payment();
        int timeout = chance(0.4) ? 0 : 1 + random.nextInt(TIMEOUT_SECONDS_MAX);
        Transfer pending = payment.withFlags(PENDING).withTimeoutSeconds(timeout);
        memory.rememberReservation(pending);
        return pending;
    }

    /** A post or void of a reservation made earlier, which may already be resolved, expired or never made. */
    Transfer resolution() {
        if (!memory.hasReservations()) return reservation();
        Transfer reserved = memory.anyReservation();
        Id128 id = Ids.fresh(random);
        Id128 none = Id128.ZERO;
        int roll = random.nextInt(100);
        if (roll < 30) return event(id, none, none, 0, reserved.id(), none, 0, 0, 0, POST_PENDING);
        if (roll < 40) {
            return event(id, reserved.debitAccountId(), reserved.creditAccountId(), reserved.amount(), reserved.id(),
                    none, 0, reserved.ledger(), reserved.code(), POST_PENDING);
        }
        if (roll < 60) {
            long part = reserved.amount() < 2 ? reserved.amount() : 1 + random.nextLong(reserved.amount() - 1);
            return event(id, none, none, part, reserved.id(), none, 0, 0, 0, POST_PENDING);
        }
        if (roll < 85) {
            long amount = random.nextBoolean() ? 0 : reserved.amount();
            return event(id, none, none, amount, reserved.id(), none, 0, 0, 0, VOID_PENDING);
        }
        if (roll < 90) return event(id, none, none, reserved.amount() + 1, reserved.id(), none, 0, 0, 0, POST_PENDING);
        if (roll < 95) {
            int flags = random.nextBoolean() ? POST_PENDING : VOID_PENDING;
            return switch (random.nextInt(3)) {
                case 0 -> event(id, reserved.creditAccountId(), none, 0, reserved.id(), none, 0, 0, 0, flags);
                case 1 -> event(id, none, none, 0, reserved.id(), none, 0, 0, reserved.code() + 1, flags);
                default -> event(id, none, none, 0, reserved.id(), none, 0, pool.otherLedger(reserved.ledger()), 0,
                        flags);
            };
        }
        if (roll < 98 || !memory.hasEvents()) {
            return event(id, none, none, 0, Ids.fresh(random), none, 0, 0, 0, POST_PENDING);
        }
        // An earlier event, most likely a single-phase payment: not a reservation at all.
        return event(id, none, none, 0, memory.anyEvent().id(), none, 0, 0, 0, POST_PENDING);
    }

    /** A transfer that moves at most its amount: a wallet swept, or a credit line repaid. */
    Transfer balancing() {
        int ledger = pool.anyLedger();
        Slot wallet = pool.ordinaryWith(ledger, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS);
        Slot creditLine = pool.ordinaryWith(ledger, AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS);
        long upTo = amount() * 3;
        int pending = chance(0.25) ? PENDING : 0;
        int roll = random.nextInt(10);
        Transfer transfer;
        if (roll < 5 || wallet.id().equals(creditLine.id())) {
            transfer = simple(wallet, pool.hot(ledger), upTo, SWEEP_CODE, BALANCING_DEBIT | pending, 0);
        } else if (roll < 8) {
            transfer = simple(pool.treasury(ledger), creditLine, upTo, SWEEP_CODE, BALANCING_CREDIT | pending, 0);
        } else {
            transfer = simple(wallet, creditLine, upTo, SWEEP_CODE, BALANCING_DEBIT | BALANCING_CREDIT | pending, 0);
        }
        if (pending != 0) memory.rememberReservation(transfer);
        return transfer;
    }

    /** A short reservation that closes an ordinary account until it is voided or expires (or, if posted, for good). */
    Transfer closing() {
        int ledger = pool.anyLedger();
        Slot closed = pool.ordinary(ledger);
        Slot other = pool.anyExcept(ledger, closed.id());
        int timeout = 1 + random.nextInt(CLOSING_TIMEOUT_SECONDS_MAX);
        Transfer transfer = random.nextBoolean()
                ? simple(closed, other, amount(), PAYMENT_CODE, PENDING | CLOSING_DEBIT, timeout)
                : simple(other, closed, amount(), PAYMENT_CODE, PENDING | CLOSING_CREDIT, timeout);
        memory.rememberReservation(transfer);
        return transfer;
    }

    /** An amount near {@code Long.MAX_VALUE}, or a small one, between two overflow accounts. */
    Transfer overflow() {
        if (!pool.hasOverflowAccounts()) return payment();
        Slot[] pair = pool.overflowPair();
        long amount = switch (random.nextInt(3)) {
            case 0 -> Long.MAX_VALUE - random.nextLong(NEAR_OVERFLOW_MARGIN);
            case 1 -> Long.MAX_VALUE / 2 + random.nextLong(NEAR_OVERFLOW_MARGIN);
            default -> amount();
        };
        if (random.nextBoolean()) return simple(pair[0], pair[1], amount, PAYMENT_CODE, 0, 0);
        int timeout = chance(0.3) ? 0 : 1 + random.nextInt(TIMEOUT_SECONDS_MAX);
        Transfer pending = simple(pair[0], pair[1], amount, PAYMENT_CODE, PENDING, timeout);
        memory.rememberReservation(pending);
        return pending;
    }

    /** A limited wallet debited far beyond anything it was funded with: fails with exceeded credits. */
    Transfer overdraft() {
        int ledger = pool.anyLedger();
        Slot wallet = pool.ordinaryWith(ledger, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS);
        return simple(wallet, pool.hot(ledger), config.amountMax() * OVERDRAFT_FACTOR, PAYMENT_CODE, 0, 0);
    }

    /** A payment from or to an account that does not exist (yet). */
    Transfer unknownAccount() {
        Transfer payment = payment();
        Id128 unknown = pool.unknownId();
        return random.nextBoolean()
                ? event(payment.id(), unknown, payment.creditAccountId(), payment.amount(), Id128.ZERO, Id128.ZERO, 0,
                        payment.ledger(), PAYMENT_CODE, 0)
                : event(payment.id(), payment.debitAccountId(), unknown, payment.amount(), Id128.ZERO, Id128.ZERO, 0,
                        payment.ledger(), PAYMENT_CODE, 0);
    }

    /** A payment with one field broken, so that a validation rule rejects it. */
    Transfer invalid() {
        Transfer p = payment();
        Id128 id = p.id();
        Id128 debit = p.debitAccountId();
        Id128 credit = p.creditAccountId();
        Id128 none = Id128.ZERO;
        int ledger = p.ledger();
        return switch (random.nextInt(20)) {
            case 0 -> event(id, debit, credit, 0, none, none, 0, ledger, PAYMENT_CODE, 0);
            case 1 -> event(id, debit, credit, -1 - random.nextLong(1_000), none, none, 0, ledger, PAYMENT_CODE, 0);
            case 2 -> event(random.nextBoolean() ? Id128.ZERO : Id128.MAX, debit, credit, 5, none, none, 0, ledger,
                    PAYMENT_CODE, 0);
            case 3 -> event(id, random.nextBoolean() ? Id128.ZERO : Id128.MAX, credit, 5, none, none, 0, ledger,
                    PAYMENT_CODE, 0);
            case 4 -> event(id, debit, random.nextBoolean() ? Id128.ZERO : Id128.MAX, 5, none, none, 0, ledger,
                    PAYMENT_CODE, 0);
            case 5 -> event(id, debit, debit, 5, none, none, 0, ledger, PAYMENT_CODE, 0);
            case 6 -> event(id, debit, credit, 5, none, none, 0, random.nextBoolean() ? 0 : pool.otherLedger(ledger),
                    PAYMENT_CODE, 0);
            case 7 -> event(id, debit, credit, 5, none, none, 0, ledger, 0, 0);
            case 8 -> event(id, debit, pool.hot(pool.otherLedger(ledger)).id(), 5, none, none, 0, ledger,
                    PAYMENT_CODE, 0);
            case 9 -> new Transfer(id, debit, credit, 5, none, none, 0, ledger, PAYMENT_CODE, 0, 1 + random.nextInt(9));
            case 10 -> event(id, debit, credit, 5, none, none, 0, ledger, PAYMENT_CODE, 1 << (8 + random.nextInt(8)));
            case 11 -> event(id, debit, credit, 5, none, none, 1 + random.nextInt(9), ledger, PAYMENT_CODE, 0);
            case 12 -> event(id, debit, credit, 5, none, none, -1, ledger, PAYMENT_CODE, PENDING);
            case 13 -> event(id, debit, credit, 5, none, none, 0, ledger, PAYMENT_CODE, CLOSING_DEBIT);
            case 14 -> event(id, debit, credit, 5, Ids.fresh(random), none, 0, ledger, PAYMENT_CODE, 0);
            case 15 -> event(id, debit, credit, 5, none, none, 0, ledger, PAYMENT_CODE, PENDING | POST_PENDING);
            case 16 -> event(id, none, none, 0, random.nextBoolean() ? none : Id128.MAX, none, 0, 0, 0, POST_PENDING);
            case 17 -> event(id, none, none, 0, id, none, 0, 0, 0, VOID_PENDING);
            case 18 -> event(id, none, none, 0, Ids.fresh(random), none, 3, 0, 0, POST_PENDING);
            default -> event(id, none, none, 0, Ids.fresh(random), none, 0, 0, 0, POST_PENDING | BALANCING_DEBIT);
        };
    }

    /** An earlier event sent again as it was (unlinked, so that it stands alone). */
    Transfer retry() {
        if (!memory.hasEvents()) return payment();
        Transfer earlier = memory.anyEvent();
        return earlier.withFlags(earlier.flags() & ~LINKED);
    }

    /** An earlier event sent again with one field changed. */
    Transfer changedRetry() {
        if (!memory.hasEvents()) return payment();
        Transfer e = memory.anyEvent();
        int flags = e.flags() & ~LINKED;
        return switch (random.nextInt(9)) {
            case 0 -> event(e.id(), e.debitAccountId(), e.creditAccountId(), e.amount() + 1, e.pendingId(),
                    e.userData(), e.timeoutSeconds(), e.ledger(), e.code(), flags);
            case 1 -> e.withFlags(flags).withUserData(Ids.fresh(random));
            case 2 -> event(e.id(), e.debitAccountId(), e.creditAccountId(), e.amount(), e.pendingId(), e.userData(),
                    e.timeoutSeconds(), e.ledger(), e.code() + 1, flags);
            case 3 -> event(e.id(), e.debitAccountId(), e.creditAccountId(), e.amount(), e.pendingId(), e.userData(),
                    e.timeoutSeconds(), pool.otherLedger(e.ledger()), e.code(), flags);
            case 4 -> e.withFlags(flags).withTimeoutSeconds(e.timeoutSeconds() + 1);
            case 5 -> e.withFlags(flags ^ PENDING);
            case 6 -> event(e.id(), pool.anyExcept(pool.anyLedger(), null).id(), e.creditAccountId(), e.amount(),
                    e.pendingId(), e.userData(), e.timeoutSeconds(), e.ledger(), e.code(), flags);
            case 7 -> event(e.id(), e.debitAccountId(), pool.anyExcept(pool.anyLedger(), null).id(), e.amount(),
                    e.pendingId(), e.userData(), e.timeoutSeconds(), e.ledger(), e.code(), flags);
            default -> e.withFlags(flags).withPendingId(Ids.fresh(random));
        };
    }
}
