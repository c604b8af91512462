package org.corridor.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * After the run, reads the balances back through the API and checks that no cent was lost or invented: the
 * customers' balances fell by exactly what was captured, the merchant holds the captures less the fees, the
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
        long[] customers = customerSums(connections, parties);
        JsonNode merchant;
        JsonNode operator;
        JsonNode walletProvider;
        try (ApiHttp http = connections.open()) {
            merchant = usd(http.get("/v1/account", parties.merchantKey()).expectOk("reading the merchant"));
            operator = usd(http.get("/v1/account", parties.operatorKey()).expectOk("reading the operator"));
            walletProvider = usd(http.get("/v1/account", parties.walletProviderKey())
                    .expectOk("reading the wallet provider"));
        }
        return List.of(
                new Line("customers' balances (top-ups less captures)", customers[0], topUps - captured),
                new Line("customers' funds reserved, not captured", customers[1], load.reservedMinor()),
                new Line("merchant's balance (captures less fees)", merchant.path("posted").asLong(), captured - fees),
                new Line("merchant's pending credits", merchant.path("credits_pending").asLong(), load.reservedMinor()),
                new Line("operator's fee income", operator.path("posted").asLong(), fees),
                new Line("wallet provider's funding (minus the top-ups)", walletProvider.path("posted").asLong(),
                        -topUps));
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
                            JsonNode balance = usd(http.get("/v1/customers/" + ids.get(i), parties.walletProviderKey())
                                    .expectOk("reading a customer"));
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

    /** The USD entry of an object's {@code balances}. */
    private static JsonNode usd(JsonNode object) {
        for (JsonNode balance : object.path("balances")) {
            if ("USD".equals(balance.path("currency").asString())) return balance;
        }
        throw new IllegalStateException("no USD balance in " + object);
    }
}
