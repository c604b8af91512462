package org.corridor.app.reconcile;

import java.util.ArrayList;
import java.util.List;
import org.corridor.core.reconciliation.IssuerRecord;
import org.corridor.sim.issuer.ActivityEntry;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.SimulatedBank;

/** The issuer simulator's activity as issuer records: what each bank's own books say it processed. */
public final class SimulatorRecords {
    private SimulatorRecords() {}

    /** Every record the simulator's banks kept, named by bank id, from {@code fromNanos} on. */
    public static List<IssuerRecord> of(IssuerSimulator simulator, long fromNanos) {
        List<IssuerRecord> records = new ArrayList<>();
        for (SimulatedBank bank : simulator.banks().all()) {
            for (ActivityEntry entry : simulator.activity().of(bank.id())) {
                if (entry.atNanos() >= fromNanos) records.add(record(bank.id(), entry));
            }
        }
        return records;
    }

    static IssuerRecord record(String bankId, ActivityEntry entry) {
        IssuerRecord.Kind kind = switch (entry.kind()) {
            case AUTHORIZATION, PURCHASE -> IssuerRecord.Kind.AUTHORIZATION;
            case REVERSAL -> IssuerRecord.Kind.REVERSAL;
            case REVERSAL_UNMATCHED -> IssuerRecord.Kind.REVERSAL_UNMATCHED;
        };
        return new IssuerRecord(bankId, kind, entry.retrievalReference(), entry.amountMinor(),
                entry.currency() == null ? "" : entry.currency().getCurrencyCode(), entry.responseCode(), entry.atNanos());
    }
}
