package org.corridor.app.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TestCard;
import org.corridor.sim.wallet.TestCards;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.UnpredictableNumbers;
import org.corridor.vault.cryptogram.TokenKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Onboards the card benchmark's participants through the API, as an operator and a wallet provider would:
 * every simulated bank as an issuer with its BINs, a merchant per bank currency, a wallet provider; then opens
 * each test card's account at the simulator with {@link CardBenchCommand#CARD_BALANCE_MINOR} and enrols the
 * card over {@code POST /v1/tokens} (the real path: an account verification goes to the issuer), from a few
 * concurrent clients. Any answer but 200 stops the benchmark, except the issuer's random declines of a
 * verification, which are tried again with a new key.
 */
final class CardSetup {
    /** Clients enrolling cards at once. */
    static final int SETUP_CLIENTS = 16;
    /** Enrolment attempts per card: a bank's random "05" may refuse a verification, as it may any request. */
    static final int ENROLMENT_ATTEMPTS_MAX = 5;
    /** The merchants' fee: 2 %. Captures are not part of this benchmark, so the fee is never taken. */
    static final int MERCHANT_FEE_BASIS_POINTS = 200;

    private CardSetup() {}

    static CardParties onboard(ApiConnections connections, String operatorKey, IssuerSimulator simulator, int cards,
            long seed) throws Exception {
        Map<String, String> issuers = new LinkedHashMap<>();
        Map<String, CardParties.Merchant> merchants = new LinkedHashMap<>();
        String walletProviderKey;
        try (ApiHttp http = connections.open()) {
            for (SimulatedBank bank : simulator.banks().all()) issuers.put(bank.id(), issuer(http, operatorKey, bank));
            TreeSet<String> currencies = new TreeSet<>();
            for (SimulatedBank bank : simulator.banks().all()) currencies.add(bank.currency().getCurrencyCode());
            for (String currency : currencies) merchants.put(currency, merchant(http, operatorKey, currency));
            String walletProviderId = http.post("/v1/participants", operatorKey, "setup-wallet-provider",
                    "{\"role\":\"wallet_provider\",\"name\":\"Bench Wallet\",\"country\":\"US\","
                            + "\"settlement_currency\":\"USD\",\"currencies\":[\"USD\"]}")
                    .expectOk("creating the wallet provider").path("id").asString();
            walletProviderKey = apiKey(http, operatorKey, walletProviderId);
        }
        List<TestCard> testCards = TestCards.spread(simulator.banks(), cards, bank -> true);
        for (TestCard card : testCards) {
            simulator.banks().openAccount(card.details().number(), CardBenchCommand.CARD_BALANCE_MINOR);
        }
        List<CardParties.EnrolledCard> enrolled = enrolAll(connections, walletProviderKey, testCards, seed);
        return new CardParties(operatorKey, walletProviderKey, issuers, merchants, enrolled);
    }

    private static String issuer(ApiHttp http, String operatorKey, SimulatedBank bank) throws Exception {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        String currency = bank.currency().getCurrencyCode();
        body.put("role", "issuer").put("name", bank.name()).put("country", "US").put("settlement_currency", currency);
        body.putArray("currencies").add(currency);
        bank.bins().forEach(body.putArray("bin_prefixes")::add);
        return http.post("/v1/participants", operatorKey, "setup-issuer-" + bank.id(), body.toString())
                .expectOk("onboarding issuer " + bank.id()).path("id").asString();
    }

    private static CardParties.Merchant merchant(ApiHttp http, String operatorKey, String currency) throws Exception {
        String id = http.post("/v1/participants", operatorKey, "setup-merchant-" + currency,
                "{\"role\":\"merchant\",\"name\":\"Bench Shop " + currency + "\",\"country\":\"US\","
                        + "\"settlement_currency\":\"" + currency + "\",\"currencies\":[\"" + currency + "\"],"
                        + "\"merchant_category_code\":\"5411\",\"fee_basis_points\":" + MERCHANT_FEE_BASIS_POINTS + "}")
                .expectOk("creating the " + currency + " merchant").path("id").asString();
        return new CardParties.Merchant(id, apiKey(http, operatorKey, id));
    }

    private static String apiKey(ApiHttp http, String operatorKey, String participantId) throws Exception {
        return http.post("/v1/participants/" + participantId + "/api_keys", operatorKey, "setup-key-" + participantId,
                "{\"name\":\"bench\"}").expectOk("issuing an API key").path("secret").asString();
    }

    private static List<CardParties.EnrolledCard> enrolAll(ApiConnections connections, String walletProviderKey,
            List<TestCard> cards, long seed) throws Exception {
        CardParties.EnrolledCard[] enrolled = new CardParties.EnrolledCard[cards.size()];
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < SETUP_CLIENTS; worker++) {
                int first = worker;
                workers.add(executor.submit(() -> {
                    try (ApiHttp http = connections.open()) {
                        for (int i = first; i < cards.size(); i += SETUP_CLIENTS) {
                            enrolled[i] = enrol(http, walletProviderKey, cards.get(i), i, seed);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) worker.get();
        }
        return List.copyOf(Arrays.asList(enrolled));
    }

    /** Card {@code number} on a phone of its own; even cards tap in a shop, odd ones pay in an app. */
    private static CardParties.EnrolledCard enrol(ApiHttp http, String walletProviderKey, TestCard card, int number,
            long seed) throws Exception {
        TokenDomain domain = number % 2 == 0 ? TokenDomain.CONTACTLESS : TokenDomain.IN_APP;
        DeviceWallet phone = DeviceWallet.of("bench-phone-" + number, UnpredictableNumbers.seeded(seed + number));
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.putObject("card").put("number", card.details().number()).put("exp_month", card.details().expMonth())
                .put("exp_year", card.details().expYear()).put("cardholder_name", card.details().cardholderName());
        body.put("device_id", phone.deviceId()).put("domain", domain.wireName());
        ApiReply reply = null;
        for (int attempt = 1; attempt <= ENROLMENT_ATTEMPTS_MAX; attempt++) {
            reply = http.post("/v1/tokens", walletProviderKey, "setup-token-" + number + "-" + attempt, body.toString());
            if (reply.ok()) break;
        }
        JsonNode token = reply.expectOk("enrolling card " + card);
        phone.provision(token.path("id").asString(), token.path("dpan").asString(), domain,
                TokenKey.fromHex(token.path("token_key").asString()));
        return new CardParties.EnrolledCard(card, token.path("id").asString(), phone, domain);
    }
}
