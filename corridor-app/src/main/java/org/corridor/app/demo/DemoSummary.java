package org.corridor.app.demo;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.core.reconciliation.Reconciliation;
import org.corridor.core.reconciliation.ReconciliationBreak;

/** The short summary the demo prints after its traffic: what each rail did, FX, net positions, breaks. */
final class DemoSummary {
    /** Outcome lines shown per rail; the rest are added up on one line. */
    static final int OUTCOMES_PER_RAIL_MAX = 6;

    private DemoSummary() {}

    static void payments(PrintWriter out, DemoTally tally, int rate, int seconds) {
        out.printf(Locale.ROOT, "Payments: %,d sent at %d/s for %d s, by rail and outcome (the step that decided it):%n",
                tally.payments(), rate, seconds);
        tally.outcomes().forEach((rail, outcomes) -> {
            long total = outcomes.values().stream().mapToLong(Long::longValue).sum();
            out.printf(Locale.ROOT, "  %-36s %,7d%n", rail.label(), total);
            outcomes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(OUTCOMES_PER_RAIL_MAX)
                    .forEach(entry -> out.printf(Locale.ROOT, "      %-60s %,7d%n", entry.getKey(), entry.getValue()));
            long shown = outcomes.values().stream().sorted(java.util.Comparator.reverseOrder())
                    .limit(OUTCOMES_PER_RAIL_MAX).mapToLong(Long::longValue).sum();
            if (total > shown) out.printf(Locale.ROOT, "      %-60s %,7d%n", "other outcomes", total - shown);
        });
    }

    static void fx(PrintWriter out, DemoTally tally) {
        if (tally.fxVolume().isEmpty()) {
            out.println("FX volume: none");
            return;
        }
        out.println("FX volume (shoppers' currency sold -> merchants' currency bought):");
        tally.fxVolume().forEach((pair, volume) -> {
            String[] currencies = pair.split("->");
            out.printf(Locale.ROOT, "  %-10s %,6d payments  %16s %s sold  %16s %s bought%n", pair, volume.payments(),
                    DemoAmounts.format(volume.soldMinor(), currencies[0]), currencies[0],
                    DemoAmounts.format(volume.boughtMinor(), currencies[1]), currencies[1]);
        });
    }

    static void positions(PrintWriter out, Map<String, Map<String, Long>> positions) {
        out.println("Net positions by participant role (posted balances; + the switch owes them, - they owe):");
        positions.forEach((role, byCurrency) -> {
            StringBuilder line = new StringBuilder();
            byCurrency.forEach((currency, minor) -> line.append(String.format(Locale.ROOT, "  %16s %s",
                    DemoAmounts.format(minor, currency), currency)));
            out.printf(Locale.ROOT, "  %-16s%s%n", role, line);
        });
    }

    /** Prints the reconciliation; returns the number of breaks the injected faults do not explain. */
    static int reconciliation(PrintWriter out, Reconciliation.Report report, DemoIssuerTrouble trouble) {
        out.printf(Locale.ROOT, "Reconciliation: %,d card authorizations against %,d issuer records: %,d matched, "
                + "%,d breaks%n", report.authorizations(), report.issuerRecords(), report.matched(),
                report.breaks().size());
        Map<ReconciliationBreak.Kind, Integer> byKind = new TreeMap<>();
        report.breaks().forEach(found -> byKind.merge(found.kind(), 1, Integer::sum));
        int unexpected = 0;
        for (Map.Entry<ReconciliationBreak.Kind, Integer> entry : byKind.entrySet()) {
            boolean expected = trouble.explains(entry.getKey());
            if (!expected) unexpected += entry.getValue();
            out.printf(Locale.ROOT, "  %-40s %,5d  %s%n", entry.getKey().name().toLowerCase(Locale.ROOT),
                    entry.getValue(), expected ? "expected: caused by the injected issuer faults" : "UNEXPECTED");
        }
        for (ReconciliationBreak found : report.breaks()) {
            if (trouble.explains(found.kind())) continue;
            out.printf("    %s %s: corridor %s; issuer %s; %s%n", found.retrievalReference(), found.authorizationId(),
                    found.corridorShows(), found.issuerShows(), found.cause());
        }
        return unexpected;
    }
}
