package org.corridor.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Onboards the benchmark's participants through the API, as an operator and a wallet provider would: the
 * merchant and the wallet provider with an API key each, then the customers, created and topped up by a few
 * concurrent clients. Every POST carries an idempotency key; any answer but 200 stops the benchmark.
 */
final class ApiSetup {
    /** Clients creating and topping up customers at once. */
    static final int SETUP_CLIENTS = 16;
    /** The merchant's fee: 2.9 %, so that fees are rounded and the money check covers the rounding. */
    static final int MERCHANT_FEE_BASIS_POINTS = 290;

    private ApiSetup() {}

    /**
     * Onboards everyone; with {@code shopperCurrency} other than USD, also an FX liquidity provider holding both, so
     * that the shoppers' payments to the USD merchant convert at the market rate.
     */
    static ApiParties onboard(ApiConnections connections, String operatorKey, int customers, long topUpMinor,
            String shopperCurrency) throws Exception {
        String merchantKey;
        String walletProviderKey;
        String fxProviderKey = null;
        try (ApiHttp http = connections.open()) {
            if (!shopperCurrency.equals("USD")) {
                String fxProviderId = http.post("/v1/participants", operatorKey, "setup-fx-provider",
                        "{\"role\":\"fx_provider\",\"name\":\"Bench Liquidity\",\"country\":\"HK\","
                                + "\"settlement_currency\":\"USD\",\"currencies\":[\"USD\",\"" + shopperCurrency + "\"]}")
                        .expectOk("creating the FX liquidity provider").path("id").asString();
                fxProviderKey = apiKey(http, operatorKey, fxProviderId);
            }
            String merchantId = http.post("/v1/participants", operatorKey, "setup-merchant",
                    "{\"role\":\"merchant\",\"name\":\"Bench Grocery\",\"country\":\"US\",\"settlement_currency\":\"USD\","
                            + "\"currencies\":[\"USD\"],\"merchant_category_code\":\"5411\",\"fee_basis_points\":"
                            + MERCHANT_FEE_BASIS_POINTS + "}")
                    .expectOk("creating the merchant").path("id").asString();
            merchantKey = apiKey(http, operatorKey, merchantId);
            String walletProviderId = http.post("/v1/participants", operatorKey, "setup-wallet-provider",
                    "{\"role\":\"wallet_provider\",\"name\":\"Bench Wallet\",\"country\":\"US\","
                            + "\"settlement_currency\":\"" + shopperCurrency + "\",\"currencies\":[\"" + shopperCurrency
                            + "\"]}")
                    .expectOk("creating the wallet provider").path("id").asString();
            walletProviderKey = apiKey(http, operatorKey, walletProviderId);
        }
        List<String> customerIds = customers(connections, walletProviderKey, customers, topUpMinor, shopperCurrency);
        return new ApiParties(operatorKey, merchantKey, walletProviderKey, MERCHANT_FEE_BASIS_POINTS, customerIds,
                topUpMinor, shopperCurrency, fxProviderKey);
    }

    private static String apiKey(ApiHttp http, String operatorKey, String participantId) throws Exception {
        return http.post("/v1/participants/" + participantId + "/api_keys", operatorKey, "setup-key-" + participantId,
                "{\"name\":\"bench\"}").expectOk("issuing an API key").path("secret").asString();
    }

    private static List<String> customers(ApiConnections connections, String walletProviderKey, int customers,
            long topUpMinor, String currency) throws Exception {
        String[] ids = new String[customers];
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < SETUP_CLIENTS; worker++) {
                int first = worker;
                workers.add(executor.submit(() -> {
                    try (ApiHttp http = connections.open()) {
                        for (int customer = first; customer < customers; customer += SETUP_CLIENTS) {
                            ids[customer] = customer(http, walletProviderKey, customer, topUpMinor, currency);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) worker.get();
        }
        return List.copyOf(Arrays.asList(ids));
    }

    private static String customer(ApiHttp http, String walletProviderKey, int number, long topUpMinor,
            String currency) throws Exception {
        JsonNode created = http.post("/v1/customers", walletProviderKey, "setup-customer-" + number,
                "{\"name\":\"Shopper " + number + "\",\"currencies\":[\"" + currency + "\"]}")
                .expectOk("creating a customer");
        String id = created.path("id").asString();
        http.post("/v1/customers/" + id + "/top_ups", walletProviderKey, "setup-top-up-" + number,
                "{\"amount\":" + topUpMinor + ",\"currency\":\"" + currency + "\"}").expectOk("topping up a customer");
        return id;
    }
}
