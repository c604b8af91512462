package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.corridor.api.Access;
import org.corridor.api.Route;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.IssuerSimulatorSettings;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.DeviceWallet;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import org.corridor.sim.wallet.UnpredictableNumbers;
import org.corridor.store.testing.TestStores;
import org.corridor.vault.cryptogram.TokenKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorization, generated from the server's own route table: for EVERY route that names an object, another
 * participant's object answers 404 exactly as a missing one does; every operator route answers 403 to everyone
 * else; every list shows the caller's objects only; every versioned route refuses a request without a key.
 * A new route with a path parameter fails this test until it is given an owner here.
 */
@Timeout(180)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerScopingTest {
    @TempDir
    static Path directory;

    private IssuerSimulator simulator;
    private TestNode node;
    private Http http;
    private TestNode.Party owner;
    private TestNode.Party ownerWallet;
    private TestNode.Party intruder;
    private TestNode.Party intruderWallet;
    /** Holds its orders' payments in escrow for {@link #owner}, the seller. */
    private TestNode.Party marketplace;
    /** Objects that belong to {@link #owner} or its wallet provider, by the route prefix that names them. */
    private Map<String, Function<TestNode.Party, String>> objectOf;
    private Map<String, String> owned;

    @BeforeAll
    void onboard() {
        try {
            simulator = IssuerSimulator.start(IssuerSimulatorSettings.forTests(5), InstantSource.system());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        node = TestNode.withCardRails(TestStores.SQLITE, directory, simulator.address(), CardWorld.LINK);
        http = node.http();
        owner = node.merchant(100, "USD");
        ownerWallet = node.walletProvider("USD");
        intruder = node.merchant(100, "USD");
        intruderWallet = node.walletProvider("USD");
        String customer = node.customer(ownerWallet, "USD", 1_000);
        Http.Reply intent = http.post(owner.key(), "/v1/payment_intents", Map.of("amount", 100, "currency", "USD"));
        Http.Reply paid = http.post(ownerWallet.key(), "/v1/payment_intents/" + intent.text("id") + "/confirm",
                Map.of("client_secret", intent.text("client_secret"),
                        "payment_method", Map.of("type", "customer_balance", "customer", customer)));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        Http.Reply refund = http.post(owner.key(), "/v1/refunds", Map.of("payment_intent", intent.text("id"), "amount", 1));
        Http.Reply endpoint = http.post(owner.key(), "/v1/webhook_endpoints",
                Map.of("url", "http://127.0.0.1:9/hooks", "enabled_events", List.of("*")));
        Http.Reply events = http.get(owner.key(), "/v1/events");
        Http.Reply keys = http.get(owner.key(), "/v1/api_keys");
        String[] card = tokenPayment();
        String escrow = escrowedOrder(customer);
        Http.Reply qr = http.post(owner.key(), "/v1/qr_codes", Map.of("currency", "USD"));
        Http.Reply tier = http.post(ownerWallet.key(), "/v1/kyc_tiers", Map.of("name", "verified",
                "limits", Map.of("USD", Map.of("daily", 500))));
        assertThat(tier.status()).as(tier.body()).isEqualTo(200);
        Http.Reply otherTier = http.post(intruderWallet.key(), "/v1/kyc_tiers", Map.of("name", "basic"));
        assertThat(otherTier.status()).as(otherTier.body()).isEqualTo(200);
        // A closed settlement window, whose report the owner reads its own line of (it was paid in it).
        String window = http.post(node.operatorKey, "/v1/settlement_windows", Map.of("currency", "USD")).text("id");
        assertThat(http.post(node.operatorKey, "/v1/settlement_windows/" + window + "/close", null).status()).isEqualTo(200);
        // Who owns each object, and its id: the owner, unless a wallet provider holds it.
        owned = new HashMap<>(Map.of(
                "/v1/payment_intents/", intent.text("id"),
                "/v1/refunds/", refund.text("id"),
                "/v1/webhook_endpoints/", endpoint.text("id"),
                "/v1/events/", events.json().get("data").get(0).get("id").asString(),
                "/v1/api_keys/", keys.json().get("data").get(0).get("id").asString(),
                "/v1/customers/", customer,
                "/v1/tokens/", card[0],
                "/v1/card_authorizations/", card[1],
                "/v1/qr_codes/", qr.text("id"),
                "/v1/participants/", owner.id()));
        owned.put("/v1/kyc_tiers/", "verified");
        owned.put("/v1/escrows/", escrow);
        owned.put("/v1/fx_quotes/", fxQuote());
        owned.put("/v1/settlement_windows/", window);
    }

    /** A quote the owner's wallet takes for one of its shoppers (an FX liquidity provider holds both currencies). */
    private String fxQuote() {
        node.participant(Map.of("role", "fx_provider", "name", "Liquidity", "country", "HK", "settlement_currency", "USD",
                "currencies", List.of("USD", "CNY")));
        Http.Reply quote = http.post(ownerWallet.key(), "/v1/fx_quotes",
                Map.of("sell_currency", "USD", "buy_currency", "CNY", "buy_amount", 1_000));
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        return quote.text("id");
    }

    /** A marketplace's order of the owner's goods, paid into escrow by the owner's wallet: returns the escrow. */
    private String escrowedOrder(String customer) {
        marketplace = node.participant(Map.of("role", "marketplace", "name", "Bazaar", "country", "US",
                "settlement_currency", "USD", "currencies", List.of("USD"), "merchant_category_code", "5399"));
        Http.Reply intent = http.post(marketplace.key(), "/v1/payment_intents", Map.of("amount", 100, "currency", "USD",
                "escrow", Map.of("seller", owner.id())));
        Http.Reply paid = http.post(ownerWallet.key(), "/v1/payment_intents/" + intent.text("id") + "/confirm",
                Map.of("client_secret", intent.text("client_secret"),
                        "payment_method", Map.of("type", "customer_balance", "customer", customer)));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return "esc_" + intent.text("id").substring("pi_".length());
    }

    /** The owner's wallet enrols a card and the owner is paid with it: returns the token and the authorization. */
    private String[] tokenPayment() {
        SimulatedBank bank = simulator.banks().all().stream()
                .filter(b -> b.currency().getCurrencyCode().equals("USD")).findFirst().orElseThrow();
        simulator.banks().setDeclinePerMille(bank.id(), 0);
        node.participant(Map.of("role", "issuer", "name", "Bank", "country", "US", "settlement_currency", "USD",
                "currencies", List.of("USD"), "bin_prefixes", bank.bins()));
        Http.Reply token = http.post(ownerWallet.key(), "/v1/tokens", Map.of("card", Map.of("number",
                simulator.banks().cardNumber(bank, 1), "exp_month", 12, "exp_year", 2031), "device_id", "phone",
                "domain", "in_app"));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        DeviceWallet phone = DeviceWallet.of("phone", UnpredictableNumbers.seeded(1));
        phone.provision(token.text("id"), token.text("dpan"), TokenDomain.IN_APP, TokenKey.fromHex(token.text("token_key")));
        Http.Reply intent = http.post(owner.key(), "/v1/payment_intents", Map.of("amount", 100, "currency", "USD"));
        TokenPresentment presented = phone.present(token.text("id"), 100, Currency.getInstance("USD"), owner.id(), null);
        Http.Reply paid = http.post(owner.key(), "/v1/payment_intents/" + intent.text("id") + "/confirm",
                Map.of("payment_method", presented.paymentMethodJson()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return new String[] {token.text("id"),
                paid.json().path("payment_method").path("device_token").path("authorization").asString()};
    }

    @AfterAll
    void stop() {
        try {
            node.close();
        } finally {
            simulator.close();
        }
    }

    /** The participant that owns the object a route prefix names, and the one that must not see it. */
    private TestNode.Party ownerOf(String prefix) {
        if (prefix.equals(MARKETPLACE_OBJECTS)) return marketplace;
        return WALLET_OBJECTS.contains(prefix) ? ownerWallet : owner;
    }

    private TestNode.Party intruderFor(String prefix) {
        return WALLET_OBJECTS.contains(prefix) ? intruderWallet : intruder;
    }

    /** Route prefixes of objects a wallet provider holds (customers, device tokens, quotes, KYC tiers); the rest are the merchant's. */
    private static final Set<String> WALLET_OBJECTS = Set.of("/v1/customers/", "/v1/tokens/", "/v1/fx_quotes/",
            "/v1/kyc_tiers/");
    /** The route prefix of objects a marketplace owns (escrows; their seller and buyer's wallet see them too). */
    private static final String MARKETPLACE_OBJECTS = "/v1/escrows/";

    private List<Map.Entry<Route, Access>> routes() {
        List<Map.Entry<Route, Access>> routes = new ArrayList<>(node.node().api().routeAccess().entrySet());
        routes.sort(Map.Entry.comparingByKey());
        assertThat(routes).hasSizeGreaterThan(20);
        return routes;
    }

    @Test
    void anotherParticipantsObjectIsNotFoundOnEveryRouteThatNamesOne() {
        int checked = 0;
        for (Map.Entry<Route, Access> entry : routes()) {
            Route route = entry.getKey();
            if (!template(route).contains("{id}") || entry.getValue() != Access.PARTICIPANT) continue;
            String prefix = template(route).substring(0, template(route).indexOf("{id}"));
            assertThat(owned).as("an owned object for " + route + " (add it to this test)").containsKey(prefix);
            String path = template(route).replace("{id}", owned.get(prefix));
            Http.Reply intruding = http.send(intruderFor(prefix).key(), route.method(), path, bodyFor(route), List.of());
            assertThat(intruding.status()).as(route + " by another participant: " + intruding.body()).isEqualTo(404);
            String missing = template(route).replace("{id}", prefix.replace("/v1/", "").replace("/", "") + "_missing");
            Http.Reply absent = http.send(intruderFor(prefix).key(), route.method(), missing, bodyFor(route), List.of());
            assertThat(absent.status()).as(route + " with a missing id").isEqualTo(404);
            assertThat(intruding.errorCode()).isEqualTo(absent.errorCode());
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(10);
    }

    @Test
    void theOwnerReachesItsObjectsOnEveryGetRoute() {
        for (Map.Entry<Route, Access> entry : routes()) {
            Route route = entry.getKey();
            if (!route.method().equals("GET") || !template(route).contains("{id}") || entry.getValue() != Access.PARTICIPANT) {
                continue;
            }
            String prefix = template(route).substring(0, template(route).indexOf("{id}"));
            Http.Reply reply = http.get(ownerOf(prefix).key(), template(route).replace("{id}", owned.get(prefix)));
            assertThat(reply.status()).as(route + ": " + reply.body()).isEqualTo(200);
        }
    }

    @Test
    void everyOperatorRouteIsForbiddenToOthers() {
        int checked = 0;
        for (Map.Entry<Route, Access> entry : routes()) {
            if (entry.getValue() != Access.OPERATOR) continue;
            Route route = entry.getKey();
            String path = template(route).replace("{id}", owner.id());
            for (TestNode.Party other : List.of(owner, ownerWallet)) {
                Http.Reply reply = http.send(other.key(), route.method(), path, bodyFor(route), List.of());
                assertThat(reply.status()).as(route + ": " + reply.body()).isEqualTo(403);
                assertThat(reply.errorCode()).isEqualTo("operator_only");
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyVersionedRouteNeedsAValidKey() {
        for (Map.Entry<Route, Access> entry : routes()) {
            Route route = entry.getKey();
            String path = template(route).replace("{id}", "x_1");
            Http.Reply none = http.send(null, route.method(), path, bodyFor(route), List.of());
            assertThat(none.status()).as(route.toString()).isEqualTo(401);
            assertThat(none.errorCode()).isEqualTo("api_key_missing");
            Http.Reply wrong = http.send("ck_" + "0".repeat(32) + "_" + "A".repeat(43), route.method(), path,
                    bodyFor(route), List.of());
            assertThat(wrong.status()).as(route.toString()).isEqualTo(401);
            assertThat(wrong.errorCode()).isEqualTo("api_key_invalid");
        }
    }

    @Test
    void everyListShowsTheCallersObjectsOnly() {
        for (Map.Entry<Route, Access> entry : routes()) {
            Route route = entry.getKey();
            if (!route.method().equals("GET") || template(route).contains("{") || entry.getValue() != Access.PARTICIPANT
                    || template(route).equals("/v1/account") || template(route).equals("/v1/fx_rates")) {
                // The caller's own account, and the market's rates: the same for everyone, owned by no one.
                continue;
            }
            String prefix = template(route) + "/";
            Http.Reply mine = http.get(ownerOf(prefix).key(), template(route));
            Http.Reply theirs = http.get(intruderFor(prefix).key(), template(route));
            assertThat(mine.status()).as(route.toString()).isEqualTo(200);
            assertThat(mine.json().get("data")).as(route + " lists the owner's objects").isNotEmpty();
            List<String> ownerIds = new ArrayList<>();
            mine.json().get("data").forEach(o -> ownerIds.add(o.get("id").asString()));
            theirs.json().get("data").forEach(o -> assertThat(ownerIds).as(route.toString())
                    .doesNotContain(o.get("id").asString()));
        }
    }

    @Test
    void aWalletProviderNeitherSeesNorUsesAnothersKycTiers() {
        assertThat(http.get(ownerWallet.key(), "/v1/kyc_tiers/verified").status()).isEqualTo(200);
        Http.Reply seen = http.get(intruderWallet.key(), "/v1/kyc_tiers/verified");
        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.errorCode()).isEqualTo("resource_missing");
        Http.Reply joined = http.post(intruderWallet.key(), "/v1/customers",
                Map.of("currencies", List.of("USD"), "kyc_tier", "verified"));
        assertThat(joined.status()).as(joined.body()).isEqualTo(400);
        assertThat(joined.errorCode()).isEqualTo("kyc_tier_unknown");
        String theirs = node.customer(intruderWallet, "USD", 0);
        Http.Reply moved = http.post(intruderWallet.key(), "/v1/customers/" + theirs, Map.of("kyc_tier", "verified"));
        assertThat(moved.errorCode()).isEqualTo("kyc_tier_unknown");
        // The owner defining a tier under the name the intruder uses makes a tier of its own, and leaves the other be.
        Http.Reply sameName = http.post(ownerWallet.key(), "/v1/kyc_tiers", Map.of("name", "basic",
                "limits", Map.of("USD", Map.of("yearly", 9_000))));
        assertThat(sameName.status()).as(sameName.body()).isEqualTo(200);
        Http.Reply intruders = http.get(intruderWallet.key(), "/v1/kyc_tiers/basic");
        assertThat(sameName.text("id")).isNotEqualTo(intruders.text("id"));
        assertThat(intruders.json().get("limits").isEmpty()).as("the intruder's tier is untouched").isTrue();
    }

    /** The route's path with its one path parameter, whatever it is called (a tier's {@code name}), as {@code {id}}. */
    private static String template(Route route) {
        return route.path().replace("{name}", "{id}");
    }

    /** A valid body for each POST, so that only ownership can make it fail. */
    private static String bodyFor(Route route) {
        if (!route.method().equals("POST")) return null;
        if (template(route).equals("/v1/customers/{id}")) return "{\"kyc_tier\":\"\"}";
        if (template(route).endsWith("/top_ups") || template(route).endsWith("/withdrawals")) {
            return "{\"amount\":1,\"currency\":\"USD\"}";
        }
        if (template(route).equals("/v1/customers/{id}/tokens")) {
            return "{\"currency\":\"USD\",\"device_id\":\"phone-x\",\"domain\":\"in_app\"}";
        }
        if (template(route).endsWith("/transfers")) {
            return "{\"to_customer\":\"cus_anyone\",\"amount\":1,\"currency\":\"USD\"}";
        }
        return "{}";
    }
}
