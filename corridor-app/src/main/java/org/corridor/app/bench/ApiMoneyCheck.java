package org.corridor.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * After the run, reads the balances back through the API and checks that no cent was lost or invented: the
 * customers' balances fell by exactly what was captured (in their own currency, what each capture's conversion
 * showed), the merchant holds the captures less the fees, the
 * operator holds the fees, and the wallet provider's funding account shows every top-up. The expected
 * figures come from the clients' own counts, never from the server.
 */
final class ApiMoneyCheck {
    /** Clients reading customers' balances at once. */
    static final int READ_CLIENTS = 16;

    /** One comparison: a sum read from the API against the sum the clients expect. */
    record Line(String what, long seen, long expected) {
        boolean holds() {
            return seen == expected;
        }
    }

    private ApiMoneyCheck() {}

    static List<Line> check(ApiConnections connections, ApiParties parties, ApiPaymentLoad.Result load)
            throws Exception {
        long topUps = parties.topUpTotalMinor();
        long captured = load.capturedMinor();
        long fees = load.feesMinor();
        String shopper = parties.shopperCurrency();
        long[] customers = customerSums(connections, parties);
        JsonNode merchant;
        JsonNode operator;
        JsonNode walletProvider;
        JsonNode fxProvider = null;
        try (ApiHttp http = connections.open()) {
            merchant = http.get("/v1/account", parties.merchantKey()).expectOk("reading the merchant");
            operator = http.get("/v1/account", parties.operatorKey()).expectOk("reading the operator");
            walletProvider = http.get("/v1/account", parties.walletProviderKey()).expectOk("reading the wallet provider");
            if (parties.converts()) {
                fxProvider = http.get("/v1/account", parties.fxProviderKey()).expectOk("reading the FX provider");
            }
        }
        List<Line> lines = new ArrayList<>(List.of(
                new Line("customers' balances (top-ups less captures), " + shopper, customers[0],
                        topUps - load.shopperPaidMinor()),
                new Line("customers' funds reserved, not captured, " + shopper, customers[1],
                        load.shopperReservedMinor()),
                new Line("merchant's balance (captures less fees), USD", posted(merchant, "USD"), captured - fees),
                new Line("operator's fee income, USD", posted(operator, "USD"), fees),
                new Line("wallet provider's funding (minus the top-ups), " + shopper, posted(walletProvider, shopper),
                        -topUps)));
        if (parties.converts()) {
            lines.add(new Line("FX provider's USD position (minus the captures)", posted(fxProvider, "USD"), -captured));
            // What the shoppers paid reached the provider, less the rounding residue made whole for the house: under
            // one minor unit a payment, so the gap is at most the number of captures.
            long gap = load.shopperPaidMinor() - posted(fxProvider, shopper);
            lines.add(new Line("FX provider's " + shopper + " position within the residue of the captures, " + shopper,
                    gap >= 0 && gap < Math.max(1, load.payments()) ? 0 : gap, 0));
        } else {
            lines.add(new Line("merchant's pending credits, USD", balance(merchant, "USD").path("credits_pending").asLong(),
                    load.reservedMinor()));
        }
        return lines;
    }

    private static long posted(JsonNode object, String currency) {
        return balance(object, currency).path("posted").asLong();
    }

    /** The sum of the customers' posted balances and of their pending debits. */
    private static long[] customerSums(ApiConnections connections, ApiParties parties) throws Exception {
        List<String> ids = parties.customerIds();
        List<Future<long[]>> parts = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int reader = 0; reader < READ_CLIENTS; reader++) {
                int first = reader;
                parts.add(executor.submit(() -> {
                    long[] sums = new long[2];
                    try (ApiHttp http = connections.open()) {
                        for (int i = first; i < ids.size(); i += READ_CLIENTS) {
                            JsonNode balance = balance(http.get("/v1/customers/" + ids.get(i),
                                    parties.walletProviderKey()).expectOk("reading a customer"), parties.shopperCurrency());
                            sums[0] = Math.addExact(sums[0], balance.path("posted").asLong());
                            sums[1] = Math.addExact(sums[1], balance.path("debits_pending").asLong());
                        }
                    }
                    return sums;
                }));
            }
            long[] total = new long[2];
            for (Future<long[]> part : parts) {
                total[0] = Math.addExact(total[0], part.get()[0]);
                total[1] = Math.addExact(total[1], part.get()[1]);
            }
            return total;
        }
    }

    /** The {@code currency} entry of an object's {@code balances}. */
    private static JsonNode balance(JsonNode object, String currency) {
        for (JsonNode balance : object.path("balances")) {
            if (currency.equals(balance.path("currency").asString())) return balance;
        }
        throw new IllegalStateException("no " + currency + " balance in " + object);
    }
}
