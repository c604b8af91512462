package org.corridor.app.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corridor.api.ApiServer;
import org.corridor.api.Route;
import org.corridor.api.contract.OpenApiDocument;
import org.corridor.app.api.MovableClock;
import org.corridor.app.api.TestNode;
import org.corridor.core.webhook.EventTypes;
import org.corridor.gateway.issuer.IssuerLinkSettings;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.IssuerSimulatorSettings;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.corridor.sim.wallet.UnpredictableNumbers;
import org.corridor.vault.cryptogram.TokenKey;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The document describes what the server really answers. A real node (the whole switch on a fresh SQLite file
 * or PostgreSQL schema) is driven through every version 1 route, as an operator, a wallet provider and a
 * merchant would drive it; every answer must be a status the operation documents, carry the headers that
 * response documents (and no undocumented ones), and have a body its schema accepts. The request bodies sent
 * are checked against the documented request schemas too, and so is every webhook the walk caused, as a real
 * endpoint received it: its body against the documented event, its headers against the documented ones.
 */
@Timeout(120)
class ApiWalkContractTest {
    private static final OpenApiDocument DOCUMENT = OpenApiDocument.load();
    private static final SchemaCheck SCHEMAS = new SchemaCheck(DOCUMENT);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(40);
    /** Headers whose presence a response documents; any other header is HTTP's own business. */
    private static final Set<String> API_HEADERS = Set.of("Request-Id", "Idempotent-Replayed", "Retry-After", "Allow");

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CALL_TIMEOUT).build();
    /** The statuses each documented route answered during the test. */
    private final Map<Route, Set<Integer>> answered = new TreeMap<>();
    /** The API of the node under test. */
    private ApiServer server;
    /** The issuing banks the node's card requests go to. */
    private IssuerSimulator simulator;

    static Stream<String> stores() {
        return TestStores.kinds();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void everyVersionedRouteAnswersAsDocumented(String store) throws InterruptedException {
        MovableClock clock = new MovableClock();
        try (IssuerSimulator simulator = IssuerSimulator.start(IssuerSimulatorSettings.forTests(3), InstantSource.system());
                TestNode node = TestNode.withCardRails(store, directory, simulator.address(),
                        IssuerLinkSettings.defaults(), clock);
                Endpoint endpoint = new Endpoint()) {
            server = node.node().api();
            this.simulator = simulator;
            walk(node.operatorKey, clock, endpoint);
        } catch (IOException cannotListen) {
            throw new UncheckedIOException(cannotListen);
        }
    }

    private void walk(String operator, MovableClock clock, Endpoint receiver) throws InterruptedException {
        call("GET", "/v1/account").key(operator).expect(200);

        // Onboarding, and what a retry with an Idempotency-Key gets.
        String walletRequest = """
                {"role":"wallet_provider","name":"Kijani Wallet","country":"KE","settlement_currency":"usd",
                 "currencies":["USD","KES"],"payout_account":"KE-001-778","metadata":{"tier":"gold"}}""";
        Answer wallet = call("POST", "/v1/participants").key(operator).idempotencyKey("onboard-kijani")
                .body(walletRequest).expect(200);
        Answer replay = call("POST", "/v1/participants").key(operator).idempotencyKey("onboard-kijani")
                .body(walletRequest).expect(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(wallet.body());
        Answer reused = call("POST", "/v1/participants").key(operator).idempotencyKey("onboard-kijani")
                .body(walletRequest.replace("Kijani", "Other")).expect(422);
        assertThat(reused.json().at("/error/type").asString()).isEqualTo("idempotency_error");
        String walletId = wallet.json().get("id").asString();
        String merchantId = call("POST", "/v1/participants").key(operator).body("""
                {"role":"merchant","name":"Duka Online","country":"DE","settlement_currency":"EUR",
                 "currencies":["EUR","USD"],"merchant_category_code":"5411","payout_account":"DE89370400440532013000",
                 "fee_basis_points":290}""").expect(200).json().get("id").asString();
        call("POST", "/v1/participants").key(operator).body("""
                {"role":"issuer","name":"Bank","country":"US","settlement_currency":"USD","currencies":["USD"],
                 "merchant_category_code":"6011"}""").expectRefusedBySchema(400);
        assertThat(call("GET", "/v1/participants").query("limit", "2").key(operator).expect(200).json()
                .get("has_more").booleanValue()).isTrue();
        assertThat(call("GET", "/v1/participants").query("role", "merchant").key(operator).expect(200).json()
                .get("data").size()).isEqualTo(1);
        call("GET", "/v1/participants").query("limit", "0").key(operator).expect(400);
        call("GET", "/v1/participants").query("colour", "red").key(operator).expect(400);
        assertThat(call("GET", "/v1/participants/{id}").path(merchantId).key(operator).expect(200).json()
                .get("balances").size()).isEqualTo(2);
        call("GET", "/v1/participants/{id}").path("acct_nobody").key(operator).expect(404);

        // Keys: issued by the operator for each participant, then by a participant for itself.
        String walletKey = call("POST", "/v1/participants/{id}/api_keys").path(walletId).key(operator)
                .body("{\"name\":\"wallet server\"}").expect(200).json().get("secret").asString();
        String merchantKey = call("POST", "/v1/participants/{id}/api_keys").path(merchantId).key(operator)
                .expect(200).json().get("secret").asString();
        call("POST", "/v1/participants/{id}/api_keys").path("acct_nobody").key(operator).expect(404);
        call("GET", "/v1/participants").key(merchantKey).expect(403);
        call("GET", "/v1/account").expect(401);
        call("GET", "/v1/account").key(merchantKey).expect(200);
        Answer spare = call("POST", "/v1/api_keys").key(walletKey).body("{\"name\":\"spare\"}").expect(200);
        call("GET", "/v1/api_keys").key(walletKey).expect(200);
        assertThat(call("POST", "/v1/api_keys/{id}/revoke").path(spare.json().get("id").asString()).key(walletKey)
                .expect(200).json().get("status").asString()).isEqualTo("revoked");
        call("GET", "/v1/account").key(spare.json().get("secret").asString()).expect(401);

        // The wallet provider hears of its top-ups; the merchant of everything (both at the same real endpoint).
        call("POST", "/v1/webhook_endpoints").key(walletKey).body("{\"url\":\"%s\",\"enabled_events\":[\"%s\"]}"
                .formatted(receiver.url(), EventTypes.CUSTOMER_TOPPED_UP)).expect(200);
        Answer endpoint = call("POST", "/v1/webhook_endpoints").key(merchantKey)
                .body("{\"url\":\"%s\",\"enabled_events\":[\"*\"]}".formatted(receiver.url())).expect(200);
        String endpointId = endpoint.json().get("id").asString();
        call("GET", "/v1/webhook_endpoints").key(merchantKey).expect(200);
        call("GET", "/v1/webhook_endpoints/{id}").path(endpointId).key(merchantKey).expect(200);
        assertThat(call("POST", "/v1/webhook_endpoints/{id}/rotate_secret").path(endpointId).key(merchantKey)
                .expect(200).json().get("secret")).isNotEqualTo(endpoint.json().get("secret"));
        call("POST", "/v1/webhook_endpoints").key(merchantKey)
                .body("{\"url\":\"ftp://duka.example\",\"enabled_events\":[\"refund.created\"]}").expect(400);

        // A wallet provider's customer, funded by a top-up.
        String customerId = call("POST", "/v1/customers").key(walletKey)
                .body("{\"name\":\"Amina\",\"currencies\":[\"usd\"],\"metadata\":{\"phone\":\"+254700000001\"}}")
                .expect(200).json().get("id").asString();
        call("POST", "/v1/customers").key(walletKey).body("{\"currencies\":[\"USD\"],\"colour\":\"red\"}")
                .expectRefusedBySchema(400);
        call("POST", "/v1/customers").key(merchantKey).body("{\"currencies\":[\"USD\"]}").expect(403);
        call("GET", "/v1/customers").key(walletKey).expect(200);
        call("POST", "/v1/customers/{id}/top_ups").path(customerId).key(walletKey)
                .body("{\"amount\":100000,\"currency\":\"usd\"}").expect(200);
        call("POST", "/v1/customers/{id}/top_ups").path(customerId).key(walletKey)
                .body("{\"amount\":100,\"currency\":\"EUR\"}").expect(400);
        call("POST", "/v1/customers/{id}/top_ups").path(customerId).key(walletKey)
                .body("{\"amount\":0,\"currency\":\"USD\"}").expectRefusedBySchema(400);
        assertThat(call("GET", "/v1/customers/{id}").path(customerId).key(walletKey).expect(200).json()
                .at("/balances/0/available").longValue()).isEqualTo(100_000);
        call("GET", "/v1/customers/{id}").path(customerId).key(merchantKey).expect(404);

        // Automatic capture: created by the merchant, confirmed by the shopper's wallet provider.
        JsonNode paid = call("POST", "/v1/payment_intents").key(merchantKey).body("""
                {"amount":2500,"currency":"usd","description":"Order 1001","metadata":{"order":"1001"}}""")
                .expect(200).json();
        assertThat(paid.get("status").asString()).isEqualTo("requires_payment_method");
        String paidId = paid.get("id").asString();
        call("GET", "/v1/payment_intents/{id}").path(paidId).key(walletKey).expect(404);
        JsonNode succeeded = call("POST", "/v1/payment_intents/{id}/confirm").path(paidId).key(walletKey)
                .body(confirmation(customerId, paid.get("client_secret").asString())).expect(200).json();
        assertThat(succeeded.get("status").asString()).isEqualTo("succeeded");
        assertThat(succeeded.get("fee_amount").longValue()).isEqualTo(73); // 2.9 % of 2500, rounded half up

        // Manual capture, with the method given at creation; a partial capture.
        JsonNode reserved = call("POST", "/v1/payment_intents").key(merchantKey).body("""
                {"amount":4000,"currency":"USD","capture_method":"manual",
                 "payment_method":{"type":"customer_balance","customer":"%s"}}""".formatted(customerId))
                .expect(200).json();
        assertThat(reserved.get("status").asString()).isEqualTo("requires_confirmation");
        String reservedId = reserved.get("id").asString();
        call("POST", "/v1/payment_intents").key(merchantKey).body("""
                {"amount":4000,"currency":"USD","payment_method":{"type":"customer_balance","customer":"%s"},
                 "confirm":true}""".formatted(customerId)).expectRefusedBySchema(400);
        assertThat(call("POST", "/v1/payment_intents/{id}/confirm").path(reservedId).key(walletKey)
                .body("{\"client_secret\":\"%s\"}".formatted(reserved.get("client_secret").asString()))
                .expect(200).json().get("status").asString()).isEqualTo("requires_capture");
        JsonNode captured = call("POST", "/v1/payment_intents/{id}/capture").path(reservedId).key(merchantKey)
                .body("{\"amount_to_capture\":3000}").expect(200).json();
        assertThat(captured.get("amount_received").longValue()).isEqualTo(3000);
        call("POST", "/v1/payment_intents/{id}/capture").path(reservedId).key(merchantKey).expect(409);

        // A decline, then a cancellation.
        JsonNode tooDear = call("POST", "/v1/payment_intents").key(merchantKey)
                .body("{\"amount\":999999,\"currency\":\"USD\"}").expect(200).json();
        String tooDearId = tooDear.get("id").asString();
        JsonNode declined = call("POST", "/v1/payment_intents/{id}/confirm").path(tooDearId).key(walletKey)
                .body(confirmation(customerId, tooDear.get("client_secret").asString())).expect(402).json();
        assertThat(declined.at("/error/payment_intent/status").asString()).isEqualTo("requires_payment_method");
        assertThat(call("POST", "/v1/payment_intents/{id}/cancel").path(tooDearId).key(merchantKey)
                .body("{\"cancellation_reason\":\"abandoned\"}").expect(200).json().get("cancellation_reason")
                .asString()).isEqualTo("abandoned");
        call("POST", "/v1/payment_intents/{id}/cancel").path(tooDearId).key(merchantKey).expect(409);
        call("POST", "/v1/payment_intents/{id}/cancel").path(tooDearId).key(merchantKey)
                .body("{\"cancellation_reason\":\"bored\"}").expectRefusedBySchema(400);

        // Refunds.
        String refundId = call("POST", "/v1/refunds").key(merchantKey).body("""
                {"payment_intent":"%s","amount":500,"reason":"requested_by_customer","metadata":{"ticket":"77"}}"""
                .formatted(paidId)).expect(200).json().get("id").asString();
        call("POST", "/v1/refunds").key(merchantKey).body("{\"payment_intent\":\"%s\",\"amount\":2001}"
                .formatted(paidId)).expect(400);
        call("POST", "/v1/refunds").key(merchantKey).body("{\"payment_intent\":\"%s\"}".formatted(tooDearId))
                .expect(409);
        call("GET", "/v1/refunds").query("payment_intent", paidId).key(merchantKey).expect(200);
        call("GET", "/v1/refunds/{id}").path(refundId).key(merchantKey).expect(200);
        assertThat(call("GET", "/v1/payment_intents/{id}").path(paidId).key(merchantKey).expect(200).json()
                .get("amount_refunded").longValue()).isEqualTo(500);
        assertThat(call("GET", "/v1/payment_intents").query("status", "succeeded").key(merchantKey).expect(200)
                .json().get("data").size()).isEqualTo(2);

        // Foreign exchange, while the node's rates are fresh: the clock moves on below.
        walkForeignExchange(operator, walletKey, merchantKey, customerId);

        // A reservation left uncaptured past its 7 days: the node's clock moves on 8 days.
        JsonNode forgotten = call("POST", "/v1/payment_intents").key(merchantKey)
                .body("{\"amount\":1000,\"currency\":\"USD\",\"capture_method\":\"manual\"}").expect(200).json();
        String forgottenId = forgotten.get("id").asString();
        call("POST", "/v1/payment_intents/{id}/confirm").path(forgottenId).key(walletKey)
                .body(confirmation(customerId, forgotten.get("client_secret").asString())).expect(200);
        clock.advance(Duration.ofDays(8));
        // 409 either way: authorization_expired, or unexpected_state if the sweeper canceled it first.
        call("POST", "/v1/payment_intents/{id}/capture").path(forgottenId).key(merchantKey).expect(409);
        assertThat(call("GET", "/v1/payment_intents/{id}").path(forgottenId).key(merchantKey).expect(200).json()
                .get("cancellation_reason").asString()).isEqualTo("expired");

        walkCardRails(operator, walletKey, merchantId, merchantKey, receiver);
        walkInteroperability(walletId, walletKey, merchantId, merchantKey);
        walkQrCodes(walletKey, merchantKey, customerId);
        walkWalletMoves(walletKey, merchantKey, customerId);
        walkEscrows(operator, walletKey, merchantId, merchantKey, customerId, clock, receiver);
        walkKycTiers(walletKey, merchantKey);
        walkSettlement(operator, walletId, merchantKey);

        // Events and their deliveries.
        JsonNode events = call("GET", "/v1/events").key(merchantKey).query("limit", "100").expect(200).json();
        assertThat(events.get("data").size()).isGreaterThan(5);
        call("GET", "/v1/events").key(merchantKey).query("delivery_status", "pending")
                .query("type", "payment_intent.succeeded").expect(200);
        String eventId = events.at("/data/0/id").asString();
        call("GET", "/v1/events/{id}").path(eventId).key(merchantKey).expect(200);
        call("POST", "/v1/events/{id}/redeliver").path(eventId).key(merchantKey).expect(200);
        JsonNode walletEvents = call("GET", "/v1/events").key(walletKey).query("limit", "100").expect(200).json();

        Set<String> eventIds = new TreeSet<>();
        for (JsonNode listed : List.of(events, walletEvents)) {
            listed.get("data").forEach(event -> eventIds.add(event.get("id").asString()));
        }
        List<Endpoint.Delivered> deliveries = receiver.await(eventIds);
        Set<String> typesDelivered = new TreeSet<>();
        for (Endpoint.Delivered delivery : deliveries) {
            checkWebhook(delivery);
            typesDelivered.add(JSON.readTree(delivery.body()).get("type").asString());
        }
        assertThat(typesDelivered).as("the event types the walk had delivered").containsAll(EventTypes.KNOWN);

        call("DELETE", "/v1/webhook_endpoints/{id}").path(endpointId).key(merchantKey).expect(200);
        call("DELETE", "/v1/webhook_endpoints/{id}").path(endpointId).key(merchantKey).expect(404);

        List<Route> unanswered = new ArrayList<>();
        for (OpenApiDocument.Operation operation : DOCUMENT.operations()) {
            if (operation.path().startsWith(ApiServer.VERSION_PREFIX + "/")
                    && !answered.getOrDefault(operation.route(), Set.of()).contains(200)) {
                unanswered.add(operation.route());
            }
        }
        assertThat(unanswered).as("documented routes this walk never saw succeed; extend the walk").isEmpty();
    }

    /** Device tokens: an issuer with its BINs, enrolment, the lifecycle, a tap, and the merchant's authorizations. */
    private void walkCardRails(String operator, String walletKey, String merchantId, String merchantKey, Endpoint receiver) {
        SimulatedBank bank = simulator.banks().all().stream()
                .filter(b -> b.currency().getCurrencyCode().equals("USD")).findFirst().orElseThrow();
        simulator.banks().setDeclinePerMille(bank.id(), 0);
        call("POST", "/v1/participants").key(operator).body("""
                {"role":"issuer","name":"%s","country":"US","settlement_currency":"USD","currencies":["USD"],
                 "bin_prefixes":["%s"]}""".formatted(bank.name(), bank.bins().getFirst())).expect(200);
        call("POST", "/v1/participants").key(operator).body("""
                {"role":"issuer","name":"Copy","country":"US","settlement_currency":"USD","currencies":["USD"],
                 "bin_prefixes":["%s"]}""".formatted(bank.bins().getFirst())).expect(409);
        call("POST", "/v1/webhook_endpoints").key(walletKey).body("{\"url\":\"%s\",\"enabled_events\":[\"token.created\",\"token.updated\",\"wallet_transfer.created\",\"withdrawal.created\"]}"
                .formatted(receiver.url())).expect(200);

        String card = simulator.banks().cardNumber(bank, 1);
        String enrolment = """
                {"card":{"number":"%s","exp_month":12,"exp_year":2031,"cardholder_name":"Amina Otieno"},
                 "device_id":"phone-amina","domain":"contactless"}""";
        JsonNode token = call("POST", "/v1/tokens").key(walletKey).body(enrolment.formatted(card)).expect(200).json();
        call("POST", "/v1/tokens").key(walletKey).body(enrolment.formatted(card).replace("2031", "2021")).expect(402);
        call("POST", "/v1/tokens").key(walletKey).body(enrolment.formatted(card).replace("contactless", "nfc"))
                .expectRefusedBySchema(400);
        call("POST", "/v1/tokens").key(merchantKey).body(enrolment.formatted(card)).expect(403);
        String tokenId = token.get("id").asString();
        call("GET", "/v1/tokens").key(walletKey).expect(200);
        call("GET", "/v1/tokens/{id}").path(tokenId).key(walletKey).expect(200);
        call("GET", "/v1/tokens/{id}").path(tokenId).key(merchantKey).expect(404);
        call("POST", "/v1/tokens/{id}/suspend").path(tokenId).key(walletKey).expect(200);
        call("POST", "/v1/tokens/{id}/suspend").path(tokenId).key(walletKey).expect(409);
        call("POST", "/v1/tokens/{id}/resume").path(tokenId).key(walletKey).expect(200);

        DeviceWallet phone = DeviceWallet.of("phone-amina", UnpredictableNumbers.seeded(1));
        phone.provision(tokenId, token.get("dpan").asString(), TokenDomain.CONTACTLESS,
                TokenKey.fromHex(token.get("token_key").asString()));
        String intentId = call("POST", "/v1/payment_intents").key(merchantKey)
                .body("{\"amount\":1250,\"currency\":\"USD\",\"capture_method\":\"manual\"}").expect(200).json()
                .get("id").asString();
        TokenPresentment tap = phone.present(tokenId, 1250, Currency.getInstance("USD"), merchantId, "TERM0001");
        JsonNode reserved = call("POST", "/v1/payment_intents/{id}/confirm").path(intentId).key(merchantKey)
                .body("{\"payment_method\":%s}".formatted(tap.paymentMethodJson())).expect(200).json();
        assertThat(reserved.get("status").asString()).isEqualTo("requires_capture");
        String replayedId = call("POST", "/v1/payment_intents").key(merchantKey)
                .body("{\"amount\":1250,\"currency\":\"USD\"}").expect(200).json().get("id").asString();
        assertThat(call("POST", "/v1/payment_intents/{id}/confirm").path(replayedId).key(merchantKey)
                .body("{\"payment_method\":%s}".formatted(tap.paymentMethodJson())).expect(402).json()
                .at("/error/code").asString()).isEqualTo("atc_replayed");
        call("POST", "/v1/payment_intents/{id}/capture").path(intentId).key(merchantKey).expect(200);
        String authorizationId = reserved.at("/payment_method/device_token/authorization").asString();
        call("GET", "/v1/card_authorizations").key(merchantKey).expect(200);
        call("GET", "/v1/card_authorizations/{id}").path(authorizationId).key(merchantKey).expect(200);
        call("GET", "/v1/card_authorizations/{id}").path(authorizationId).key(walletKey).expect(404);
        call("POST", "/v1/tokens/{id}/delete").path(tokenId).key(walletKey).expect(200);
    }

    /**
     * Foreign exchange: the rates, a quote the wallet provider takes for its USD shopper to pay the merchant in EUR
     * through a liquidity provider (reserved, partly captured, refunded in two parts), and a payment at the market
     * rate without a quote.
     */
    private void walkForeignExchange(String operator, String walletKey, String merchantKey, String customerId) {
        String providerId = call("POST", "/v1/participants").key(operator).body("""
                {"role":"fx_provider","name":"Liquidity","country":"SG","settlement_currency":"USD",
                 "currencies":["USD","EUR"]}""").expect(200).json().get("id").asString();
        assertThat(call("GET", "/v1/fx_rates").key(merchantKey).expect(200).json().get("data").size())
                .isEqualTo(TestNode.RATES.size());

        String quoteRequest = "{\"sell_currency\":\"usd\",\"buy_currency\":\"EUR\",\"buy_amount\":%d,"
                + "\"lifetime_seconds\":600}";
        JsonNode quote = call("POST", "/v1/fx_quotes").key(walletKey).body(quoteRequest.formatted(1500)).expect(200)
                .json();
        assertThat(quote.get("status").asString()).isEqualTo("open");
        assertThat(quote.get("liquidity_provider").asString()).isEqualTo(providerId);
        String quoteId = quote.get("id").asString();
        call("POST", "/v1/fx_quotes").key(merchantKey).body(quoteRequest.formatted(1500)).expect(403);
        call("POST", "/v1/fx_quotes").key(walletKey)
                .body("{\"sell_currency\":\"USD\",\"buy_currency\":\"EUR\",\"sell_amount\":10,\"buy_amount\":9}")
                .expectRefusedBySchema(400);
        call("POST", "/v1/fx_quotes").key(walletKey).body(quoteRequest.formatted(1500).replace("EUR", "CNY"))
                .expect(422); // no liquidity provider holds CNY
        call("POST", "/v1/fx_quotes").key(walletKey).body(quoteRequest.formatted(1500).replace("EUR", "THB"))
                .expect(422); // no rate
        call("GET", "/v1/fx_quotes").query("limit", "5").key(walletKey).expect(200);
        call("GET", "/v1/fx_quotes/{id}").path(quoteId).key(walletKey).expect(200);
        call("GET", "/v1/fx_quotes/{id}").path(quoteId).key(merchantKey).expect(404);

        // With the quote: a mismatch, a reservation in USD, a partial capture in EUR, a second use refused.
        String withQuote = """
                {"payment_method":{"type":"customer_balance","customer":"%s"},"client_secret":"%s","fx_quote":"%s"}""";
        JsonNode other = call("POST", "/v1/payment_intents").key(merchantKey)
                .body("{\"amount\":1400,\"currency\":\"EUR\"}").expect(200).json();
        call("POST", "/v1/payment_intents/{id}/confirm").path(other.get("id").asString()).key(walletKey)
                .body(withQuote.formatted(customerId, other.get("client_secret").asString(), quoteId)).expect(400);
        JsonNode intent = call("POST", "/v1/payment_intents").key(merchantKey)
                .body("{\"amount\":1500,\"currency\":\"EUR\",\"capture_method\":\"manual\"}").expect(200).json();
        String intentId = intent.get("id").asString();
        JsonNode reserved = call("POST", "/v1/payment_intents/{id}/confirm").path(intentId).key(walletKey)
                .body(withQuote.formatted(customerId, intent.get("client_secret").asString(), quoteId)).expect(200)
                .json();
        assertThat(reserved.at("/conversion/sell_amount").longValue()).isEqualTo(quote.get("sell_amount").longValue());
        assertThat(call("GET", "/v1/fx_quotes/{id}").path(quoteId).key(walletKey).expect(200).json()
                .get("payment_intent").asString()).isEqualTo(intentId);
        JsonNode again = call("POST", "/v1/payment_intents").key(merchantKey)
                .body("{\"amount\":1500,\"currency\":\"EUR\"}").expect(200).json();
        call("POST", "/v1/payment_intents/{id}/confirm").path(again.get("id").asString()).key(walletKey)
                .body(withQuote.formatted(customerId, again.get("client_secret").asString(), quoteId)).expect(409);
        JsonNode captured = call("POST", "/v1/payment_intents/{id}/capture").path(intentId).key(merchantKey)
                .body("{\"amount_to_capture\":1000}").expect(200).json();
        long paid = captured.at("/conversion/sell_amount_received").longValue();
        assertThat(paid).isPositive().isLessThan(quote.get("sell_amount").longValue());

        // Refunds back through the provider: a share, then exactly the rest.
        call("POST", "/v1/refunds").key(merchantKey).body("{\"payment_intent\":\"%s\",\"amount\":400}"
                .formatted(intentId)).expect(200);
        call("POST", "/v1/refunds").key(merchantKey).body("{\"payment_intent\":\"%s\"}".formatted(intentId))
                .expect(200);
        assertThat(call("GET", "/v1/payment_intents/{id}").path(intentId).key(merchantKey).expect(200).json()
                .at("/conversion/sell_amount_refunded").longValue()).isEqualTo(paid);

        // Without a quote: the shopper holds no EUR, so it pays from its USD at the market rate.
        JsonNode atMarket = call("POST", "/v1/payment_intents").key(merchantKey)
                .body("{\"amount\":800,\"currency\":\"EUR\"}").expect(200).json();
        JsonNode succeeded = call("POST", "/v1/payment_intents/{id}/confirm").path(atMarket.get("id").asString())
                .key(walletKey).body(confirmation(customerId, atMarket.get("client_secret").asString())).expect(200)
                .json();
        assertThat(succeeded.get("status").asString()).isEqualTo("succeeded");
        assertThat(call("GET", "/v1/fx_quotes/{id}").path(succeeded.at("/conversion/fx_quote").asString())
                .key(walletKey).expect(200).json().get("status").asString()).isEqualTo("used");
    }

    /**
     * The wallets meet: a card's token pays a QR code and tops up a balance; a balance, issued as a token by Corridor,
     * pays a card-accepting merchant.
     */
    private void walkInteroperability(String walletId, String walletKey, String merchantId, String merchantKey) {
        SimulatedBank bank = simulator.banks().all().stream()
                .filter(b -> b.currency().getCurrencyCode().equals("USD")).findFirst().orElseThrow();
        String card = simulator.banks().cardNumber(bank, 2);
        simulator.banks().openAccount(card, 100_000);
        JsonNode token = call("POST", "/v1/tokens").key(walletKey).body("""
                {"card":{"number":"%s","exp_month":12,"exp_year":2031},"device_id":"phone-zawadi","domain":"in_app"}"""
                .formatted(card)).expect(200).json();
        DeviceWallet phone = DeviceWallet.of("phone-zawadi", UnpredictableNumbers.seeded(2));
        String tokenId = token.get("id").asString();
        phone.provision(tokenId, token.get("dpan").asString(), TokenDomain.IN_APP,
                TokenKey.fromHex(token.get("token_key").asString()));
        Currency usd = Currency.getInstance("USD");

        JsonNode qr = call("POST", "/v1/qr_codes").key(merchantKey)
                .body("{\"amount\":450,\"currency\":\"USD\",\"reference\":\"table 7\"}").expect(200).json();
        String scan = "{\"payload\":%s,\"payment_method\":%s}";
        String payload = JSON.writeValueAsString(qr.get("payload").asString());
        TokenPresentment forQr = phone.present(tokenId, 450, usd, merchantId, null);
        call("POST", "/v1/qr_payments").key(walletKey).body(scan.formatted(payload, forQr.paymentMethodJson())).expect(200);
        call("POST", "/v1/qr_payments").key(walletKey).body(scan.formatted(payload,
                phone.present(tokenId, 450, usd, merchantId, null).paymentMethodJson())).expect(409);

        String customerId = call("POST", "/v1/customers").key(walletKey).body("{\"currencies\":[\"USD\"]}").expect(200)
                .json().get("id").asString();
        String topUp = "{\"amount\":%d,\"currency\":\"USD\",\"payment_method\":%s}";
        TokenPresentment forTopUp = phone.present(tokenId, 5_000, usd, walletId, null);
        JsonNode topped = call("POST", "/v1/customers/{id}/top_ups").path(customerId).key(walletKey)
                .body(topUp.formatted(5_000, forTopUp.paymentMethodJson())).expect(200).json();
        call("POST", "/v1/customers/{id}/top_ups").path(customerId).key(walletKey)
                .body(topUp.formatted(5_000, forTopUp.paymentMethodJson())).expect(402);
        call("GET", "/v1/card_authorizations/{id}").path(topped.at("/payment_method/device_token/authorization")
                .asString()).key(walletKey).expect(200);

        String issue = "{\"currency\":\"%s\",\"device_id\":\"phone-zawadi\",\"domain\":\"contactless\"}";
        JsonNode balanceToken = call("POST", "/v1/customers/{id}/tokens").path(customerId).key(walletKey)
                .body(issue.formatted("USD")).expect(200).json();
        call("POST", "/v1/customers/{id}/tokens").path(customerId).key(walletKey).body(issue.formatted("KES"))
                .expect(400);
        call("POST", "/v1/customers/{id}/tokens").path(customerId).key(merchantKey).body(issue.formatted("USD"))
                .expect(404);
        String balanceTokenId = balanceToken.get("id").asString();
        phone.provision(balanceTokenId, balanceToken.get("dpan").asString(), TokenDomain.CONTACTLESS,
                TokenKey.fromHex(balanceToken.get("token_key").asString()));
        call("GET", "/v1/tokens/{id}").path(balanceTokenId).key(walletKey).expect(200);
        for (long amount : new long[] {1_200, 9_000}) {
            String intentId = call("POST", "/v1/payment_intents").key(merchantKey)
                    .body("{\"amount\":%d,\"currency\":\"USD\"}".formatted(amount)).expect(200).json()
                    .get("id").asString();
            TokenPresentment tap = phone.present(balanceTokenId, amount, usd, merchantId, "TERM0002");
            call("POST", "/v1/payment_intents/{id}/confirm").path(intentId).key(merchantKey)
                    .body("{\"payment_method\":%s}".formatted(tap.paymentMethodJson())).expect(amount < 5_000 ? 200 : 402);
        }
    }

    /** A customer pays another customer, then takes money out of its balance. */
    /** Settlement of everything the walk moved in dollars: open, list, close, report, settle; and a net debit cap. */
    private void walkSettlement(String operator, String walletId, String merchantKey) {
        call("POST", "/v1/participants/{id}/net_debit_caps").path(walletId).key(operator)
                .body("{\"currency\":\"usd\",\"amount\":900000000}").expect(200);
        call("POST", "/v1/participants/{id}/net_debit_caps").path(walletId).key(operator)
                .body("{\"currency\":\"EUR\",\"amount\":1}").expect(400);
        String window = call("POST", "/v1/settlement_windows").key(operator).body("{\"currency\":\"usd\"}")
                .expect(200).json().get("id").asString();
        call("GET", "/v1/settlement_windows").key(operator).query("currency", "USD").query("status", "open").expect(200);
        call("GET", "/v1/settlement_windows").key(merchantKey).expect(403);
        call("GET", "/v1/settlement_windows/{id}/report").path(window).key(operator).expect(409);
        call("POST", "/v1/settlement_windows/{id}/settle").path(window).key(operator).expect(409);
        call("POST", "/v1/settlement_windows/{id}/close").path(window).key(operator).expect(200);
        call("POST", "/v1/settlement_windows/{id}/close").path(window).key(operator).expect(409);
        call("GET", "/v1/settlement_windows/{id}").path(window).key(operator).expect(200);
        call("POST", "/v1/settlement_windows/{id}/settle").path(window).key(operator).expect(200);
        call("POST", "/v1/settlement_windows/{id}/settle").path(window).key(operator).expect(409);
        assertThat(call("GET", "/v1/settlement_windows/{id}/report").path(window).key(merchantKey).expect(200).json()
                .get("lines").size()).isEqualTo(1);
        call("GET", "/v1/settlement_windows/{id}/report").path(window).key(operator).expect(200);
        call("GET", "/v1/settlement_windows/{id}/report.csv").path(window).key(operator).expect(200);
        call("GET", "/v1/settlement_windows/{id}").path("sw_unknown").key(operator).expect(404);
    }

    private void walkWalletMoves(String walletKey, String merchantKey, String customerId) {
        String friend = call("POST", "/v1/customers").key(walletKey).body("{\"name\":\"Baraka\",\"currencies\":[\"USD\"]}")
                .expect(200).json().get("id").asString();
        JsonNode sent = call("POST", "/v1/customers/{id}/transfers").path(customerId).key(walletKey)
                .body("{\"to_customer\":\"%s\",\"amount\":700,\"currency\":\"USD\",\"description\":\"lunch\"}"
                        .formatted(friend)).expect(200).json();
        assertThat(sent.get("to_customer").asString()).isEqualTo(friend);
        call("POST", "/v1/customers/{id}/transfers").path(customerId).key(walletKey)
                .body("{\"to_customer\":\"%s\",\"amount\":700,\"currency\":\"USD\"}".formatted(customerId))
                .expect(400);
        call("POST", "/v1/customers/{id}/transfers").path(friend).key(walletKey)
                .body("{\"to_customer\":\"%s\",\"amount\":701,\"currency\":\"USD\"}".formatted(customerId))
                .expect(402);
        call("POST", "/v1/customers/{id}/transfers").path(customerId).key(merchantKey)
                .body("{\"to_customer\":\"%s\",\"amount\":1,\"currency\":\"USD\"}".formatted(friend)).expect(404);
        call("POST", "/v1/customers/{id}/withdrawals").path(friend).key(walletKey)
                .body("{\"amount\":700,\"currency\":\"USD\"}").expect(200);
        call("POST", "/v1/customers/{id}/withdrawals").path(friend).key(walletKey)
                .body("{\"amount\":1,\"currency\":\"USD\"}").expect(402);

        String code = call("POST", "/v1/customers/{id}/payment_codes").path(customerId).key(walletKey).expect(200).json()
                .get("code").asString();
        call("POST", "/v1/customers/{id}/payment_codes").path(customerId).key(merchantKey).expect(404);
        call("POST", "/v1/payment_codes/charge").key(merchantKey)
                .body("{\"code\":\"%s\",\"amount\":250,\"currency\":\"USD\"}".formatted(code)).expect(200);
        call("POST", "/v1/payment_codes/charge").key(merchantKey)
                .body("{\"code\":\"%s\",\"amount\":250,\"currency\":\"USD\"}".formatted(code)).expect(409);
        call("POST", "/v1/payment_codes/charge").key(walletKey)
                .body("{\"code\":\"%s\",\"amount\":250,\"currency\":\"USD\"}".formatted(code)).expect(403);
        call("POST", "/v1/payment_codes/charge").key(merchantKey)
                .body("{\"code\":\"12\",\"amount\":250,\"currency\":\"USD\"}").expectRefusedBySchema(400);
    }

    /**
     * A marketplace order held in escrow for the merchant: released in part by the buyer's wallet provider and by the
     * marketplace, the rest refunded by a dispute; a second order released at its deadline, disputed too late.
     */
    private void walkEscrows(String operator, String walletKey, String sellerId, String sellerKey, String customerId,
            MovableClock clock, Endpoint receiver) {
        call("POST", "/v1/webhook_endpoints").key(walletKey).body("{\"url\":\"%s\",\"enabled_events\":[\"%s\",\"%s\",\"%s\"]}"
                .formatted(receiver.url(), EventTypes.ESCROW_HELD, EventTypes.ESCROW_RELEASED, EventTypes.ESCROW_REFUNDED))
                .expect(200);
        String marketplaceId = call("POST", "/v1/participants").key(operator).body("""
                {"role":"marketplace","name":"Soko","country":"KE","settlement_currency":"USD","currencies":["USD"],
                 "merchant_category_code":"5399"}""").expect(200).json().get("id").asString();
        String marketplaceKey = call("POST", "/v1/participants/{id}/api_keys").path(marketplaceId).key(operator)
                .expect(200).json().get("secret").asString();
        String order = "{\"amount\":300,\"currency\":\"USD\",\"escrow\":{\"seller\":\"%s\"%s}}";
        call("POST", "/v1/payment_intents").key(marketplaceKey).body(order.formatted("acct_nobody", "")).expect(404);
        call("POST", "/v1/payment_intents").key(marketplaceKey)
                .body(order.formatted(sellerId, ",\"release_after_seconds\":60")).expectRefusedBySchema(400);
        String[] escrows = new String[2];
        for (int i = 0; i < escrows.length; i++) {
            JsonNode intent = call("POST", "/v1/payment_intents").key(marketplaceKey)
                    .body(order.formatted(sellerId, ",\"release_after_seconds\":3600")).expect(200).json();
            String intentId = intent.get("id").asString();
            escrows[i] = call("GET", "/v1/escrows").query("payment_intent", intentId).key(marketplaceKey).expect(200)
                    .json().at("/data/0/id").asString();
            call("POST", "/v1/escrows/{id}/release").path(escrows[i]).key(marketplaceKey).expect(409);
            call("POST", "/v1/payment_intents/{id}/confirm").path(intentId).key(walletKey)
                    .body(confirmation(customerId, intent.get("client_secret").asString())).expect(200);
        }
        String escrow = escrows[0];
        assertThat(call("GET", "/v1/escrows/{id}").path(escrow).key(walletKey).expect(200).json().get("status")
                .asString()).isEqualTo("held");
        call("GET", "/v1/escrows/{id}").path(escrow).key(operator).expect(404);
        call("POST", "/v1/escrows/{id}/confirm_delivery").path(escrow).key(walletKey).body("{\"amount\":301}").expect(400);
        call("POST", "/v1/escrows/{id}/confirm_delivery").path(escrow).key(marketplaceKey).expect(404);
        call("POST", "/v1/escrows/{id}/confirm_delivery").path(escrow).key(walletKey).body("{\"amount\":100}").expect(200);
        call("POST", "/v1/escrows/{id}/release").path(escrow).key(marketplaceKey).body("{\"amount\":50}").expect(200);
        JsonNode refunded = call("POST", "/v1/escrows/{id}/dispute").path(escrow).key(walletKey).expect(200).json();
        assertThat(refunded.get("amount_refunded").longValue()).isEqualTo(150);
        call("POST", "/v1/escrows/{id}/dispute").path(escrow).key(walletKey).expect(409);
        clock.advance(Duration.ofHours(2));
        assertThat(call("POST", "/v1/escrows/{id}/dispute").path(escrows[1]).key(walletKey).expect(409).json()
                .at("/error/code").asString()).isEqualTo("escrow_deadline_passed");
        assertThat(call("GET", "/v1/escrows/{id}").path(escrows[1]).key(sellerKey).expect(200).json()
                .get("status").asString()).isEqualTo("released");
    }

    /** A wallet provider's KYC tier, a customer in it whose debits meet its limits, and the customer moved out of it. */
    private void walkKycTiers(String walletKey, String merchantKey) {
        String tier = """
                {"name":"basic","limits":{"usd":{"per_payment":5000,"daily":6000}},"cross_border_yearly_usd":5000000}""";
        call("POST", "/v1/kyc_tiers").key(walletKey).body(tier).expect(200);
        call("POST", "/v1/kyc_tiers").key(merchantKey).body(tier).expect(403);
        call("POST", "/v1/kyc_tiers").key(walletKey).body("{\"name\":\"Basic\"}").expectRefusedBySchema(400);
        call("POST", "/v1/kyc_tiers").key(walletKey).body("{\"name\":\"basic\",\"limits\":{\"USD\":{\"daily\":0}}}")
                .expectRefusedBySchema(400);
        call("GET", "/v1/kyc_tiers").key(walletKey).expect(200);
        call("GET", "/v1/kyc_tiers/{name}").path("basic").key(walletKey).expect(200);
        call("GET", "/v1/kyc_tiers/{name}").path("basic").key(merchantKey).expect(404);

        String customer = call("POST", "/v1/customers").key(walletKey)
                .body("{\"currencies\":[\"USD\"],\"kyc_tier\":\"basic\"}").expect(200).json().get("id").asString();
        call("POST", "/v1/customers").key(walletKey).body("{\"currencies\":[\"USD\"],\"kyc_tier\":\"gold\"}")
                .expect(400);
        call("POST", "/v1/customers/{id}/top_ups").path(customer).key(walletKey)
                .body("{\"amount\":10000,\"currency\":\"USD\"}").expect(200);
        call("POST", "/v1/customers/{id}/withdrawals").path(customer).key(walletKey)
                .body("{\"amount\":5001,\"currency\":\"USD\"}").expect(402);
        call("POST", "/v1/customers/{id}/withdrawals").path(customer).key(walletKey)
                .body("{\"amount\":4000,\"currency\":\"USD\"}").expect(200);
        call("POST", "/v1/customers/{id}/withdrawals").path(customer).key(walletKey)
                .body("{\"amount\":2001,\"currency\":\"USD\"}").expect(402);
        JsonNode used = call("GET", "/v1/customers/{id}").path(customer).key(walletKey).expect(200).json();
        assertThat(used.at("/limit_usage/daily/USD").longValue()).isEqualTo(4_000);
        assertThat(used.get("kyc_tier").asString()).isEqualTo("basic");
        call("POST", "/v1/customers/{id}").path(customer).key(walletKey).body("{\"kyc_tier\":\"gold\"}").expect(400);
        call("POST", "/v1/customers/{id}").path(customer).key(merchantKey).body("{\"kyc_tier\":\"\"}").expect(404);
        call("POST", "/v1/customers/{id}").path(customer).key(walletKey).body("{\"kyc_tier\":\"\"}").expect(200);
        call("POST", "/v1/customers/{id}/withdrawals").path(customer).key(walletKey)
                .body("{\"amount\":6000,\"currency\":\"USD\"}").expect(200);
    }

    /** A static and a dynamic QR code, each paid by the wallet provider for its customer. */
    private void walkQrCodes(String walletKey, String merchantKey, String customerId) {
        JsonNode fixed = call("POST", "/v1/qr_codes").key(merchantKey).body("{\"currency\":\"USD\"}").expect(200).json();
        JsonNode dynamic = call("POST", "/v1/qr_codes").key(merchantKey)
                .body("{\"amount\":300,\"currency\":\"USD\",\"reference\":\"table 4\"}").expect(200).json();
        call("POST", "/v1/qr_codes").key(merchantKey).body("{\"currency\":\"USD\",\"reference\":\"x\"}").expect(400);
        call("POST", "/v1/qr_codes").key(walletKey).body("{\"currency\":\"USD\"}").expect(403);
        call("GET", "/v1/qr_codes").key(merchantKey).expect(200);
        call("GET", "/v1/qr_codes/{id}").path(dynamic.get("id").asString()).key(merchantKey).expect(200);
        call("GET", "/v1/qr_codes/{id}").path(dynamic.get("id").asString()).key(walletKey).expect(404);
        String pay = "{\"payload\":%s,\"customer\":\"%s\"%s}";
        call("POST", "/v1/qr_payments").key(walletKey)
                .body(pay.formatted(JSON.writeValueAsString(fixed.get("payload").asString()), customerId, ""))
                .expect(400);
        call("POST", "/v1/qr_payments").key(walletKey)
                .body(pay.formatted(JSON.writeValueAsString(fixed.get("payload").asString()), customerId, ",\"amount\":150"))
                .expect(200);
        String dynamicPayload = JSON.writeValueAsString(dynamic.get("payload").asString());
        assertThat(call("POST", "/v1/qr_payments").key(walletKey).body(pay.formatted(dynamicPayload, customerId, ""))
                .expect(200).json().get("amount").longValue()).isEqualTo(300);
        call("POST", "/v1/qr_payments").key(walletKey).body(pay.formatted(dynamicPayload, customerId, "")).expect(409);
        String broken = dynamic.get("payload").asString();
        broken = broken.substring(0, broken.length() - 1) + (broken.endsWith("0") ? "1" : "0");
        call("POST", "/v1/qr_payments").key(walletKey)
                .body(pay.formatted(JSON.writeValueAsString(broken), customerId, "")).expect(400);
    }

    /** A delivery as the endpoint received it: the documented body, and the documented headers. */
    private static void checkWebhook(Endpoint.Delivered delivery) {
        OpenApiDocument.Operation webhook = DOCUMENT.webhook("event");
        JsonNode body = JSON.readTree(delivery.body());
        JsonNode schema = DOCUMENT.requestSchema(webhook).orElseThrow();
        assertThat(SCHEMAS.violations(schema, body)).as("the webhook body %s", shortened(delivery.body())).isEmpty();
        assertThat(delivery.header("Content-Type")).as("the webhook's Content-Type").startsWith("application/json");
        for (JsonNode parameter : DOCUMENT.parameters(webhook)) {
            if (!parameter.get("in").asString().equals("header")) continue;
            String name = parameter.get("name").asString();
            String value = delivery.header(name);
            if (value == null) {
                assertThat(parameter.path("required").asBoolean(false)).as("the webhook lacks header %s", name)
                        .isFalse();
                continue;
            }
            JsonNode headerSchema = parameter.get("schema");
            boolean integer = DOCUMENT.resolve(headerSchema).path("type").asString("").equals("integer")
                    && value.matches("-?[0-9]{1,30}");
            JsonNode typed = integer ? JsonNodeFactory.instance.numberNode(new BigInteger(value))
                    : JsonNodeFactory.instance.stringNode(value);
            assertThat(SCHEMAS.violations(headerSchema, typed)).as("the webhook header %s: %s", name, value).isEmpty();
        }
        assertThat(delivery.header("webhook-id")).as("webhook-id names the event sent")
                .isEqualTo(body.get("id").asString());
    }

    @Test
    void aKeyPastItsRateLimitIsToldWhenToRetry() {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory, 1)) {
            server = node.node().api();
            call("GET", "/v1/account").key(node.operatorKey).expect(200);
            Answer limited = call("GET", "/v1/account").key(node.operatorKey).expect(429);
            assertThat(limited.header("Retry-After")).isNotNull();
        }
    }

    /**
     * A 503 from a real node: another process holds the write lock of the SQLite batch log (the file beside
     * the ledger's, {@code corridor.db-batches}, where a batch becomes durable), as an operator's
     * {@code sqlite3} session inside a transaction would. The writer waits out SQLite's busy timeout, fails the
     * batch, and the caller is told to retry; once the lock is gone the retry with the same Idempotency-Key
     * runs, and a further retry replays it.
     */
    @Test
    void aRequestTheSwitchCouldNotMakeDurableIsRetriedLater() throws SQLException {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory)) {
            server = node.node().api();
            String request = """
                    {"role":"fx_provider","name":"FX","country":"SG","settlement_currency":"SGD","currencies":["SGD"]}""";
            try (Connection other = DriverManager.getConnection(node.storeUrl() + "-batches");
                    Statement statement = other.createStatement()) {
                statement.execute("BEGIN EXCLUSIVE");
                Answer unavailable = call("POST", "/v1/participants").key(node.operatorKey).idempotencyKey("fx-1")
                        .body(request).expect(503);
                assertThat(unavailable.header("Retry-After")).isEqualTo("1");
                assertThat(unavailable.json().at("/error/code").asString()).isEqualTo("switch_unavailable");
                statement.execute("ROLLBACK");
            }
            Answer retried = call("POST", "/v1/participants").key(node.operatorKey).idempotencyKey("fx-1")
                    .body(request).expect(200);
            assertThat(retried.header("Idempotent-Replayed")).isNull();
            Answer replayed = call("POST", "/v1/participants").key(node.operatorKey).idempotencyKey("fx-1")
                    .body(request).expect(200);
            assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replayed.body()).isEqualTo(retried.body());
        }
    }

    private static String confirmation(String customerId, String clientSecret) {
        return """
                {"payment_method":{"type":"customer_balance","customer":"%s"},"client_secret":"%s"}"""
                .formatted(customerId, clientSecret);
    }

    private static String shortened(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private Call call(String method, String pathTemplate) {
        return new Call(method, pathTemplate);
    }

    /** A webhook endpoint: a real HTTP server on this machine that records every request, headers and body. */
    static final class Endpoint implements AutoCloseable {
        /** One request received; header names are case-insensitive, as HTTP's are. */
        record Delivered(Map<String, List<String>> headers, String body) {
            String header(String name) {
                List<String> values = headers.get(name);
                return values == null || values.isEmpty() ? null : values.getFirst();
            }
        }

        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        private final HttpServer server;
        private final List<Delivered> received = new CopyOnWriteArrayList<>();

        Endpoint() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            }
            server.setExecutor(threads);
            server.createContext("/hooks", exchange -> {
                Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                headers.putAll(exchange.getRequestHeaders());
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Delivered(headers, body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        /** Waits until every event in {@code eventIds} was received; returns all that were (redeliveries too). */
        List<Delivered> await(Set<String> eventIds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            Set<String> missing = new TreeSet<>(eventIds);
            while (true) {
                received.forEach(delivered -> missing.remove(delivered.header("webhook-id")));
                if (missing.isEmpty()) return List.copyOf(received);
                if (System.nanoTime() > deadline) throw new AssertionError("events never delivered: " + missing);
                Thread.sleep(20);
            }
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }

    /** An answer, already checked against the document. */
    record Answer(HttpResponse<String> response, JsonNode json) {
        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    /** One request to a documented operation, built up and then sent and checked. */
    final class Call {
        private final String method;
        private final String template;
        private final Map<String, String> query = new LinkedHashMap<>();
        private String id;
        private String apiKey;
        private String idempotencyKey;
        private String body;

        Call(String method, String template) {
            this.method = method;
            this.template = template;
        }

        Call path(String value) {
            this.id = value;
            return this;
        }

        Call query(String name, String value) {
            query.put(name, value);
            return this;
        }

        Call key(String value) {
            this.apiKey = value;
            return this;
        }

        Call idempotencyKey(String value) {
            this.idempotencyKey = value;
            return this;
        }

        Call body(String json) {
            this.body = json;
            return this;
        }

        /** Sends a request the documented request schema accepts; the answer must have {@code status}. */
        Answer expect(int status) {
            if (body != null) assertThat(requestBodyViolations()).as("the request body of %s", this).isEmpty();
            return send(status);
        }

        /** Sends a body the documented request schema refuses too; the server must answer {@code status}. */
        Answer expectRefusedBySchema(int status) {
            assertThat(requestBodyViolations()).as("what the schema says of the request body of %s", this)
                    .isNotEmpty();
            return send(status);
        }

        private List<String> requestBodyViolations() {
            JsonNode schema = DOCUMENT.requestSchema(operation())
                    .orElseThrow(() -> new AssertionError(this + " documents no JSON request body"));
            return SCHEMAS.violations(schema, JSON.readTree(body));
        }

        private OpenApiDocument.Operation operation() {
            return DOCUMENT.operation(method, template)
                    .orElseThrow(() -> new AssertionError(method + " " + template + " is not documented"));
        }

        private Answer send(int status) {
            OpenApiDocument.Operation operation = operation();
            Set<String> documentedQuery = new TreeSet<>();
            for (JsonNode parameter : DOCUMENT.parameters(operation)) {
                if (parameter.get("in").asString().equals("query")) documentedQuery.add(parameter.get("name").asString());
            }
            if (status == 200) assertThat(documentedQuery).as("query parameters of %s", this).containsAll(query.keySet());

            HttpResponse<String> response = exchange();
            assertThat(response.statusCode()).as("the status of %s, answered %s", this, shortened(response.body()))
                    .isEqualTo(status);
            answered.computeIfAbsent(operation.route(), route -> new TreeSet<>()).add(status);

            JsonNode documented = DOCUMENT.response(operation, status)
                    .orElseThrow(() -> new AssertionError(this + " answered " + status + ", which it does not document"));
            JsonNode headers = documented.path("headers");
            for (String name : API_HEADERS) {
                boolean sent = response.headers().firstValue(name).isPresent();
                boolean declared = headers.has(name);
                boolean required = declared && DOCUMENT.resolve(headers.get(name)).path("required").asBoolean(false);
                assertThat(!sent || declared).as("%s answered %s with %s, which that response does not document",
                        this, status, name).isTrue();
                assertThat(!required || sent).as("%s answered %s without %s", this, status, name).isTrue();
            }
            if (documented.path("content").has("text/csv")) {
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as("the type of %s", this)
                        .startsWith("text/csv");
                return new Answer(response, null);
            }
            JsonNode json = JSON.readTree(response.body());
            JsonNode schema = OpenApiDocument.jsonSchema(documented)
                    .orElseThrow(() -> new AssertionError(this + " documents no JSON body for " + status));
            assertThat(SCHEMAS.violations(schema, json)).as("the %s answer of %s", status, this)
                    .isEmpty();
            return new Answer(response, json);
        }

        private HttpResponse<String> exchange() {
            // Every route has at most one path parameter: an object's id, or a KYC tier's name.
            String path = id == null ? template : template.replace("{id}", id).replace("{name}", id);
            StringBuilder target = new StringBuilder(path);
            String separator = "?";
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                target.append(separator).append(parameter.getKey()).append('=')
                        .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
                separator = "&";
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://" + server.host() + ":" + server.port() + target)).timeout(CALL_TIMEOUT);
            if (apiKey != null) request.header("Authorization", "Bearer " + apiKey);
            if (idempotencyKey != null) request.header("Idempotency-Key", idempotencyKey);
            if (body != null) request.header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException failed) {
                throw new UncheckedIOException(failed);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }

        @Override
        public String toString() {
            return method + " " + template + (id == null ? "" : " (" + id + ")") + (query.isEmpty() ? "" : " " + query);
        }
    }
}
