package org.corridor.app.wallet;

import java.io.IOException;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.wallet.ApiReply;
import org.corridor.sim.wallet.ApiTransport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's part of a run: every simulated bank as an issuer (unless an issuer holds its BINs already), a wallet
 * provider, and a merchant per currency, each with an API key. An issuer the API refuses with 409 or 422 is counted
 * and skipped; any other failure stops the run, since nothing after it could work.
 */
public final class Onboarding {
    /** The status of a refused duplicate. */
    static final int CONFLICT = 409;
    /** The status of a refused, well-formed request. */
    static final int UNPROCESSABLE = 422;
    /** Issuers read per page of {@code GET /v1/participants}. */
    static final int ISSUERS_PER_PAGE = 100;
    /** The most pages of issuers read: enough for the simulator's largest directory. */
    static final int ISSUER_PAGES_MAX = 1 + 5_000 / ISSUERS_PER_PAGE;
    /** The merchants' fee, in basis points. */
    static final int MERCHANT_FEE_BASIS_POINTS = 150;
    /** Grocery stores: a merchant category every network accepts for contactless and in-app payments. */
    static final String MERCHANT_CATEGORY_CODE = "5411";

    private final ApiTransport api;
    private final String operatorKey;
    private final String label;

    /**
     * An onboarding through {@code api} with the operator's key; {@code label} names what it creates ("Wallet Sim"
     * gives the wallet provider "Wallet Sim Provider" and the merchants "Wallet Sim Shop CNY", ...).
     */
    public Onboarding(ApiTransport api, String operatorKey, String label) {
        this.api = api;
        this.operatorKey = operatorKey;
        this.label = label;
    }

    /** Onboards the issuers of {@code banks}, the wallet provider, and a merchant for each of {@code currencies}. */
    public SimParties run(Collection<SimulatedBank> banks, SortedSet<Currency> currencies) throws IOException {
        Set<String> knownBins = issuerBins();
        int created = 0;
        int present = 0;
        int refused = 0;
        for (SimulatedBank bank : banks) {
            if (knownBins.containsAll(bank.bins())) {
                present++;
                continue;
            }
            ApiReply reply = api.post("/v1/participants", operatorKey, issuer(bank));
            if (reply.ok()) created++;
            else if (reply.status() == CONFLICT || reply.status() == UNPROCESSABLE) refused++;
            else throw failed("onboarding issuer " + bank.id(), reply);
        }
        String walletProviderId = create(participant("wallet_provider", label + " Provider",
                Currency.getInstance("USD")), "the wallet provider");
        String walletProviderKey = apiKey(walletProviderId);
        Map<Currency, SimMerchant> merchants = new LinkedHashMap<>();
        for (Currency currency : currencies) {
            ObjectNode body = participant("merchant", label + " Shop " + currency.getCurrencyCode(), currency);
            body.put("merchant_category_code", MERCHANT_CATEGORY_CODE);
            body.put("fee_basis_points", MERCHANT_FEE_BASIS_POINTS);
            String id = create(body, "the " + currency + " merchant");
            merchants.put(currency, new SimMerchant(id, apiKey(id), currency));
        }
        return new SimParties(walletProviderKey, merchants, created, present, refused);
    }

    /** The BIN prefixes every existing issuer holds. */
    private Set<String> issuerBins() throws IOException {
        Set<String> bins = new HashSet<>();
        String after = null;
        for (int page = 0; page < ISSUER_PAGES_MAX; page++) {
            String path = "/v1/participants?role=issuer&limit=" + ISSUERS_PER_PAGE
                    + (after == null ? "" : "&starting_after=" + after);
            ApiReply reply = api.get(path, operatorKey);
            if (!reply.ok()) throw failed("listing issuers", reply);
            JsonNode data = reply.body().isArray() ? reply.body() : reply.body().path("data");
            String last = null;
            for (JsonNode issuer : data) {
                issuer.path("bin_prefixes").forEach(bin -> bins.add(BankDirectory.text(bin)));
                last = BankDirectory.text(issuer.path("id"));
            }
            boolean more = reply.body().path("has_more").isBoolean() && reply.body().path("has_more").booleanValue();
            if (!more || last == null || last.isEmpty() || !last.matches("[A-Za-z0-9_-]{1,64}")) break;
            after = last;
        }
        return bins;
    }

    private ObjectNode issuer(SimulatedBank bank) {
        ObjectNode body = participant("issuer", bank.name(), bank.currency());
        ArrayNode bins = body.putArray("bin_prefixes");
        bank.bins().forEach(bins::add);
        return body;
    }

    private static ObjectNode participant(String role, String name, Currency currency) {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("role", role);
        body.put("name", name);
        body.put("country", CountryOfCurrency.of(currency));
        body.put("settlement_currency", currency.getCurrencyCode());
        body.putArray("currencies").add(currency.getCurrencyCode());
        return body;
    }

    private String create(ObjectNode body, String what) throws IOException {
        ApiReply reply = api.post("/v1/participants", operatorKey, body);
        String id = reply.ok() ? reply.text("id") : null;
        if (id == null || !id.matches("[A-Za-z0-9_-]{1,64}")) throw failed("creating " + what, reply);
        return id;
    }

    private String apiKey(String participantId) throws IOException {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        body.put("name", label);
        ApiReply reply = api.post("/v1/participants/" + participantId + "/api_keys", operatorKey, body);
        String secret = reply.ok() ? reply.text("secret") : null;
        if (secret == null || secret.isEmpty()) throw failed("issuing an API key for " + participantId, reply);
        return secret;
    }

    private static IllegalStateException failed(String step, ApiReply reply) {
        String code = reply.errorText("code");
        return new IllegalStateException(step + " answered " + reply.status() + (code == null ? "" : " " + code));
    }
}
