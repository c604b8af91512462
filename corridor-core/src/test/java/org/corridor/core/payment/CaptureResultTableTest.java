package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.payment.OperationLine.line;
import static org.corridor.core.payment.PaymentOperations.CaptureResult.AMOUNT_TOO_LARGE;
import static org.corridor.core.payment.PaymentOperations.CaptureResult.OK;
import static org.corridor.core.payment.PaymentOperations.CaptureResult.PAYMENT_INTENT_NOT_FOUND;
import static org.corridor.core.payment.PaymentOperations.CaptureResult.PAYMENT_INTENT_UNEXPECTED_STATE;
import static org.corridor.core.payment.PaymentOperations.CaptureResult.RESERVATION_EXPIRED;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_JPY;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.ENDPOINT_ALL;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.MERCHANT_FEE_BASIS_POINTS;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corridor.core.Id128;
import org.corridor.core.ledger.PendingStatus;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.money.Fees;
import org.corridor.core.payment.PaymentOperations.CaptureResult;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One line per {@link CaptureResult}, first check to last. A capture posts part or all of the reservation
 * (the rest goes back to the shopper) and charges the fee on what it took; an expired reservation cancels
 * the intent instead.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CaptureResultTableTest {
    private static final String UNKNOWN_INTENT = ObjectIds.of("pi_", new Id128(0xDEAD, 0xBEEF));
    private static final long RESERVED = 10_000;

    private static OperationLine<CaptureResult, PaymentIntent> capture(CaptureResult expected, String scenario,
            java.util.function.Function<SwitchFixture, PaymentIntent> setup, String caller, long amount) {
        return line(expected, scenario, setup,
                (f, pi) -> PaymentOperations.capture(f.state(), caller, pi == null ? UNKNOWN_INTENT : pi.id(), amount));
    }

    private static PaymentIntent reserved(SwitchFixture f) {
        return f.reserved(RESERVED, USD, ALICE);
    }

    private static PaymentIntent expired(SwitchFixture f) {
        PaymentIntent pi = reserved(f);
        f.advanceTo(f.reservationExpiresAt(pi));
        return pi;
    }

    static final List<OperationLine<CaptureResult, PaymentIntent>> TABLE = List.of(
            capture(OK, "the whole reservation, asked as amount zero", CaptureResultTableTest::reserved, MERCHANT, 0),
            capture(OK, "the whole reservation, asked by its amount", CaptureResultTableTest::reserved, MERCHANT,
                    RESERVED),
            capture(OK, "part of it; the rest goes back to the shopper", CaptureResultTableTest::reserved, MERCHANT,
                    6_035),
            capture(OK, "one minor unit of it, too little for a fee", CaptureResultTableTest::reserved, MERCHANT, 1),
            capture(OK, "a yen reservation of the whole yen balance", f -> f.reserved(ALICE_JPY, JPY, ALICE), MERCHANT,
                    0),
            capture(OK, "one nanosecond before the reservation expires, as the batch's first command",
                    f -> {
                        PaymentIntent pi = reserved(f);
                        f.advanceTo(f.reservationExpiresAt(pi) - 1);
                        return pi;
                    }, MERCHANT, 0),
            capture(PAYMENT_INTENT_NOT_FOUND, "an id that names no intent", f -> null, MERCHANT, 0),
            capture(PAYMENT_INTENT_NOT_FOUND, "another merchant's intent", CaptureResultTableTest::reserved,
                    OTHER_MERCHANT, 0),
            capture(PAYMENT_INTENT_NOT_FOUND, "the shopper's wallet provider, which does not own the intent",
                    CaptureResultTableTest::reserved, WALLET, 0),
            capture(PAYMENT_INTENT_UNEXPECTED_STATE, "an automatic intent that already succeeded",
                    f -> f.paid(RESERVED, USD, ALICE), MERCHANT, 0),
            capture(PAYMENT_INTENT_UNEXPECTED_STATE, "a manual intent not confirmed yet",
                    f -> f.createIntent(RESERVED, USD, CaptureMethod.MANUAL), MERCHANT, 0),
            capture(PAYMENT_INTENT_UNEXPECTED_STATE, "a second capture",
                    f -> captured(f, reserved(f), 4_000), MERCHANT, 1),
            capture(PAYMENT_INTENT_UNEXPECTED_STATE, "a canceled intent",
                    f -> canceled(f, reserved(f)), MERCHANT, 0),
            capture(AMOUNT_TOO_LARGE, "one minor unit more than reserved", CaptureResultTableTest::reserved, MERCHANT,
                    RESERVED + 1),
            capture(AMOUNT_TOO_LARGE, "more than any balance", CaptureResultTableTest::reserved, MERCHANT,
                    Long.MAX_VALUE),
            capture(RESERVATION_EXPIRED, "a batch that opens right at the reservation's timeout",
                    CaptureResultTableTest::expired, MERCHANT, 0),
            capture(RESERVATION_EXPIRED, "a batch long after the timeout, capturing a part",
                    f -> {
                        PaymentIntent pi = reserved(f);
                        f.advanceSeconds(PaymentOperations.RESERVATION_TIMEOUT_SECONDS * 3L);
                        return pi;
                    }, MERCHANT, 1_000));

    static final List<OperationLine<CaptureResult, PaymentIntent>> PRECEDENCE = List.of(
            capture(PAYMENT_INTENT_NOT_FOUND, "another merchant, asking too much of an expired reservation",
                    CaptureResultTableTest::expired, OTHER_MERCHANT, RESERVED + 1),
            capture(PAYMENT_INTENT_UNEXPECTED_STATE, "too much of an intent that already succeeded",
                    f -> f.paid(RESERVED, USD, ALICE), MERCHANT, RESERVED + 1),
            capture(AMOUNT_TOO_LARGE, "too much of an expired reservation: the intent stays as it was",
                    CaptureResultTableTest::expired, MERCHANT, RESERVED + 1));

    static Stream<OperationLine<CaptureResult, PaymentIntent>> table() {
        return TABLE.stream();
    }

    static Stream<OperationLine<CaptureResult, PaymentIntent>> precedence() {
        return PRECEDENCE.stream();
    }

    private static PaymentIntent captured(SwitchFixture f, PaymentIntent pi, long amount) {
        Outcome<CaptureResult, PaymentIntent> outcome = PaymentOperations.capture(f.state(), pi.ownerId(), pi.id(), amount);
        assertThat(outcome.result()).isEqualTo(OK);
        return outcome.value();
    }

    private static PaymentIntent canceled(SwitchFixture f, PaymentIntent pi) {
        return PaymentOperations.cancel(f.state(), pi.ownerId(), pi.id(), "requested_by_customer").value();
    }

    @Test
    void theTableWalksEveryResultInDeclarationOrder() {
        OperationLine.assertWalksEveryResultInOrder(TABLE, CaptureResult.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachLineGetsItsResult(OperationLine<CaptureResult, PaymentIntent> line) {
        check(line.play());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void theEarlierCheckAnswers(OperationLine<CaptureResult, PaymentIntent> line) {
        check(line.play());
    }

    private static void check(OperationLine.Played<CaptureResult, PaymentIntent> played) {
        switch (played.outcome().result()) {
            case OK -> assertCaptured(played);
            case RESERVATION_EXPIRED -> assertExpired(played);
            default -> played.assertNothingChanged();
        }
    }

    private static void assertCaptured(OperationLine.Played<CaptureResult, PaymentIntent> played) {
        SwitchFixture f = played.fixture();
        PaymentIntent before = played.before();
        PaymentIntent captured = played.outcome().value();
        long reserved = before.amountCapturable();
        long amount = captured.amountReceived();
        long fee = Fees.ofAmount(amount, MERCHANT_FEE_BASIS_POINTS);
        String currency = before.currency();

        assertThat(amount).isBetween(1L, reserved);
        assertThat(captured.status()).isEqualTo(PaymentIntentStatus.SUCCEEDED);
        assertThat(captured.feeMinor()).isEqualTo(fee);
        assertThat(captured.amountCapturable()).isZero();
        assertThat(captured.amountRefunded()).isZero();
        assertThat(f.intent(captured.id())).isEqualTo(captured);
        assertThat(f.state().ledger().pendingStatus(before.reservationId())).contains(PendingStatus.POSTED);

        Id128 shopper = f.customerAccount(ALICE, currency);
        assertThat(played.postedDelta(shopper)).isEqualTo(-amount);
        assertThat(f.account(shopper).debitsPending()).isZero();
        assertThat(f.customerBalance(ALICE, currency))
                .isEqualTo((currency.equals(USD) ? ALICE_USD : ALICE_JPY) - amount);
        Id128 merchant = f.participantAccount(MERCHANT, currency);
        assertThat(played.postedDelta(merchant)).isEqualTo(amount - fee);
        assertThat(f.account(merchant).creditsPending()).isZero();
        assertThat(played.postedDelta(f.operatorAccount(currency))).isEqualTo(fee);

        List<Transfer> transfers = played.step().changes().ledger().transfersCreated();
        assertThat(transfers).hasSize(fee == 0 ? 1 : 2);
        assertThat(transfers).allSatisfy(t -> assertThat(t.userData()).isEqualTo(ObjectIds.numberOf(captured.id())));
        List<Event> events = SwitchFixture.events(played.step().changes());
        assertThat(events).extracting(Event::type).containsExactly(EventTypes.PAYMENT_INTENT_SUCCEEDED);
        assertThat(SwitchFixture.deliveries(played.step().changes())).hasSize(2);
    }

    private static void assertExpired(OperationLine.Played<CaptureResult, PaymentIntent> played) {
        SwitchFixture f = played.fixture();
        PaymentIntent canceled = played.outcome().value();
        assertThat(canceled.status()).isEqualTo(PaymentIntentStatus.CANCELED);
        assertThat(canceled.cancellationReason()).isEqualTo("expired");
        assertThat(canceled.amountCapturable()).isZero();
        assertThat(canceled.amountReceived()).isZero();
        assertThat(f.intent(canceled.id())).isEqualTo(canceled);
        assertThat(f.state().ledger().pendingStatus(played.before().reservationId())).contains(PendingStatus.EXPIRED);

        assertThat(played.step().changes().ledger().isEmpty()).as("the ledger expired it when the batch opened")
                .isTrue();
        assertThat(f.accounts()).isEqualTo(played.step().accountsBefore());
        assertThat(f.customerAvailable(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.customerBalance(ALICE, USD)).isEqualTo(ALICE_USD);
        assertThat(f.merchantBalance(MERCHANT, USD)).isZero();
        assertThat(f.operatorBalance(USD)).isZero();

        List<Event> events = SwitchFixture.events(played.step().changes());
        assertThat(events).extracting(Event::type).containsExactly(EventTypes.PAYMENT_INTENT_CANCELED);
        assertThat(SwitchFixture.deliveries(played.step().changes())).extracting(Delivery::endpointId)
                .containsExactly(ENDPOINT_ALL);
        assertThat(played.step().changes().records()).extracting(change -> change.kind())
                .containsExactlyInAnyOrder(RecordKind.PAYMENT_INTENT, RecordKind.EVENT, RecordKind.DELIVERY);
    }
}
