package org.corridor.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.DAVE_USD;
import static org.corridor.core.state.SwitchFixture.ENDPOINT_ALL;
import static org.corridor.core.state.SwitchFixture.ENDPOINT_SUCCEEDED;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.StateChanges;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.WebhookOperations.EndpointResult;
import org.corridor.core.webhook.WebhookOperations.RedeliverResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events are written with the change they report, with one due delivery per endpoint of the owner that
 * wants the type; deliveries move through attempts and redeliveries; signing secrets rotate with an overlap.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebhookOperationsTest {
    private static final long SECOND = SwitchFixture.NANOS_PER_SECOND;

    /**
     * One successful step and what it announces.
     *
     * @param scenario the step, in words
     * @param setup prepares the step and returns it, to run in a batch of its own
     * @param type the event type it emits
     * @param endpoints the endpoints that get a delivery
     */
    record EmitLine(String scenario, Function<SwitchFixture, Runnable> setup, String type, List<String> endpoints) {
        @Override
        public String toString() {
            return type + ": " + scenario;
        }
    }

    static Stream<EmitLine> emitted() {
        return Stream.of(
                new EmitLine("an intent is created",
                        f -> () -> f.createIntent(1_000, USD, CaptureMethod.AUTOMATIC),
                        EventTypes.PAYMENT_INTENT_CREATED, List.of(ENDPOINT_ALL)),
                new EmitLine("an automatic payment succeeds",
                        f -> {
                            PaymentIntent pi = f.createIntent(1_000, USD, CaptureMethod.AUTOMATIC);
                            return () -> f.confirmByWallet(pi, ALICE);
                        },
                        EventTypes.PAYMENT_INTENT_SUCCEEDED, List.of(ENDPOINT_ALL, ENDPOINT_SUCCEEDED)),
                new EmitLine("a manual payment is reserved",
                        f -> {
                            PaymentIntent pi = f.createIntent(1_000, USD, CaptureMethod.MANUAL);
                            return () -> f.confirmByWallet(pi, ALICE);
                        },
                        EventTypes.PAYMENT_INTENT_AMOUNT_CAPTURABLE_UPDATED, List.of(ENDPOINT_ALL)),
                new EmitLine("a reservation is captured",
                        f -> {
                            PaymentIntent pi = f.reserved(1_000, USD, ALICE);
                            return () -> PaymentOperations.capture(f.state(), MERCHANT, pi.id(), 0);
                        },
                        EventTypes.PAYMENT_INTENT_SUCCEEDED, List.of(ENDPOINT_ALL, ENDPOINT_SUCCEEDED)),
                new EmitLine("a payment is declined",
                        f -> {
                            PaymentIntent pi = f.createIntent(DAVE_USD + 1, USD, CaptureMethod.AUTOMATIC);
                            return () -> f.confirmByWallet(pi, DAVE);
                        },
                        EventTypes.PAYMENT_INTENT_PAYMENT_FAILED, List.of(ENDPOINT_ALL)),
                new EmitLine("a reservation is canceled",
                        f -> {
                            PaymentIntent pi = f.reserved(1_000, USD, ALICE);
                            return () -> PaymentOperations.cancel(f.state(), MERCHANT, pi.id(), "abandoned");
                        },
                        EventTypes.PAYMENT_INTENT_CANCELED, List.of(ENDPOINT_ALL)),
                new EmitLine("a payment is refunded",
                        f -> {
                            PaymentIntent pi = f.paid(1_000, USD, ALICE);
                            return () -> PaymentOperations.refund(f.state(), MERCHANT, "re_1", pi.id(), 0, "", Map.of());
                        },
                        EventTypes.REFUND_CREATED, List.of(ENDPOINT_ALL)),
                new EmitLine("a customer is topped up, to a provider listening for top-ups only",
                        f -> {
                            WebhookOperations.createEndpoint(f.state(), WALLET, "we_wallet", "https://wallet.example",
                                    List.of(EventTypes.CUSTOMER_TOPPED_UP), "whsec_wallet");
                            WebhookOperations.createEndpoint(f.state(), WALLET, "we_wallet_refunds",
                                    "https://wallet.example/refunds", List.of(EventTypes.REFUND_CREATED), "whsec_r");
                            return () -> f.topUp(ALICE, 1_000, USD);
                        },
                        EventTypes.CUSTOMER_TOPPED_UP, List.of("we_wallet")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emitted")
    void eachStepEmitsItsEventWithOneDeliveryPerEndpointThatWantsIt(EmitLine line) {
        SwitchFixture f = new SwitchFixture();
        Runnable command = line.setup().apply(f);
        f.advanceSeconds(5);

        StateChanges changes = f.step(() -> {
            command.run();
            return null;
        }).changes();

        List<Event> events = SwitchFixture.events(changes);
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(line.type());
            assertThat(event.id()).startsWith("evt_").hasSize("evt_".length() + 32);
            assertThat(event.createdAt()).isEqualTo(f.now());
            assertThat(f.state().find(RecordKind.EVENT, event.id(), Event.class)).contains(event);
        });
        Event event = events.getFirst();
        List<Delivery> deliveries = SwitchFixture.deliveries(changes);
        assertThat(deliveries).extracting(Delivery::endpointId).containsExactlyInAnyOrderElementsOf(line.endpoints());
        assertThat(deliveries).allSatisfy(delivery -> {
            assertThat(delivery.id()).isEqualTo(Delivery.idOf(event.id(), delivery.endpointId()));
            assertThat(delivery.eventId()).isEqualTo(event.id());
            assertThat(delivery.ownerId()).isEqualTo(event.ownerId());
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.attempts()).isZero();
            assertThat(delivery.firstAttemptAt()).isZero();
            assertThat(delivery.nextAttemptAt()).as("due at once").isEqualTo(f.now());
        });
    }

    @Test
    void eventsOfOneOwnerNeverReachAnotherOwnersEndpoints() {
        SwitchFixture f = new SwitchFixture();
        PaymentIntent pi = f.createIntent(OTHER_MERCHANT, 1_000, USD, CaptureMethod.AUTOMATIC);

        StateChanges changes = f.step(() -> f.confirmByWallet(pi, ALICE)).changes();

        assertThat(SwitchFixture.events(changes)).extracting(Event::ownerId).containsExactly(OTHER_MERCHANT);
        assertThat(SwitchFixture.deliveries(changes)).isEmpty();
    }

    /** The event and the deliveries of one successful automatic payment of the merchant's. */
    private static Event succeeded(SwitchFixture f) {
        PaymentIntent pi = f.createIntent(1_000, USD, CaptureMethod.AUTOMATIC);
        StateChanges changes = f.step(() -> f.confirmByWallet(pi, ALICE)).changes();
        return SwitchFixture.events(changes).getFirst();
    }

    private static Delivery delivery(SwitchFixture f, Event event, String endpointId) {
        return f.state().find(RecordKind.DELIVERY, Delivery.idOf(event.id(), endpointId), Delivery.class).orElseThrow();
    }

    @Nested
    class Attempts {
        private final SwitchFixture f = new SwitchFixture();
        private final Event event = succeeded(f);
        private final String deliveryId = Delivery.idOf(event.id(), ENDPOINT_ALL);

        private Optional<Delivery> attempt(long at, boolean delivered, int status, String error, long next) {
            return WebhookOperations.recordAttempt(f.state(), deliveryId, at, delivered, status, error, next);
        }

        @Test
        void aDeliveredAttemptEndsTheDelivery() {
            long at = f.now() + SECOND;

            Delivery delivered = attempt(at, true, 200, "", 0).orElseThrow();

            assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivered.attempts()).isEqualTo(1);
            assertThat(delivered.firstAttemptAt()).isEqualTo(at);
            assertThat(delivered.nextAttemptAt()).isZero();
            assertThat(delivered.lastStatusCode()).isEqualTo(200);
            assertThat(delivery(f, event, ENDPOINT_ALL)).isEqualTo(delivered);
        }

        @Test
        void aDeliveredAttemptIsNotDueAgainWhateverNextTimeIsGiven() {
            Delivery delivered = attempt(f.now() + SECOND, true, 204, "", f.now() + 60 * SECOND).orElseThrow();

            assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(delivered.nextAttemptAt()).isZero();
        }

        @Test
        void aFailedAttemptWithANextTimeStaysPendingUntilThen() {
            long first = f.now() + SECOND;
            long next = first + 30 * SECOND;

            Delivery retried = attempt(first, false, 500, "server error", next).orElseThrow();

            assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(retried.nextAttemptAt()).isEqualTo(next);
            assertThat(retried.attempts()).isEqualTo(1);
            assertThat(retried.lastError()).isEqualTo("server error");

            Delivery second = attempt(next, false, 0, "connection refused", next + 60 * SECOND).orElseThrow();
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(second.firstAttemptAt()).as("the retry window starts at the first attempt").isEqualTo(first);
            assertThat(second.nextAttemptAt()).isEqualTo(next + 60 * SECOND);
            assertThat(second.lastStatusCode()).isZero();
        }

        @Test
        void aFailedAttemptWithoutANextTimeGivesUp() {
            attempt(f.now() + SECOND, false, 500, "server error", f.now() + 2 * SECOND);

            Delivery failed = attempt(f.now() + 2 * SECOND, false, 503, "unavailable", 0).orElseThrow();

            assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(failed.nextAttemptAt()).isZero();
            assertThat(failed.attempts()).isEqualTo(2);
        }

        @Test
        void anAttemptForAnUnknownDeliveryChangesNothing() {
            SwitchFixture.Step<Optional<Delivery>> step = f.step(() -> WebhookOperations.recordAttempt(f.state(),
                    Delivery.idOf(event.id(), "we_gone"), f.now(), true, 200, "", 0));

            assertThat(step.value()).isEmpty();
            assertThat(step.changes().isEmpty()).isTrue();
        }

        @Test
        void anAttemptIsWrittenInTheBatch() {
            StateChanges changes = f.step(() -> attempt(f.now(), true, 200, "", 0)).changes();

            assertThat(SwitchFixture.deliveries(changes)).singleElement()
                    .satisfies(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED));
            assertThat(changes.ledger().isEmpty()).isTrue();
        }
    }

    @Nested
    class Redelivery {
        private final SwitchFixture f = new SwitchFixture();
        private final Event event = succeeded(f);

        @Test
        void aFailedDeliveryIsDueAgainNowWithANewRetryWindow() {
            String id = Delivery.idOf(event.id(), ENDPOINT_ALL);
            WebhookOperations.recordAttempt(f.state(), id, f.now() + SECOND, false, 500, "boom", 0);
            f.advanceSeconds(3600);

            SwitchFixture.Step<Outcome<RedeliverResult, Event>> step =
                    f.step(() -> WebhookOperations.redeliver(f.state(), MERCHANT, event.id()));

            assertThat(step.value().result()).isEqualTo(RedeliverResult.OK);
            assertThat(step.value().value()).isEqualTo(event);
            Delivery due = delivery(f, event, ENDPOINT_ALL);
            assertThat(due.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(due.nextAttemptAt()).isEqualTo(f.now());
            assertThat(due.firstAttemptAt()).isZero();
            assertThat(due.attempts()).as("attempts so far are kept").isEqualTo(1);
            assertThat(due.lastStatusCode()).isEqualTo(500);
            assertThat(SwitchFixture.deliveries(step.changes())).extracting(Delivery::endpointId)
                    .containsExactlyInAnyOrder(ENDPOINT_ALL, ENDPOINT_SUCCEEDED);
        }

        @Test
        void aDeliveredDeliveryIsSentAgain() {
            WebhookOperations.recordAttempt(f.state(), Delivery.idOf(event.id(), ENDPOINT_SUCCEEDED), f.now(), true, 200,
                    "", 0);
            f.advanceSeconds(10);

            WebhookOperations.redeliver(f.state(), MERCHANT, event.id());

            Delivery due = delivery(f, event, ENDPOINT_SUCCEEDED);
            assertThat(due.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(due.nextAttemptAt()).isEqualTo(f.now());
        }

        @Test
        void anEndpointAddedSinceTheEventGetsItsFirstDelivery() {
            WebhookOperations.createEndpoint(f.state(), MERCHANT, "we_late", "https://late.example",
                    List.of(EventTypes.PAYMENT_INTENT_SUCCEEDED), "whsec_late");
            WebhookOperations.createEndpoint(f.state(), MERCHANT, "we_refunds", "https://refunds.example",
                    List.of(EventTypes.REFUND_CREATED), "whsec_refunds");

            WebhookOperations.redeliver(f.state(), MERCHANT, event.id());

            Delivery late = delivery(f, event, "we_late");
            assertThat(late.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(late.attempts()).isZero();
            assertThat(f.state().find(RecordKind.DELIVERY, Delivery.idOf(event.id(), "we_refunds"), Delivery.class))
                    .as("an endpoint that does not want the type").isEmpty();
        }

        @Test
        void aDeletedEndpointIsNotRedeliveredTo() {
            WebhookOperations.deleteEndpoint(f.state(), MERCHANT, ENDPOINT_SUCCEEDED);

            StateChanges changes = f.step(() -> WebhookOperations.redeliver(f.state(), MERCHANT, event.id())).changes();

            assertThat(SwitchFixture.deliveries(changes)).extracting(Delivery::endpointId).containsExactly(ENDPOINT_ALL);
        }

        @Test
        void anotherOwnersOrAnUnknownEventIsNotFound() {
            for (String[] call : List.of(new String[] {OTHER_MERCHANT, event.id()},
                    new String[] {MERCHANT, ObjectIds.of("evt_", f.ids().next())})) {
                SwitchFixture.Step<Outcome<RedeliverResult, Event>> step =
                        f.step(() -> WebhookOperations.redeliver(f.state(), call[0], call[1]));
                assertThat(step.value().result()).isEqualTo(RedeliverResult.NOT_FOUND);
                assertThat(step.changes().isEmpty()).isTrue();
            }
        }
    }

    @Nested
    class Endpoints {
        private final SwitchFixture f = new SwitchFixture();

        private WebhookEndpoint endpoint(String id) {
            return f.state().find(RecordKind.WEBHOOK_ENDPOINT, id, WebhookEndpoint.class).orElseThrow();
        }

        @Test
        void theEndpointsOfTheFixtureSubscribeAsDeclared() {
            assertThat(endpoint(ENDPOINT_ALL).wants(EventTypes.CUSTOMER_TOPPED_UP)).isTrue();
            assertThat(endpoint(ENDPOINT_SUCCEEDED).wants(EventTypes.PAYMENT_INTENT_SUCCEEDED)).isTrue();
            assertThat(endpoint(ENDPOINT_SUCCEEDED).wants(EventTypes.PAYMENT_INTENT_CREATED)).isFalse();
            assertThat(endpoint(ENDPOINT_ALL).signingSecrets(f.now())).containsExactly("whsec_we_all_1");
        }

        @Test
        void rotationKeepsThePreviousSecretValidForTheOverlapAndNotANanosecondLonger() {
            f.advanceSeconds(100);
            long rotatedAt = f.now();

            Outcome<EndpointResult, WebhookEndpoint> rotated =
                    WebhookOperations.rotateSecret(f.state(), MERCHANT, ENDPOINT_ALL, "whsec_we_all_2");

            assertThat(rotated.result()).isEqualTo(EndpointResult.OK);
            WebhookEndpoint stored = endpoint(ENDPOINT_ALL);
            assertThat(stored).isEqualTo(rotated.value());
            long overlapEnds = rotatedAt + WebhookOperations.ROTATION_OVERLAP_NANOS;
            assertThat(stored.secrets()).containsExactly(new SigningSecret("whsec_we_all_2", 0),
                    new SigningSecret("whsec_we_all_1", overlapEnds));
            assertThat(stored.signingSecrets(rotatedAt)).containsExactly("whsec_we_all_2", "whsec_we_all_1");
            assertThat(stored.signingSecrets(overlapEnds - 1)).containsExactly("whsec_we_all_2", "whsec_we_all_1");
            assertThat(stored.signingSecrets(overlapEnds)).containsExactly("whsec_we_all_2");
            assertThat(stored.signingSecrets(overlapEnds + 365L * 24 * 3600 * SECOND)).containsExactly("whsec_we_all_2");
        }

        @Test
        void aSecondRotationKeepsOnlyTheSecretItReplaces() {
            WebhookOperations.rotateSecret(f.state(), MERCHANT, ENDPOINT_ALL, "whsec_we_all_2");
            f.advanceSeconds(60);

            WebhookEndpoint twice =
                    WebhookOperations.rotateSecret(f.state(), MERCHANT, ENDPOINT_ALL, "whsec_we_all_3").value();

            assertThat(twice.signingSecrets(f.now())).containsExactly("whsec_we_all_3", "whsec_we_all_2");
        }

        @Test
        void anotherOwnerCannotRotateOrDelete() {
            WebhookEndpoint before = endpoint(ENDPOINT_ALL);
            SwitchFixture.Step<List<EndpointResult>> step = f.step(() -> List.of(
                    WebhookOperations.rotateSecret(f.state(), OTHER_MERCHANT, ENDPOINT_ALL, "whsec_x").result(),
                    WebhookOperations.deleteEndpoint(f.state(), OTHER_MERCHANT, ENDPOINT_ALL).result(),
                    WebhookOperations.rotateSecret(f.state(), MERCHANT, "we_unknown", "whsec_x").result()));

            assertThat(step.value()).containsOnly(EndpointResult.NOT_FOUND);
            assertThat(step.changes().isEmpty()).isTrue();
            assertThat(endpoint(ENDPOINT_ALL)).isEqualTo(before);
        }

        @Test
        void aDeletedEndpointGetsNoMoreDeliveries() {
            SwitchFixture.Step<Outcome<EndpointResult, WebhookEndpoint>> deleted =
                    f.step(() -> WebhookOperations.deleteEndpoint(f.state(), MERCHANT, ENDPOINT_ALL));
            assertThat(deleted.value().result()).isEqualTo(EndpointResult.OK);
            assertThat(deleted.changes().records()).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo(RecordKind.WEBHOOK_ENDPOINT);
                assertThat(change.removed()).isTrue();
            });

            StateChanges changes = f.step(() -> f.paid(1_000, USD, ALICE)).changes();

            assertThat(SwitchFixture.deliveries(changes)).extracting(Delivery::endpointId)
                    .containsExactly(ENDPOINT_SUCCEEDED);
        }

        @Test
        void anOwnerHasAtMostSixteenEndpoints() {
            List<EndpointResult> results = new ArrayList<>();
            for (int i = 0; i < WebhookOperations.ENDPOINTS_PER_OWNER_MAX; i++) {
                results.add(WebhookOperations.createEndpoint(f.state(), MERCHANT, "we_" + i, "https://e.example/" + i,
                        List.of(EventTypes.ALL), "whsec_" + i).result());
            }

            assertThat(results.subList(0, WebhookOperations.ENDPOINTS_PER_OWNER_MAX - 2)).containsOnly(EndpointResult.OK);
            assertThat(results.subList(WebhookOperations.ENDPOINTS_PER_OWNER_MAX - 2, results.size()))
                    .as("the fixture's two endpoints count").containsOnly(EndpointResult.TOO_MANY_ENDPOINTS);
            assertThat(f.state().all(RecordKind.WEBHOOK_ENDPOINT).stream()
                    .filter(e -> ((WebhookEndpoint) e).ownerId().equals(MERCHANT))).hasSize(16);
            assertThat(WebhookOperations.createEndpoint(f.state(), OTHER_MERCHANT, "we_other", "https://o.example",
                    List.of(EventTypes.ALL), "whsec_o").result()).isEqualTo(EndpointResult.OK);
        }

        @Test
        void secretsStayOutOfTextForms() {
            WebhookOperations.rotateSecret(f.state(), MERCHANT, ENDPOINT_ALL, "whsec_we_all_2");
            WebhookEndpoint rotated = endpoint(ENDPOINT_ALL);

            assertThat(rotated.toString()).doesNotContain("whsec_we_all");
            assertThat(rotated.secrets()).allSatisfy(s -> assertThat(s.toString()).doesNotContain("whsec_we_all"));
        }
    }
}
