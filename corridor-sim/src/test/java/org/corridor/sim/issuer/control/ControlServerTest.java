package org.corridor.sim.issuer.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corridor.sim.issuer.Fault;
import org.corridor.sim.issuer.FaultControl;
import org.corridor.sim.issuer.FaultRule;
import org.corridor.sim.issuer.IssuerSimulator;
import org.corridor.sim.issuer.IssuerSimulatorSettings;
import org.corridor.sim.issuer.SimulatedBank;
import org.corridor.sim.issuer.SimulatedBanks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The control interface over real HTTP on a random port: each route, and each refusal in one error shape. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ControlServerTest {
    private static final long SEED = 7;
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-06-15T10:00:00Z"));

    private IssuerSimulator simulator;
    private ControlServer control;
    private ControlClient client;

    @BeforeEach
    void start() throws Exception {
        simulator = IssuerSimulator.start(IssuerSimulatorSettings.forTests(SEED), CLOCK);
        control = ControlServer.start(simulator, "127.0.0.1", 0);
        client = new ControlClient(control.address());
    }

    @AfterEach
    void stop() {
        client.close();
        control.close();
        simulator.close();
    }

    @Test
    void theDirectoryListsEveryBankAndTheSeedButNoCardNumber() throws Exception {
        ControlClient.Answer answer = client.get("/banks");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(names(body)).containsExactly("seed", "banks");
        assertThat(body.get("seed").longValue()).isEqualTo(SEED);
        assertThat(body.get("banks")).hasSize(SimulatedBanks.BANKS_DEFAULT);

        SimulatedBank first = simulator.banks().all().getFirst();
        JsonNode listed = body.get("banks").get(0);
        assertThat(names(listed)).containsExactly("id", "name", "network", "currency", "bins",
                "transaction_limit_minor", "decline_per_mille", "down");
        assertThat(listed.get("id").stringValue()).isEqualTo(first.id());
        assertThat(listed.get("name").stringValue()).isEqualTo(first.name());
        assertThat(listed.get("network").stringValue()).isEqualTo(first.network().name());
        assertThat(listed.get("currency").stringValue()).isEqualTo(first.currency().getCurrencyCode());
        assertThat(listed.get("bins").get(0).stringValue()).isEqualTo(first.bins().getFirst());
        assertThat(listed.get("transaction_limit_minor").longValue()).isEqualTo(first.transactionLimitMinor());
        assertThat(listed.get("decline_per_mille").intValue()).isEqualTo(first.declinePerMille());
        assertThat(listed.get("down").booleanValue()).isFalse();

        // A client regenerates the cards from the seed it was told; none travels over the wire.
        SimulatedBanks regenerated = SimulatedBanks.generate(body.get("seed").longValue(), body.get("banks").size());
        for (SimulatedBank bank : simulator.banks().all()) {
            String card = regenerated.cardNumber(regenerated.byId(bank.id()).orElseThrow(), 0);
            assertThat(card).isEqualTo(simulator.banks().cardNumber(bank, 0));
            assertThat(answer.text()).doesNotContain(card);
        }
    }

    @Test
    void oneBankIsShownByItsId() throws Exception {
        SimulatedBank bank = simulator.banks().all().get(6);
        ControlClient.Answer answer = client.get("/banks/" + bank.id());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("id").stringValue()).isEqualTo("bank-007");
        assertThat(answer.json().get("name").stringValue()).isEqualTo(bank.name());
    }

    @Test
    void aBankGoesDownAndComesBackUp() throws Exception {
        ControlClient.Answer down = client.post("/banks/bank-003/down", "");
        assertThat(down.status()).isEqualTo(200);
        assertThat(down.json().get("down").booleanValue()).isTrue();
        assertThat(simulator.banks().isDown("bank-003")).isTrue();
        assertThat(client.get("/banks").json().get("banks").get(2).get("down").booleanValue()).isTrue();
        assertThat(simulator.banks().isDown("bank-002")).isFalse();

        ControlClient.Answer up = client.post("/banks/bank-003/up", "{}");
        assertThat(up.status()).isEqualTo(200);
        assertThat(up.json().get("down").booleanValue()).isFalse();
        assertThat(simulator.banks().isDown("bank-003")).isFalse();
    }

    @Test
    void aBanksDeclineRatioIsSet() throws Exception {
        ControlClient.Answer answer = client.post("/banks/bank-002/decline_per_mille", "{\"per_mille\":1000}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("decline_per_mille").intValue()).isEqualTo(1000);
        assertThat(simulator.banks().byId("bank-002").orElseThrow().declinePerMille()).isEqualTo(1000);
        assertThat(client.post("/banks/bank-002/decline_per_mille", "{\"per_mille\":0}").status()).isEqualTo(200);
        assertThat(simulator.banks().byId("bank-002").orElseThrow().declinePerMille()).isZero();
    }

    @Test
    void faultRulesAreAddedListedInOrderAndCleared() throws Exception {
        ControlClient.Answer counted = client.post("/faults", "{\"fault\":\"no_reply\",\"requests\":3}");
        assertThat(counted.status()).isEqualTo(201);
        assertThat(counted.text()).isEqualTo("{\"fault\":\"no_reply\",\"bank\":null,\"requests_remaining\":3}");
        ControlClient.Answer ratio = client.post("/faults",
                "{\"fault\":\"garbage_frame\",\"bank\":\"bank-007\",\"per_mille\":250}");
        assertThat(ratio.status()).isEqualTo(201);

        assertThat(simulator.faults().rules()).containsExactly(
                FaultRule.counted(Fault.NO_REPLY, null, 3), FaultRule.ratio(Fault.GARBAGE_FRAME, "bank-007", 250));
        ControlClient.Answer listed = client.get("/faults");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).isEqualTo("{\"faults\":["
                + "{\"fault\":\"no_reply\",\"bank\":null,\"requests_remaining\":3},"
                + "{\"fault\":\"garbage_frame\",\"bank\":\"bank-007\",\"per_mille\":250}]}");

        ControlClient.Answer cleared = client.delete("/faults");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("cleared").intValue()).isEqualTo(2);
        assertThat(simulator.faults().rules()).isEmpty();
        assertThat(client.get("/faults").text()).isEqualTo("{\"faults\":[]}");
    }

    @Test
    void everyFaultNameIsAccepted() throws Exception {
        for (Fault fault : Fault.values()) {
            String body = "{\"fault\":\"" + FaultNames.of(fault) + "\",\"requests\":1}";
            assertThat(client.post("/faults", body).status()).isEqualTo(201);
        }
        assertThat(simulator.faults().rules()).extracting(FaultRule::fault).containsExactly(Fault.values());
    }

    @Test
    void totalsStartAtZeroAndNameNoCard() throws Exception {
        JsonNode bank = client.get("/banks/bank-001/activity").json();
        assertThat(names(bank)).containsExactly("bank", "currency", "requests", "by_kind", "by_response_code", "amounts");
        assertThat(bank.get("requests").longValue()).isZero();
        assertThat(names(bank.get("by_kind"))).containsExactly(
                "authorization", "purchase", "reversal", "reversal_unmatched");
        String currency = simulator.banks().byId("bank-001").orElseThrow().currency().getCurrencyCode();
        assertThat(bank.get("amounts").get(currency).get("approved_minor").longValue()).isZero();

        JsonNode totals = client.get("/totals").json();
        assertThat(names(totals)).containsExactly(
                "banks", "unrouted", "requests", "by_kind", "by_response_code", "amounts");
        assertThat(totals.get("banks").intValue()).isEqualTo(SimulatedBanks.BANKS_DEFAULT);
        assertThat(totals.get("amounts").isEmpty()).isTrue();
    }

    /** One line per refusal, in the order the routes check: path, method, body, fields, bank. */
    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("GET", "/nowhere", null, 404, "unknown_route", "/nowhere"),
                Arguments.of("GET", "/banks/bank-001/explode", null, 404, "unknown_route", "explode"),
                Arguments.of("PUT", "/faults", "{}", 405, "method_not_allowed", "GET, POST or DELETE"),
                Arguments.of("DELETE", "/banks", null, 405, "method_not_allowed", "GET"),
                Arguments.of("GET", "/banks/bank-001/down", null, 405, "method_not_allowed", "POST"),
                Arguments.of("POST", "/banks/bank-001/activity", "{}", 405, "method_not_allowed", "GET"),
                Arguments.of("POST", "/faults", "", 400, "invalid_json", "JSON object"),
                Arguments.of("POST", "/faults", "{\"fault\":", 400, "invalid_json", "not valid JSON"),
                Arguments.of("POST", "/faults", "[1]", 400, "invalid_json", "JSON object"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"requests\":1} {}", 400, "invalid_json", "JSON"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"requests\":1,\"requests\":2}", 400,
                        "invalid_json", "requests"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"requests\":1,\"colour\":\"red\"}", 400,
                        "unknown_parameter", "colour"),
                Arguments.of("POST", "/faults", "{\"requests\":1}", 400, "parameter_missing", "fault"),
                Arguments.of("POST", "/faults", "{\"fault\":7,\"requests\":1}", 400, "parameter_invalid", "fault"),
                Arguments.of("POST", "/faults", "{\"fault\":\"explode\",\"requests\":1}", 400, "parameter_invalid",
                        "fault must be one of no_reply, slow_reply, duplicate_reply, garbage_frame"),
                Arguments.of("POST", "/faults", "{\"fault\":\"NO_REPLY\",\"requests\":1}", 400, "parameter_invalid", "fault"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\"}", 400, "parameter_invalid", "requests"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"requests\":1,\"per_mille\":5}", 400,
                        "parameter_invalid", "requests or per_mille"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"requests\":0}", 400, "parameter_invalid", "requests"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"requests\":1000001}", 400,
                        "parameter_invalid", "requests"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"requests\":1.5}", 400, "parameter_invalid", "requests"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"requests\":\"3\"}", 400,
                        "parameter_invalid", "requests"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"requests\":99999999999}", 400,
                        "parameter_invalid", "requests"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"per_mille\":0}", 400,
                        "parameter_invalid", "per_mille must be an integer from 1 to 1000"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"per_mille\":1001}", 400,
                        "parameter_invalid", "per_mille"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"bank\":7,\"requests\":1}", 400,
                        "parameter_invalid", "bank"),
                Arguments.of("POST", "/faults", "{\"fault\":\"no_reply\",\"bank\":\"bank-999\",\"requests\":1}", 404,
                        "unknown_bank", "bank-999"),
                Arguments.of("POST", "/banks/bank-001/decline_per_mille", "{}", 400, "parameter_missing", "per_mille"),
                Arguments.of("POST", "/banks/bank-001/decline_per_mille", "{\"per_mille\":-1}", 400,
                        "parameter_invalid", "per_mille must be an integer from 0 to 1000"),
                Arguments.of("POST", "/banks/bank-001/decline_per_mille", "{\"per_mille\":1001}", 400,
                        "parameter_invalid", "per_mille"),
                Arguments.of("POST", "/banks/bank-001/down", "{\"really\":true}", 400, "unknown_parameter", "really"),
                Arguments.of("POST", "/banks/bank-999/down", "", 404, "unknown_bank", "bank-999"),
                Arguments.of("POST", "/banks/bank-999/decline_per_mille", "{\"per_mille\":5}", 404, "unknown_bank", "bank-999"),
                Arguments.of("GET", "/banks/bank-999", null, 404, "unknown_bank", "bank-999"),
                Arguments.of("GET", "/banks/bank-999/activity", null, 404, "unknown_bank", "bank-999"));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
    @MethodSource("refusals")
    void eachRefusalAnswersInTheOneShapeAndChangesNothing(
            String method, String path, String body, int status, String code, String messagePart) throws Exception {
        int declineBefore = simulator.banks().byId("bank-001").orElseThrow().declinePerMille();
        ControlClient.Answer answer = client.send(method, path, body);
        assertError(answer, status, code, messagePart);
        if (status == 405) assertThat(answer.allow()).isNotBlank();
        assertThat(simulator.faults().rules()).isEmpty();
        assertThat(simulator.banks().isDown("bank-001")).isFalse();
        assertThat(simulator.banks().byId("bank-001").orElseThrow().declinePerMille()).isEqualTo(declineBefore);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String withinLimit = padded("{\"fault\":\"no_reply\",\"requests\":1}", ControlServer.REQUEST_BODY_BYTES_MAX);
        assertThat(client.post("/faults", withinLimit).status()).isEqualTo(201);

        String overLimit = padded("{\"fault\":\"no_reply\",\"requests\":1}", ControlServer.REQUEST_BODY_BYTES_MAX + 1);
        assertError(client.post("/faults", overLimit), 413, "body_too_large", "4096 bytes");
        assertError(client.postChunked("/faults", overLimit), 413, "body_too_large", "4096 bytes");
        assertThat(simulator.faults().rules()).hasSize(1);
    }

    @Test
    void aRuleBeyondTheBoundIsRefused() throws Exception {
        for (int i = 0; i < FaultControl.RULES_MAX; i++) {
            assertThat(simulator.faults().tryAdd(FaultRule.counted(Fault.SLOW_REPLY, null, 1))).isTrue();
        }
        assertError(client.post("/faults", "{\"fault\":\"no_reply\",\"requests\":1}"), 409, "too_many_rules", "1000");
        assertThat(client.delete("/faults").json().get("cleared").intValue()).isEqualTo(FaultControl.RULES_MAX);
        assertThat(client.post("/faults", "{\"fault\":\"no_reply\",\"requests\":1}").status()).isEqualTo(201);
    }

    private static void assertError(ControlClient.Answer answer, int status, String code, String messagePart) {
        assertThat(answer.status()).as("status of %s", answer.text()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(names(body)).containsExactly("error");
        assertThat(names(body.get("error"))).containsExactly("code", "message");
        assertThat(body.get("error").get("code").stringValue()).isEqualTo(code);
        assertThat(body.get("error").get("message").stringValue()).contains(messagePart);
    }

    /** {@code json} with spaces after it, to exactly {@code bytes} bytes: still the same JSON. */
    private static String padded(String json, int bytes) {
        return json + " ".repeat(bytes - json.length());
    }

    private static List<String> names(JsonNode node) {
        return new ArrayList<>(node.propertyNames());
    }
}
