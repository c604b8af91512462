package org.corridor.app.wallet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.codec.card.Luhn;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;
import org.corridor.vault.cryptogram.AtcWindow;
import org.corridor.vault.cryptogram.CryptogramCheck;
import org.corridor.vault.cryptogram.CryptogramVerifier;
import org.corridor.vault.cryptogram.PaymentData;
import org.corridor.vault.cryptogram.TokenKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for a node and the issuer simulator's control interface on one loopback port, speaking the API the
 * command is written against. It really verifies each presented cryptogram against the key it handed out, the ATC
 * window, the token's domain and status, so that the command's deliberate refusals and ordinary payments are told
 * apart by the same checks the switch will run. Cards of {@code declinedBankIds} fail the account verification.
 */
final class FakeSwitch implements AutoCloseable {
    record Intent(String merchantId, long amountMinor, Currency currency, boolean manual) {}

    static final class Token {
        final String id;
        final String domain;
        final CryptogramVerifier verifier;
        volatile String status = "active";

        Token(String id, String domain, CryptogramVerifier verifier) {
            this.id = id;
            this.domain = domain;
            this.verifier = verifier;
        }
    }

    final SimulatedBanks banks;
    final Set<String> downBankIds;
    final Set<String> declinedBankIds;
    final List<String> issuedDpans = new CopyOnWriteArrayList<>();
    final List<String> enrolDomains = new CopyOnWriteArrayList<>();
    final List<JsonNode> participants = new CopyOnWriteArrayList<>();
    final Map<String, Integer> confirmOutcomes = new ConcurrentHashMap<>();
    final List<String> missingIdempotencyKeys = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<String, String> participantByKey = new ConcurrentHashMap<>();
    private final Map<String, Token> tokensByDpan = new ConcurrentHashMap<>();
    private final Map<String, Token> tokensById = new ConcurrentHashMap<>();
    private final Map<String, Intent> intents = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    FakeSwitch(long seed, int bankCount, Set<String> downBankIds, Set<String> declinedBankIds) throws IOException {
        this.banks = SimulatedBanks.generate(seed, bankCount);
        this.downBankIds = downBankIds;
        this.declinedBankIds = declinedBankIds;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JsonMapper.shared().createObjectNode() : JsonMapper.shared().readTree(raw);
            if (method.equals("POST") && exchange.getRequestHeaders().getFirst("Idempotency-Key") == null) {
                missingIdempotencyKeys.add(path);
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String caller = auth == null ? null : participantByKey.get(auth.substring("Bearer ".length()));
            Reply reply = route(method, path, body, caller);
            byte[] bytes = JsonMapper.shared().writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private record Reply(int status, JsonNode body) {}

    private Reply route(String method, String path, JsonNode body, String caller) {
        String[] parts = path.split("/");
        if (method.equals("GET") && path.equals("/banks")) return ok(directory());
        if (method.equals("GET") && path.equals("/v1/participants")) {
            ObjectNode list = object();
            list.putArray("data");
            list.put("has_more", false);
            return ok(list);
        }
        if (method.equals("POST") && path.equals("/v1/participants")) {
            participants.add(body);
            return ok(object().put("id", "acct_" + ids.incrementAndGet()));
        }
        if (method.equals("POST") && parts.length == 5 && parts[4].equals("api_keys")) {
            String key = "ck_" + ids.incrementAndGet();
            participantByKey.put(key, parts[3]);
            return ok(object().put("secret", key));
        }
        if (method.equals("POST") && path.equals("/v1/tokens")) return enrol(body);
        if (method.equals("POST") && parts.length == 5 && parts[2].equals("tokens")) {
            Token token = tokensById.get(parts[3]);
            token.status = parts[4].equals("suspend") ? "suspended" : parts[4].equals("resume") ? "active" : "deleted";
            return ok(object().put("id", token.id).put("status", token.status));
        }
        if (method.equals("POST") && path.equals("/v1/payment_intents")) {
            String id = "pi_" + ids.incrementAndGet();
            intents.put(id, new Intent(caller, body.path("amount").asLong(),
                    Currency.getInstance(body.path("currency").stringValue()),
                    body.path("capture_method").stringValue().equals("manual")));
            return ok(object().put("id", id).put("status", "requires_payment_method"));
        }
        if (method.equals("POST") && parts.length == 5 && parts[2].equals("payment_intents")) {
            Intent intent = intents.get(parts[3]);
            return switch (parts[4]) {
                case "confirm" -> confirm(parts[3], intent, body.path("payment_method").path("device_token"));
                case "capture" -> body.path("amount_to_capture").asLong() <= intent.amountMinor()
                        ? ok(object().put("id", parts[3]).put("status", "succeeded"))
                        : error(422, "invalid_request_error", "amount_too_large", null);
                default -> ok(object().put("id", parts[3]).put("status", "canceled"));
            };
        }
        if (method.equals("POST") && path.equals("/v1/refunds")) {
            return ok(object().put("id", "re_" + ids.incrementAndGet()).put("status", "succeeded"));
        }
        return error(404, "invalid_request_error", "resource_missing", null);
    }

    private ObjectNode directory() {
        ObjectNode directory = object();
        directory.put("seed", banks.seed());
        ArrayNode list = directory.putArray("banks");
        for (SimulatedBank bank : banks.all()) {
            ObjectNode entry = list.addObject();
            entry.put("id", bank.id()).put("name", bank.name()).put("network", bank.network().name().toLowerCase())
                    .put("currency", bank.currency().getCurrencyCode())
                    .put("transaction_limit_minor", bank.transactionLimitMinor())
                    .put("decline_per_mille", bank.declinePerMille()).put("down", downBankIds.contains(bank.id()));
            bank.bins().forEach(entry.putArray("bins")::add);
        }
        return directory;
    }

    private Reply enrol(JsonNode body) {
        String number = body.path("card").path("number").stringValue();
        SimulatedBank bank = banks.issuerOf(number).orElseThrow();
        enrolDomains.add(body.path("domain").stringValue());
        if (declinedBankIds.contains(bank.id())) return error(402, "payment_error", "card_declined", "05");
        String dpan = Luhn.withCheckDigit("489537" + String.format("%09d", ids.incrementAndGet()));
        byte[] keyBytes = new byte[16];
        random.nextBytes(keyBytes);
        String keyHex = HexFormat.of().formatHex(keyBytes);
        Token token = new Token("tok_" + ids.incrementAndGet(), body.path("domain").stringValue(),
                CryptogramVerifier.of(TokenKey.fromHex(keyHex), AtcWindow.fresh()));
        tokensByDpan.put(dpan, token);
        tokensById.put(token.id, token);
        issuedDpans.add(dpan);
        return ok(object().put("id", token.id).put("object", "token").put("status", "active")
                .put("domain", token.domain).put("network", bank.network().name().toLowerCase()).put("dpan", dpan)
                .put("token_key", keyHex));
    }

    private Reply confirm(String intentId, Intent intent, JsonNode presented) {
        Token token = tokensByDpan.get(presented.path("dpan").stringValue());
        String refusal;
        if (!token.status.equals("active")) {
            refusal = "token_inactive";
        } else if (!token.domain.equals(presented.path("entry_mode").stringValue())) {
            refusal = "token_domain_mismatch";
        } else {
            PaymentData data = new PaymentData(intent.amountMinor(), intent.currency(), intent.merchantId(),
                    Integer.parseUnsignedInt(presented.path("unpredictable_number").stringValue(), 16));
            CryptogramCheck check = token.verifier.check(presented.path("atc").intValue(), data,
                    HexFormat.of().parseHex(presented.path("cryptogram").stringValue()));
            refusal = check == CryptogramCheck.OK ? null : check.name().toLowerCase();
        }
        confirmOutcomes.merge(refusal == null ? "ok" : refusal, 1, Integer::sum);
        if (refusal != null) return error(402, "payment_error", refusal, "");
        return ok(object().put("id", intentId).put("status", intent.manual() ? "requires_capture" : "succeeded"));
    }

    private static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    private static Reply error(int status, String type, String code, String declineCode) {
        ObjectNode error = object();
        ObjectNode inner = error.putObject("error");
        inner.put("type", type).put("code", code).put("message", code);
        if (declineCode != null) inner.put("decline_code", declineCode);
        return new Reply(status, error);
    }

    private static ObjectNode object() {
        return JsonMapper.shared().createObjectNode();
    }

    List<String> participantRoles() {
        List<String> roles = new ArrayList<>();
        participants.forEach(p -> roles.add(p.path("role").stringValue()));
        return roles;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
