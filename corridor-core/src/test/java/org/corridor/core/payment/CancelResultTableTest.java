package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.payment.OperationLine.line;
import static org.corridor.core.payment.PaymentOperations.CancelResult.OK;
import static org.corridor.core.payment.PaymentOperations.CancelResult.PAYMENT_INTENT_NOT_FOUND;
import static org.corridor.core.payment.PaymentOperations.CancelResult.PAYMENT_INTENT_UNEXPECTED_STATE;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.DAVE_USD;
import static org.corridor.core.state.SwitchFixture.ENDPOINT_ALL;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.corridor.core.Id128;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.core.payment.PaymentOperations.CancelResult;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One line per {@link CancelResult}, first check to last. A cancel releases a live reservation. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CancelResultTableTest {
    private static final String UNKNOWN_INTENT = ObjectIds.of("pi_", new Id128(0xDEAD, 0xBEEF));
    private static final String REASON = "requested_by_customer";

    private static OperationLine<CancelResult, PaymentIntent> cancel(CancelResult expected, String scenario,
            Function<SwitchFixture, PaymentIntent> setup, String caller) {
        return line(expected, scenario, setup,
                (f, pi) -> PaymentOperations.cancel(f.state(), caller, pi == null ? UNKNOWN_INTENT : pi.id(), REASON));
    }

    private static PaymentIntent canceled(SwitchFixture f, PaymentIntent pi) {
        assertThat(PaymentOperations.cancel(f.state(), pi.ownerId(), pi.id(), "duplicate").result()).isEqualTo(OK);
        return pi;
    }

    private static PaymentIntent declined(SwitchFixture f) {
        PaymentIntent pi = f.createIntent(DAVE_USD + 1, USD, CaptureMethod.AUTOMATIC);
        assertThat(f.confirmByWallet(pi, DAVE).result()).isEqualTo(PaymentOperations.ConfirmResult.DECLINED);
        return pi;
    }

    static final List<OperationLine<CancelResult, PaymentIntent>> TABLE = List.of(
            cancel(OK, "a live reservation: the shopper's funds are released", f -> f.reserved(10_000, USD, ALICE),
                    MERCHANT),
            cancel(OK, "an intent waiting for a payment method", f -> f.createIntent(10_000, USD, CaptureMethod.MANUAL),
                    MERCHANT),
            cancel(OK, "an intent waiting for confirmation",
                    f -> PaymentOperations.create(f.state(), f.spec(MERCHANT, 10_000, USD, CaptureMethod.AUTOMATIC,
                            new PaymentMethod.CustomerBalance(ALICE))).value(), MERCHANT),
            cancel(OK, "an intent whose payment was declined", CancelResultTableTest::declined, MERCHANT),
            cancel(OK, "a reservation the ledger already expired: nothing left to release",
                    f -> {
                        PaymentIntent pi = f.reserved(10_000, USD, ALICE);
                        f.advanceTo(f.reservationExpiresAt(pi));
                        return pi;
                    }, MERCHANT),
            cancel(PAYMENT_INTENT_NOT_FOUND, "an id that names no intent", f -> null, MERCHANT),
            cancel(PAYMENT_INTENT_NOT_FOUND, "another merchant's intent", f -> f.reserved(10_000, USD, ALICE),
                    OTHER_MERCHANT),
            cancel(PAYMENT_INTENT_NOT_FOUND, "the shopper's wallet provider", f -> f.reserved(10_000, USD, ALICE),
                    WALLET),
            cancel(PAYMENT_INTENT_UNEXPECTED_STATE, "a second cancel after a successful one",
                    f -> canceled(f, f.reserved(10_000, USD, ALICE)), MERCHANT),
            cancel(PAYMENT_INTENT_UNEXPECTED_STATE, "an intent that succeeded", f -> f.paid(10_000, USD, ALICE),
                    MERCHANT),
            cancel(PAYMENT_INTENT_UNEXPECTED_STATE, "an intent that was captured",
                    f -> {
                        PaymentIntent pi = f.reserved(10_000, USD, ALICE);
                        PaymentOperations.capture(f.state(), MERCHANT, pi.id(), 0);
                        return pi;
                    }, MERCHANT));

    static final List<OperationLine<CancelResult, PaymentIntent>> PRECEDENCE = List.of(
            cancel(PAYMENT_INTENT_NOT_FOUND, "another merchant, on a canceled intent",
                    f -> canceled(f, f.createIntent(1_000, USD, CaptureMethod.AUTOMATIC)), OTHER_MERCHANT));

    static Stream<OperationLine<CancelResult, PaymentIntent>> table() {
        return TABLE.stream();
    }

    static Stream<OperationLine<CancelResult, PaymentIntent>> precedence() {
        return PRECEDENCE.stream();
    }

    @Test
    void theTableWalksEveryResultInDeclarationOrder() {
        OperationLine.assertWalksEveryResultInOrder(TABLE, CancelResult.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachLineGetsItsResult(OperationLine<CancelResult, PaymentIntent> line) {
        check(line.play());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void theEarlierCheckAnswers(OperationLine<CancelResult, PaymentIntent> line) {
        check(line.play());
    }

    private static void check(OperationLine.Played<CancelResult, PaymentIntent> played) {
        if (!played.outcome().ok()) {
            played.assertNothingChanged();
            return;
        }
        SwitchFixture f = played.fixture();
        PaymentIntent before = played.before();
        PaymentIntent canceled = played.outcome().value();
        assertThat(canceled.status()).isEqualTo(PaymentIntentStatus.CANCELED);
        assertThat(canceled.cancellationReason()).isEqualTo(REASON);
        assertThat(canceled.amountCapturable()).isZero();
        assertThat(canceled.amountReceived()).isZero();
        assertThat(f.intent(canceled.id())).isEqualTo(canceled);

        List<Transfer> transfers = played.step().changes().ledger().transfersCreated();
        boolean liveReservation = before.status() == PaymentIntentStatus.REQUIRES_CAPTURE
                && played.step().accountsBefore().get(f.customerAccount(ALICE, USD)).debitsPending() > 0;
        if (liveReservation) {
            assertThat(transfers).singleElement().satisfies(t -> {
                assertThat(t.has(TransferFlags.VOID_PENDING)).isTrue();
                assertThat(t.pendingId()).isEqualTo(before.reservationId());
            });
            assertThat(f.state().ledger().pendingStatus(before.reservationId())).contains(PendingStatus.VOIDED);
        } else {
            assertThat(transfers).isEmpty();
        }
        assertThat(f.customerAvailable(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.customerBalance(DAVE, USD)).isEqualTo(DAVE_USD);
        assertThat(f.merchantBalance(MERCHANT, USD)).isZero();
        Id128 merchant = f.participantAccount(MERCHANT, USD);
        assertThat(f.account(merchant).creditsPending()).isZero();
        assertThat(f.operatorBalance(USD)).isZero();

        List<Event> events = SwitchFixture.events(played.step().changes());
        assertThat(events).extracting(Event::type).containsExactly(EventTypes.PAYMENT_INTENT_CANCELED);
        assertThat(events.getFirst().object()).isEqualTo(canceled);
        assertThat(SwitchFixture.deliveries(played.step().changes())).extracting(Delivery::endpointId)
                .containsExactly(ENDPOINT_ALL);
    }
}
