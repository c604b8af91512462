package org.corridor.app.bench;

import java.util.Locale;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/** What a card run measured, whether it passed (errors within bounds, the three books agreeing), and its printing. */
record CardFigures(boolean passed, CardPaymentLoad.Result load, long errors, CardLedgerCheck.Report check) {
    /** Mismatched banks printed in full; the rest are only counted. */
    static final int MISMATCHES_SHOWN_MAX = 10;

    /** How the run was set up, for the JSON line. */
    record Run(String store, String http, int clients, int cards, int banks, boolean declines, int durationSeconds) {}

    static CardFigures failed() {
        return new CardFigures(false, null, 0, null);
    }

    static void report(CardPaymentLoad.Result load, ApiErrors errors) {
        System.err.printf(Locale.ROOT, "  %,d authorizations in %.2f s = %,.0f authorizations/s (%,.0f requests/s); "
                + "%,d approved (%.1f %%), %,d declined%n", load.measured(), load.measuredNanos() / 1e9,
                load.authorizationsPerSecond(), load.authorizationsPerSecond() * CardBenchCommand.REQUESTS_PER_AUTHORIZATION,
                load.approved(), 100 * load.approvedRatio(), load.declined());
        load.declinesByCode().forEach((code, count) -> System.err.printf(Locale.ROOT, "    declined %-28s %,d%n",
                code, count));
        printLatency("authorization (confirm)", load.confirmNanos());
        printLatency("create intent", load.createNanos());
        System.err.printf(Locale.ROOT, "  %,d authorizations in all (warm-up included), %,d errors, %,d unknown%n",
                load.authorizations(), errors.count(), load.unknown());
        errors.examples().forEach(example -> System.err.println("    " + example));
    }

    private static void printLatency(String what, Histogram nanos) {
        System.err.printf(Locale.ROOT, "  %-24s p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
                what + ":", millis(nanos, 50), millis(nanos, 90), millis(nanos, 99), millis(nanos, 99.9),
                nanos.getMaxValue() / 1e6);
    }

    static double millis(Histogram nanos, double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1e6;
    }

    /** Prints the ledger check's outcome; true when it holds. */
    static boolean reportCheck(CardLedgerCheck.Report check, CardPaymentLoad.Result load) {
        long corridor = 0;
        long issuers = 0;
        long clients = 0;
        for (CardLedgerCheck.Line line : check.lines()) {
            corridor += line.corridorPendingMinor();
            issuers += line.issuerHeldMinor();
            clients += line.clientsApprovedMinor();
        }
        System.err.printf(Locale.ROOT, "  ledger check over %d banks (minor units, summed across currencies only for "
                + "show): Corridor's pending issuer debits %,d, the simulator's holds %,d, the clients' approvals %,d%n",
                check.banksChecked(), corridor, issuers, clients);
        check.mismatched().stream().limit(MISMATCHES_SHOWN_MAX).forEach(line -> System.err.printf(Locale.ROOT,
                "    MISMATCH %s: Corridor %,d, issuer %,d, clients %,d%n", line.bankId(), line.corridorPendingMinor(),
                line.issuerHeldMinor(), line.clientsApprovedMinor()));
        if (load.unknown() > 0) {
            System.err.printf(Locale.ROOT, "    %,d authorizations got no answer: the clients cannot account for them%n",
                    load.unknown());
        }
        if (check.holds()) System.err.println("  ledger check: every bank's reservations equal its holds");
        return check.holds();
    }

    String json(Run run) {
        String declines = load.declinesByCode().entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        return String.format(Locale.ROOT, "{\"bench\":\"cards\",\"store\":\"%s\",\"http\":\"%s\",\"simulator\":"
                + "\"in-process\",\"clients\":%d,\"cards\":%d,\"banks\":%d,\"declines\":\"%s\",\"duration_s\":%d,"
                + "\"authorizations\":%d,\"auths_per_s\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"p999_ms\":%.2f,"
                + "\"create_p50_ms\":%.2f,\"create_p99_ms\":%.2f,\"approved\":%.4f,\"declined\":%s,"
                + "\"ledger_check\":\"%s\",\"errors\":%d}",
                run.store(), run.http(), run.clients(), run.cards(), run.banks(), run.declines() ? "banks" : "none",
                run.durationSeconds(), load.measured(), load.authorizationsPerSecond(), millis(load.confirmNanos(), 50),
                millis(load.confirmNanos(), 99), millis(load.confirmNanos(), 99.9), millis(load.createNanos(), 50),
                millis(load.createNanos(), 99), load.approvedRatio(), declines, check.holds() ? "ok" : "mismatch",
                errors);
    }
}
