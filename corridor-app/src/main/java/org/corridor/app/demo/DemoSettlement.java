package org.corridor.app.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Closes and settles every open settlement window through the API, as the operator would at the end of a business
 * day, and prints each currency's window: how many participants it nets, what is paid out and what is paid in.
 */
final class DemoSettlement {
    /** One settled window, as its report totals it. */
    record Settled(String id, String currency, int participants, long payouts, long payIns) {}

    private DemoSettlement() {}

    /**
     * Closes and settles the open window of each of {@code currencies} (opening it first if none is: a currency's first
     * window covers its ledger from the start); returns the windows that netted anything.
     */
    static List<Settled> closeAndSettle(DemoApi api, String operatorKey, Collection<String> currencies)
            throws IOException {
        List<Settled> settled = new ArrayList<>();
        for (String currency : currencies) {
            String id = api.setUp("opening the " + currency + " settlement window", operatorKey,
                    "/v1/settlement_windows", "currency", currency).path("id").asString();
            api.setUp("closing settlement window " + id, operatorKey, "/v1/settlement_windows/" + id + "/close");
            JsonNode done = api.setUp("settling settlement window " + id, operatorKey,
                    "/v1/settlement_windows/" + id + "/settle");
            if (done.path("participants").asLong() == 0) continue;
            settled.add(new Settled(id, currency, done.path("participants").asInt(), done.path("payouts").asLong(),
                    done.path("pay_ins").asLong()));
        }
        return settled;
    }

    static void print(PrintWriter out, List<Settled> settled) {
        out.println("Settlement: each currency's window closed and settled (multilateral net, one transfer per"
                + " participant against the settlement account):");
        for (Settled window : settled) {
            out.printf(Locale.ROOT, "  %s  %3d participants  paid out %16s  paid in %16s%n", window.currency(),
                    window.participants(), DemoAmounts.format(window.payouts(), window.currency()),
                    DemoAmounts.format(window.payIns(), window.currency()));
        }
    }
}
