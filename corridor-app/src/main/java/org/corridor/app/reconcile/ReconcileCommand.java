package org.corridor.app.reconcile;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.corridor.app.StoreOption;
import org.corridor.core.EpochNanos;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.reconciliation.IssuerRecord;
import org.corridor.core.reconciliation.Reconciliation;
import org.corridor.core.reconciliation.ReconciliationBreak;
import org.corridor.core.settlement.SettlementWindow;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.store.LedgerStore;
import org.corridor.store.Stores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code corridor reconcile}: Corridor's card authorizations, read from its store, against the issuer simulator's
 * books, read through its control interface, for a period. Exits 0 when they agree, 1 with every break listed.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Reconcile Corridor's card authorizations with the issuer simulator's records: every "
                + "authorization matched by its retrieval reference, every break listed with its cause.")
public final class ReconcileCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--issuer-sim-control", paramLabel = "URL", defaultValue = "http://127.0.0.1:8584",
            description = "The issuer simulator's control interface (default ${DEFAULT-VALUE}).")
    URI control;

    @Option(names = "--window", paramLabel = "ID",
            description = "A settlement window (sw_…): its period, instead of --from and --to.")
    String window;

    @Option(names = "--from", paramLabel = "INSTANT", description = "Start of the period, ISO-8601 (default: the beginning).")
    Instant from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "End of the period, ISO-8601 (default: now).")
    Instant to;

    @Override
    public Integer call() throws Exception {
        long fromNanos = from == null ? 0 : EpochNanos.of(from);
        long toNanos = EpochNanos.of(to == null ? Instant.now() : to);
        List<CardAuthorization> authorizations;
        try (LedgerStore ledgerStore = Stores.open(store.url())) {
            SwitchState state = new SwitchState(new LedgerStateMachine(), () -> {
                throw new IllegalStateException("reconciliation reads; it makes no ids");
            });
            ledgerStore.restoreRecords(state);
            if (window != null) {
                var found = state.find(RecordKind.SETTLEMENT_WINDOW, window, SettlementWindow.class);
                if (found.isEmpty()) {
                    System.err.println("corridor reconcile: no settlement window " + window);
                    return 2;
                }
                // The window's span of ledger time: after its start, through its close (now, while it is open).
                fromNanos = found.get().coversAfter() + 1;
                if (found.get().coversThrough() != 0) toNanos = found.get().coversThrough();
            }
            long after = fromNanos;
            long through = toNanos;
            authorizations = state.all(RecordKind.CARD_AUTHORIZATION).stream().map(CardAuthorization.class::cast)
                    .filter(a -> a.createdAt() >= after && a.createdAt() <= through).toList();
        }
        // The issuer's records of the period, and those of the period's authorizations whenever they came (a reversal
        // may reach the issuer after the period closed).
        Set<String> references = authorizations.stream().map(CardAuthorization::retrievalReference)
                .collect(Collectors.toSet());
        long after = fromNanos;
        long through = toNanos;
        List<IssuerRecord> records = ControlInterfaceRecords.read(control).stream()
                .filter(r -> references.contains(r.retrievalReference()) || (r.atNanos() >= after && r.atNanos() <= through))
                .toList();
        // Duplicate answers are counted by a running node's links, not stored: this command cannot see them.
        Reconciliation.Report report = Reconciliation.run(authorizations, records, 0);
        print(report);
        return report.clean() ? 0 : 1;
    }

    static void print(Reconciliation.Report report) {
        System.out.printf("reconciled %,d card authorizations with %,d issuer records: %,d matched, %,d breaks%n",
                report.authorizations(), report.issuerRecords(), report.matched(), report.breaks().size());
        for (ReconciliationBreak found : report.breaks()) {
            System.out.printf("  %-38s %s %s%n    corridor: %s%n    issuer:   %s%n    cause:    %s%n",
                    found.kind().name().toLowerCase(java.util.Locale.ROOT), found.retrievalReference(),
                    found.authorizationId(), found.corridorShows(), found.issuerShows(), found.cause());
        }
    }
}
