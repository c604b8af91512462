package org.corridor.store.writer;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.CreateAccountResult;
import org.corridor.core.ledger.CreateTransferResult;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;

/**
 * The process {@link CrashRecoveryTest} kills: it opens the ledger (which audits it), then submits
 * transfers from many virtual threads forever, journalling each command before it is submitted and each
 * acknowledgement after it arrives. Arguments: JDBC URL, journal file, cycle number.
 */
public final class CrashLoad {
    static final int ACCOUNTS = 50;
    static final int LEDGER = 840;
    static final int CODE = 1;
    static final long OPENING_BALANCE = 1_000_000_000L;
    private static final int CLIENTS = 64;
    private static final Id128 MINT = new Id128(0, 1_000);

    private CrashLoad() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path journalFile = Path.of(args[1]);
        long cycle = Long.parseLong(args[2]);
        try (LedgerStore store = Stores.open(url);
                LedgerWriter writer = LedgerWriter.start(store, InstantSource.system());
                CrashJournal journal = new CrashJournal(journalFile);
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            openAccounts(writer);
            AtomicLong sequence = new AtomicLong();
            for (int client = 0; client < CLIENTS; client++) {
                SplittableRandom random = new SplittableRandom(cycle * 1_000 + client);
                clients.submit(() -> {
                    while (true) {
                        submitOne(writer, journal, random, new Id128(cycle, sequence.incrementAndGet() << 8));
                    }
                });
            }
            clients.awaitTermination(1, java.util.concurrent.TimeUnit.HOURS);
        }
    }

    private static void openAccounts(LedgerWriter writer) {
        List<Account> accounts = new ArrayList<>();
        List<Transfer> funding = new ArrayList<>();
        accounts.add(Account.open(MINT, LEDGER, CODE, 0, Id128.ZERO));
        for (int a = 1; a <= ACCOUNTS; a++) {
            accounts.add(Account.open(Id128.of(a), LEDGER, CODE, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, Id128.ZERO));
            funding.add(Transfer.of(new Id128(0, 10_000 + a), MINT, Id128.of(a), OPENING_BALANCE, LEDGER, CODE));
        }
        if (!writer.createAccounts(accounts).join().stream().allMatch(CreateAccountResult::created)
                || !writer.createTransfers(funding).join().stream().allMatch(CreateTransferResult::applied)) {
            throw new IllegalStateException("opening the crash-test accounts failed");
        }
    }

    /** One command: a single transfer, a linked chain of three, a chain bound to fail, or a two-phase pair. */
    private static void submitOne(LedgerWriter writer, CrashJournal journal, SplittableRandom random, Id128 base) {
        int debit = 1 + random.nextInt(ACCOUNTS);
        int credit = debit % ACCOUNTS + 1;
        int third = credit % ACCOUNTS + 1;
        long amount = 1 + random.nextInt(1_000);
        List<Transfer> command = switch (random.nextInt(4)) {
            case 0 -> List.of(transfer(base, 1, debit, credit, amount, 0));
            case 1 -> List.of(transfer(base, 1, debit, credit, amount, TransferFlags.LINKED),
                    transfer(base, 2, credit, third, amount / 2 + 1, TransferFlags.LINKED),
                    transfer(base, 3, third, debit, amount / 4 + 1, 0));
            // The last leg names an account that does not exist: the whole chain must leave no trace.
            case 2 -> List.of(transfer(base, 1, debit, credit, amount, TransferFlags.LINKED),
                    transfer(base, 2, credit, ACCOUNTS + 7, amount, 0));
            default -> List.of(transfer(base, 1, debit, credit, amount, TransferFlags.PENDING));
        };
        if (!run(writer, journal, base + "", command)) return;
        if (command.getFirst().has(TransferFlags.PENDING)) {
            Transfer post = new Transfer(new Id128(base.high(), base.low() + 2), Id128.of(debit), Id128.of(credit),
                    amount, command.getFirst().id(), Id128.ZERO, 0, LEDGER, CODE, TransferFlags.POST_PENDING, 0);
            run(writer, journal, base + "p", List.of(post));
        }
    }

    private static boolean run(LedgerWriter writer, CrashJournal journal, String name, List<Transfer> command) {
        journal.submitted(name, command);
        List<CreateTransferResult> results = writer.createTransfers(command).join();
        journal.acknowledged(name, results);
        return results.getFirst() == CreateTransferResult.OK;
    }

    private static Transfer transfer(Id128 base, int leg, int debit, int credit, long amount, int flags) {
        return new Transfer(new Id128(base.high(), base.low() + leg), Id128.of(debit), Id128.of(credit), amount,
                Id128.ZERO, base, 0, LEDGER, CODE, flags, 0);
    }
}
