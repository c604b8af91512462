package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: events written with the change they report, delivered to a real endpoint, signed as
 * Standard Webhooks sign (checked by an independent implementation), with secret rotation, retries, listing and
 * redelivery; and a slow endpoint never holds a payment.
 */
@Timeout(180)
class WebhookTest {
    @TempDir
    Path directory;


    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void signedDeliveriesRotationFailureAndRedelivery(String store) throws Exception {
        try (TestNode node = TestNode.start(store, directory); WebhookReceiver receiver = new WebhookReceiver()) {
            Http http = node.http();
            TestNode.Party merchant = node.merchant(0, "USD");
            TestNode.Party wallet = node.walletProvider("USD");
            String shopper = node.customer(wallet, "USD", 10_000);
            Http.Reply endpoint = http.post(merchant.key(), "/v1/webhook_endpoints", Map.of("url", receiver.url(),
                    "enabled_events", List.of("payment_intent.succeeded", "refund.created")));
            assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(200);
            String firstSecret = endpoint.text("secret");
            assertThat(firstSecret).startsWith("whsec_");
            assertThat(http.get(merchant.key(), "/v1/webhook_endpoints/" + endpoint.text("id")).json().has("secret"))
                    .isFalse();

            String intent = pay(http, merchant, wallet, shopper, 1_234);
            WebhookReceiver.Received succeeded = receiver.await(1).getFirst();
            assertThat(StandardWebhooksCheck.verifies(firstSecret, succeeded)).isTrue();
            JsonNode event = Http.JSON.readTree(succeeded.body());
            assertThat(event.get("type").asString()).isEqualTo("payment_intent.succeeded");
            assertThat(event.get("id").asString()).isEqualTo(succeeded.id());
            assertThat(event.get("data").get("object").get("id").asString()).isEqualTo(intent);
            assertThat(event.get("data").get("object").get("amount_received").asLong()).isEqualTo(1_234);
            WebhookReceiver.Received tampered = new WebhookReceiver.Received(succeeded.id(), succeeded.timestamp(),
                    succeeded.signature(), succeeded.body().replace("1234", "1235"));
            assertThat(StandardWebhooksCheck.verifies(firstSecret, tampered)).isFalse();

            Http.Reply rotated = http.post(merchant.key(), "/v1/webhook_endpoints/" + endpoint.text("id") + "/rotate_secret", null);
            String secondSecret = rotated.text("secret");
            assertThat(secondSecret).isNotEqualTo(firstSecret);
            http.post(merchant.key(), "/v1/refunds", Map.of("payment_intent", intent, "amount", 34));
            WebhookReceiver.Received refunded = receiver.await(2).get(1);
            assertThat(Http.JSON.readTree(refunded.body()).get("type").asString()).isEqualTo("refund.created");
            assertThat(StandardWebhooksCheck.verifies(secondSecret, refunded)).isTrue();
            assertThat(StandardWebhooksCheck.verifies(firstSecret, refunded)).as("old secret during the rotation").isTrue();
            assertThat(StandardWebhooksCheck.verifies("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]),
                    refunded)).isFalse();

            receiver.answer(500);
            pay(http, merchant, wallet, shopper, 50);
            WebhookReceiver.Received failing = receiver.await(3).get(2);
            Http.Reply pending = awaitDelivery(http, merchant, failing.id(), "pending", 1);
            JsonNode delivery = pending.json().get("deliveries").get(0);
            assertThat(delivery.get("last_status_code").asInt()).isEqualTo(500);
            assertThat(delivery.get("next_attempt").isNull()).isFalse();
            Http.Reply undelivered = http.get(merchant.key(), "/v1/events?delivery_status=pending");
            assertThat(undelivered.json().get("data")).extracting(e -> e.get("id").asString()).contains(failing.id());

            receiver.answer(200);
            Http.Reply redeliver = http.post(merchant.key(), "/v1/events/" + failing.id() + "/redeliver", null);
            assertThat(redeliver.status()).as(redeliver.body()).isEqualTo(200);
            List<WebhookReceiver.Received> all = receiver.await(4);
            WebhookReceiver.Received again = all.get(3);
            assertThat(again.id()).isEqualTo(failing.id());
            assertThat(again.body()).isEqualTo(failing.body());
            awaitDelivery(http, merchant, failing.id(), "delivered", 2);
            assertThat(StandardWebhooksCheck.verifies(secondSecret, again)).isTrue();
        }
    }

    @Test
    void aSlowEndpointNeverHoldsAPayment() throws Exception {
        try (TestNode node = TestNode.start(TestStores.SQLITE, directory); WebhookReceiver receiver = new WebhookReceiver()) {
            Http http = node.http();
            TestNode.Party merchant = node.merchant(0, "USD");
            TestNode.Party wallet = node.walletProvider("USD");
            String shopper = node.customer(wallet, "USD", 10_000);
            http.post(merchant.key(), "/v1/webhook_endpoints", Map.of("url", receiver.url(), "enabled_events", List.of("*")));
            receiver.hold();
            for (int i = 0; i < 50; i++) pay(http, merchant, wallet, shopper, 10);
            // Every payment answered while the endpoint has not answered a single delivery.
            assertThat(receiver.received()).isEmpty();
            assertThat(TestNode.posted(http.get(wallet.key(), "/v1/customers/" + shopper), "USD")).isEqualTo(9_500);
            receiver.open();
            receiver.await(100); // created + succeeded for each payment, once the endpoint answers
        }
    }

    private static String pay(Http http, TestNode.Party merchant, TestNode.Party wallet, String shopper, long amount) {
        Http.Reply created = http.post(merchant.key(), "/v1/payment_intents", Map.of("amount", amount, "currency", "USD"));
        Http.Reply paid = http.post(wallet.key(), "/v1/payment_intents/" + created.text("id") + "/confirm",
                Map.of("client_secret", created.text("client_secret"),
                        "payment_method", Map.of("type", "customer_balance", "customer", shopper)));
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        return created.text("id");
    }

    /** Polls an event until its delivery reaches {@code status} after at least {@code attempts} attempts. */
    private static Http.Reply awaitDelivery(Http http, TestNode.Party merchant, String eventId, String status,
            int attempts) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Http.Reply event;
        do {
            event = http.get(merchant.key(), "/v1/events/" + eventId);
            JsonNode delivery = event.json().get("deliveries").get(0);
            if (delivery != null && delivery.get("status").asString().equals(status)
                    && delivery.get("attempts").asInt() >= attempts) {
                return event;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("delivery of " + eventId + " never became " + status + ": " + event.body());
    }
}
