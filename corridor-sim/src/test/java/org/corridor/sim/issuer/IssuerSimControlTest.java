package org.corridor.sim.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.codec.card.Luhn;
import org.corridor.codec.iso8583.CardMessage;
import org.corridor.codec.iso8583.IsoFormatException;
import org.corridor.codec.iso8583.IsoMessages;
import org.corridor.codec.iso8583.Mti;
import org.corridor.sim.issuer.control.ControlClient;
import org.corridor.sim.issuer.control.ControlServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** What is set through the HTTP control interface shows on the ISO 8583 side, and traffic shows in the totals. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IssuerSimControlTest {
    private static final long SEED = 42;
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-06-15T10:00:00Z"));
    private static final int READ_TIMEOUT_MS = 10_000;
    /** Long enough for an answer on loopback to arrive; the test asserts only that none does. */
    private static final int NO_REPLY_WAIT_MS = 300;

    private final AtomicInteger stans = new AtomicInteger(1);
    private IssuerSimulator simulator;
    private ControlServer control;
    private ControlClient http;
    private SimulatedBank bank;
    private String pan;

    @BeforeEach
    void start() throws Exception {
        simulator = IssuerSimulator.start(IssuerSimulatorSettings.forTests(SEED), CLOCK);
        control = ControlServer.start(simulator, "127.0.0.1", 0);
        http = new ControlClient(control.address());
        bank = simulator.banks().all().getFirst();
        simulator.banks().setDeclinePerMille(bank.id(), 0);
        bank = simulator.banks().byId(bank.id()).orElseThrow();
        pan = simulator.banks().cardNumber(bank, 0);
        simulator.banks().openAccount(pan, 50_000);
    }

    @AfterEach
    void stop() {
        http.close();
        control.close();
        simulator.close();
    }

    @Test
    void aNoReplyRuleSetOverHttpLeavesTheNextRequestUnanswered() throws Exception {
        assertThat(http.post("/faults", "{\"fault\":\"no_reply\",\"requests\":1}").status()).isEqualTo(201);
        try (IsoTestClient client = new IsoTestClient(simulator.address(), NO_REPLY_WAIT_MS)) {
            client.send(request(Mti.AUTHORIZATION_REQUEST, 1_000));
            assertThatThrownBy(client::read).isInstanceOf(SocketTimeoutException.class);
        }
        // Used up: the next request is answered and the rule is gone from the list.
        try (IsoTestClient client = iso()) {
            assertThat(client.exchange(request(Mti.AUTHORIZATION_REQUEST, 1_000)).responseCode()).isEqualTo("00");
        }
        assertThat(http.get("/faults").json().get("faults")).isEmpty();
    }

    @Test
    void aBankFaultSetOverHttpHitsThatBankOnlyUntilCleared() throws Exception {
        String body = "{\"fault\":\"garbage_frame\",\"bank\":\"" + bank.id() + "\",\"per_mille\":1000}";
        assertThat(http.post("/faults", body).status()).isEqualTo(201);
        try (IsoTestClient client = iso()) {
            client.send(request(Mti.AUTHORIZATION_REQUEST, 100));
            byte[] garbage = client.readFrame();
            assertThatThrownBy(() -> new IsoMessages().decode(garbage)).isInstanceOf(IsoFormatException.class);
            assertThat(client.exchange(IsoRequests.echo(stans.getAndIncrement())).responseCode()).isEqualTo("00");

            assertThat(http.delete("/faults").json().get("cleared").intValue()).isEqualTo(1);
            assertThat(client.exchange(request(Mti.AUTHORIZATION_REQUEST, 100)).responseCode()).isEqualTo("00");
        }
    }

    @Test
    void aBankDownOrDecliningOverHttpAnswersAccordingly() throws Exception {
        try (IsoTestClient client = iso()) {
            assertThat(http.post("/banks/" + bank.id() + "/down", "").status()).isEqualTo(200);
            assertThat(client.exchange(request(Mti.AUTHORIZATION_REQUEST, 100)).responseCode()).isEqualTo("91");
            assertThat(http.post("/banks/" + bank.id() + "/up", "").status()).isEqualTo(200);
            assertThat(http.post("/banks/" + bank.id() + "/decline_per_mille", "{\"per_mille\":1000}").status())
                    .isEqualTo(200);
            assertThat(client.exchange(request(Mti.AUTHORIZATION_REQUEST, 100)).responseCode()).isEqualTo("05");
            assertThat(http.post("/banks/" + bank.id() + "/decline_per_mille", "{\"per_mille\":0}").status())
                    .isEqualTo(200);
            assertThat(client.exchange(request(Mti.AUTHORIZATION_REQUEST, 100)).responseCode()).isEqualTo("00");
        }
    }

    @Test
    void trafficShowsInTheTotalsWithoutACardNumber() throws Exception {
        String currency = bank.currency().getCurrencyCode();
        try (IsoTestClient client = iso()) {
            CardMessage authorization = request(Mti.AUTHORIZATION_REQUEST, 10_000);
            assertThat(client.exchange(authorization).responseCode()).isEqualTo("00");
            assertThat(client.exchange(request(Mti.PURCHASE_REQUEST, 5_000)).responseCode()).isEqualTo("00");
            assertThat(client.exchange(request(Mti.PURCHASE_REQUEST, 50_000)).responseCode()).isEqualTo("51");
            assertThat(client.exchange(IsoRequests.reversalOf(authorization)).responseCode()).isEqualTo("00");
            assertThat(client.exchange(IsoRequests.reversalOf(authorization)).responseCode()).isEqualTo("00");
            CardMessage unrouted = CardMessage.builder(Mti.AUTHORIZATION_REQUEST)
                    .pan(Luhn.withCheckDigit("300000000000000")).processingCode("000000").amountMinor(100)
                    .stan(stans.getAndIncrement()).terminalId("TERM0001").currency(bank.currency()).build();
            assertThat(client.exchange(unrouted).responseCode()).isEqualTo("14");
        }

        ControlClient.Answer activity = http.get("/banks/" + bank.id() + "/activity");
        assertThat(activity.status()).isEqualTo(200);
        JsonNode totals = activity.json();
        assertThat(totals.get("bank").stringValue()).isEqualTo(bank.id());
        assertThat(totals.get("currency").stringValue()).isEqualTo(currency);
        assertThat(totals.get("requests").longValue()).isEqualTo(5);
        assertThat(totals.get("by_kind").get("authorization").longValue()).isEqualTo(1);
        assertThat(totals.get("by_kind").get("purchase").longValue()).isEqualTo(2);
        assertThat(totals.get("by_kind").get("reversal").longValue()).isEqualTo(1);
        assertThat(totals.get("by_kind").get("reversal_unmatched").longValue()).isEqualTo(1);
        assertThat(totals.get("by_response_code").get("00").longValue()).isEqualTo(4);
        assertThat(totals.get("by_response_code").get("51").longValue()).isEqualTo(1);
        JsonNode amounts = totals.get("amounts").get(currency);
        assertThat(amounts.get("held_minor").longValue()).isEqualTo(10_000);
        assertThat(amounts.get("debited_minor").longValue()).isEqualTo(5_000);
        assertThat(amounts.get("approved_minor").longValue()).isEqualTo(15_000);
        assertThat(amounts.get("reversed_minor").longValue()).isEqualTo(10_000);
        assertNoCard(activity.text());

        ControlClient.Answer overall = http.get("/totals");
        JsonNode all = overall.json();
        assertThat(all.get("requests").longValue()).isEqualTo(5);
        assertThat(all.get("unrouted").longValue()).isEqualTo(1);
        assertThat(all.get("amounts").get(currency).get("approved_minor").longValue()).isEqualTo(15_000);
        assertNoCard(overall.text());
    }

    private void assertNoCard(String body) {
        assertThat(body).doesNotContain(pan).doesNotContain(Pans.mask(pan)).doesNotContain(pan.substring(0, 6));
    }

    private IsoTestClient iso() throws Exception {
        return new IsoTestClient(simulator.address(), READ_TIMEOUT_MS);
    }

    private CardMessage request(Mti mti, long amountMinor) {
        return CardMessage.builder(mti)
                .pan(pan)
                .processingCode("000000")
                .amountMinor(amountMinor)
                .stan(stans.getAndIncrement())
                .expiry("3012")
                .terminalId("TERM0001")
                .merchantId("MERCHANT01")
                .currency(bank.currency())
                .build();
    }


}
