package org.corridor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.store.LedgerFixtures.START_NANOS;
import static org.corridor.store.LedgerFixtures.account;
import static org.corridor.store.LedgerFixtures.batch;
import static org.corridor.store.LedgerFixtures.id;
import static org.corridor.store.LedgerFixtures.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.corridor.core.Id128;
import org.corridor.core.ledger.AccountBalance;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An account's transfers and balances come back in pages that honour every part of the filter: the
 * inclusive timestamp bounds, the debit and credit sides, the direction and the limit.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AccountPagesTest {
    private static final long HOLDER = 1;
    private static final long PAYER = 2;
    private static final long PAYEE = 3;
    private static final int TRANSFERS = 23;
    private static final int PAGE = 5;

    private record Ledger(LedgerStateMachine machine, List<AccountBalance> history) {}

    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void pagesOfTransfers(String kind, @TempDir Path directory) {
        try (LedgerStore store = TestStores.open(kind, directory)) {
            Ledger ledger = fill(store);
            List<Transfer> all = holderTransfers(ledger.machine());
            List<Transfer> debits = all.stream().filter(t -> t.debitAccountId().equals(id(HOLDER))).toList();
            List<Transfer> credits = all.stream().filter(t -> t.creditAccountId().equals(id(HOLDER))).toList();
            assertThat(debits).isNotEmpty().hasSizeLessThan(all.size());

            for (boolean reversed : new boolean[] {false, true}) {
                assertThat(pageThrough(store::accountTransfers, true, true, reversed, Transfer::timestamp))
                        .isEqualTo(ordered(all, reversed, Transfer::timestamp));
                assertThat(pageThrough(store::accountTransfers, true, false, reversed, Transfer::timestamp))
                        .isEqualTo(ordered(debits, reversed, Transfer::timestamp));
                assertThat(pageThrough(store::accountTransfers, false, true, reversed, Transfer::timestamp))
                        .isEqualTo(ordered(credits, reversed, Transfer::timestamp));
            }

            // Bounds are inclusive at both ends.
            long from = all.get(3).timestamp();
            long to = all.get(9).timestamp();
            assertThat(store.accountTransfers(new AccountFilter(id(HOLDER), from, to, 100, true, true, false)))
                    .isEqualTo(all.subList(3, 10));
            assertThat(store.accountTransfers(new AccountFilter(id(HOLDER), from, from, 100, true, true, true)))
                    .containsExactly(all.get(3));
            // The limit cuts the page; the first page reversed is the newest.
            assertThat(store.accountTransfers(new AccountFilter(id(HOLDER), 0, 0, 1, true, true, true)))
                    .containsExactly(all.getLast());
            // An account with no transfers, and a range after the last one, give empty pages.
            assertThat(store.accountTransfers(AccountFilter.all(id(404), 10))).isEmpty();
            assertThat(store.accountTransfers(
                    new AccountFilter(id(HOLDER), all.getLast().timestamp() + 1, 0, 10, true, true, false))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void pagesOfBalances(String kind, @TempDir Path directory) {
        try (LedgerStore store = TestStores.open(kind, directory)) {
            Ledger ledger = fill(store);
            List<Transfer> transfers = holderTransfers(ledger.machine());
            List<AccountBalance> all = ledger.history().stream()
                    .filter(b -> b.accountId().equals(id(HOLDER))).toList();
            assertThat(all).hasSameSizeAs(transfers);
            List<AccountBalance> debits = all.stream().filter(b -> debited(transfers, b)).toList();
            List<AccountBalance> credits = all.stream().filter(b -> !debited(transfers, b)).toList();

            for (boolean reversed : new boolean[] {false, true}) {
                assertThat(pageThrough(store::accountBalances, true, true, reversed, AccountBalance::timestamp))
                        .isEqualTo(ordered(all, reversed, AccountBalance::timestamp));
                assertThat(pageThrough(store::accountBalances, true, false, reversed, AccountBalance::timestamp))
                        .isEqualTo(ordered(debits, reversed, AccountBalance::timestamp));
                assertThat(pageThrough(store::accountBalances, false, true, reversed, AccountBalance::timestamp))
                        .isEqualTo(ordered(credits, reversed, AccountBalance::timestamp));
            }
            long at = all.get(4).timestamp();
            assertThat(store.accountBalances(new AccountFilter(id(HOLDER), at, at, 10, true, true, false)))
                    .containsExactly(all.get(4));
            assertThat(store.accountBalances(AccountFilter.all(id(PAYER), 10))).as("no history flag").isEmpty();
        }
    }

    /** Commits transfers in and out of the holder (who keeps history) over three batches. */
    private static Ledger fill(LedgerStore store) {
        LedgerStateMachine machine = new LedgerStateMachine();
        List<AccountBalance> history = new ArrayList<>();
        LedgerChanges opening = batch(machine, START_NANOS, () -> machine.createAccounts(List.of(
                account(HOLDER, AccountFlags.HISTORY), account(PAYER, 0), account(PAYEE, 0))));
        store.commit(opening);
        int perBatch = (TRANSFERS + 2) / 3;
        for (int first = 0; first < TRANSFERS; first += perBatch) {
            int from = first;
            LedgerChanges changes = batch(machine, START_NANOS + 1_000 * (first + 1), () -> {
                List<Transfer> events = new ArrayList<>();
                for (int n = from; n < Math.min(TRANSFERS, from + perBatch); n++) {
                    // Two of every three move money in; a transfer between the others now and then.
                    events.add(switch (n % 4) {
                        case 0, 1 -> transfer(100 + n, PAYER, HOLDER, 10 + n);
                        case 2 -> transfer(100 + n, HOLDER, PAYEE, 1 + n % 5);
                        default -> transfer(100 + n, PAYER, PAYEE, 1);
                    });
                }
                assertThat(machine.createTransfers(events)).containsOnly(CreateTransferResult.OK);
            });
            history.addAll(changes.balanceHistory());
            store.commit(changes);
        }
        return new Ledger(machine, history);
    }

    private static List<Transfer> holderTransfers(LedgerStateMachine machine) {
        return machine.transfers().stream()
                .filter(t -> t.debitAccountId().equals(id(HOLDER)) || t.creditAccountId().equals(id(HOLDER)))
                .sorted(Comparator.comparingLong(Transfer::timestamp))
                .toList();
    }

    private static boolean debited(List<Transfer> transfers, AccountBalance balance) {
        return transfers.stream().filter(t -> t.timestamp() == balance.timestamp()).findFirst().orElseThrow()
                .debitAccountId().equals(balance.accountId());
    }

    private static <T> List<T> ordered(List<T> rows, boolean reversed, ToLongFunction<T> timestamp) {
        Comparator<T> byTime = Comparator.comparingLong(timestamp);
        return rows.stream().sorted(reversed ? byTime.reversed() : byTime).toList();
    }

    /**
     * Reads every page of {@link #PAGE} rows as a client would, moving the bound past the last row seen,
     * and checks each page is full but the last.
     */
    private static <T> List<T> pageThrough(Function<AccountFilter, List<T>> read, boolean debits, boolean credits,
            boolean reversed, ToLongFunction<T> timestamp) {
        Id128 holder = id(HOLDER);
        List<T> seen = new ArrayList<>();
        long min = 0;
        long max = 0;
        for (int pages = 0; pages < TRANSFERS + 1; pages++) {
            List<T> page = read.apply(new AccountFilter(holder, min, max, PAGE, debits, credits, reversed));
            assertThat(page).hasSizeLessThanOrEqualTo(PAGE);
            seen.addAll(page);
            if (page.size() < PAGE) {
                return seen;
            }
            long last = timestamp.applyAsLong(page.getLast());
            if (reversed) {
                max = last - 1;
            } else {
                min = last + 1;
            }
        }
        throw new AssertionError("paging did not end");
    }
}
