package org.corridor.app.ledger;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.corridor.app.StoreOption;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code corridor ledger verify}: loads the whole stored ledger and runs the same audit as start-up. Exits
 * 0 when the ledger is sound, 1 with every violation listed when it is not.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the stored ledger's invariants: debits equal credits per ledger, every balance "
                + "equals the sum of its transfers, no limit exceeded.")
public final class LedgerVerifyCommand implements Callable<Integer> {

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        PrintWriter out = new PrintWriter(System.out, true);
        boolean verified = verify(store.url(), out);
        out.flush();
        return verified ? 0 : 1;
    }

    /** Loads the whole ledger stored at {@code storeUrl}, audits it, and prints the verdict; true when it is sound. */
    public static boolean verify(String storeUrl, PrintWriter out) {
        try (LedgerStore ledgerStore = Stores.open(storeUrl)) {
            LedgerStateMachine machine = new LedgerStateMachine();
            ledgerStore.restore(machine);
            List<String> violations = LedgerAudit.violations(machine);
            out.printf("%s ledger: %,d accounts, %,d transfers%n", ledgerStore.kind(),
                    machine.accounts().size(), machine.transferCount());
            if (violations.isEmpty()) {
                out.println("ledger verified: debits equal credits on every ledger, every balance equals "
                        + "the sum of its transfers, no limit exceeded");
                return true;
            }
            out.printf("ledger FAILED verification with %d violations:%n", violations.size());
            violations.forEach(violation -> out.println("  " + violation));
            return false;
        }
    }
}
