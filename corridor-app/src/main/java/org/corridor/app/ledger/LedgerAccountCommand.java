package org.corridor.app.ledger;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.corridor.app.StoreOption;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.Transfer;
import org.corridor.store.AccountFilter;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code corridor ledger account ID}: one account's balances and a page of its transfers, as stored. Page
 * on with {@code --after} (oldest first) or {@code --before} (newest first) and the last timestamp printed.
 */
@Command(name = "account", mixinStandardHelpOptions = true,
        description = "Show an account's balances and a page of its transfers (newest first with --newest-first).")
public final class LedgerAccountCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(paramLabel = "ACCOUNT_ID", description = "The account id: 1 to 32 hexadecimal digits.")
    String accountId;

    @Option(names = "--limit", defaultValue = "20", description = "Transfers per page, 1 to "
            + AccountFilter.ROWS_PER_PAGE_MAX + " (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--after", defaultValue = "0",
            description = "Only transfers after this timestamp (the last one of the previous page).")
    long after;

    @Option(names = "--before", defaultValue = "0",
            description = "Only transfers before this timestamp (the last one of the previous page, newest first).")
    long before;

    @Option(names = "--newest-first", description = "Newest transfers first.")
    boolean newestFirst;

    @Override
    public Integer call() {
        Id128 id;
        AccountFilter filter;
        try {
            id = Id128.parse(accountId);
            filter = new AccountFilter(id, after == 0 ? 0 : after + 1, before == 0 ? 0 : before - 1, limit, true,
                    true, newestFirst);
        } catch (IllegalArgumentException bad) {
            System.err.println("corridor ledger account: " + bad.getMessage());
            return 2;
        }
        try (LedgerStore ledgerStore = Stores.open(store.url())) {
            Account account = ledgerStore.lookupAccount(id).orElse(null);
            if (account == null) {
                System.out.println("no account " + id);
                return 1;
            }
            System.out.printf(Locale.ROOT, "account %s  ledger %d  code %d  flags %d%n", account.id(), account.ledger(),
                    account.code(), account.flags());
            System.out.printf(Locale.ROOT, "  debits  pending %,d  posted %,d%n", account.debitsPending(),
                    account.debitsPosted());
            System.out.printf(Locale.ROOT, "  credits pending %,d  posted %,d%n", account.creditsPending(),
                    account.creditsPosted());
            List<Transfer> page = ledgerStore.accountTransfers(filter);
            String more = page.size() < limit ? "" : " (more may follow: "
                    + (newestFirst ? "--newest-first --before " : "--after ") + page.getLast().timestamp() + ")";
            System.out.printf("%d transfers%s:%n", page.size(), more);
            for (Transfer t : page) {
                boolean debit = t.debitAccountId().equals(id);
                System.out.printf(Locale.ROOT, "  %d  %s  %s %,d %s %s  code %d  flags %d%n", t.timestamp(), t.id(),
                        debit ? "debit " : "credit", t.amount(), debit ? "to  " : "from",
                        debit ? t.creditAccountId() : t.debitAccountId(), t.code(), t.flags());
            }
            return 0;
        }
    }
}
