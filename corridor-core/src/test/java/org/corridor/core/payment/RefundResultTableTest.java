package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.payment.OperationLine.line;
import static org.corridor.core.payment.PaymentOperations.RefundResult.AMOUNT_TOO_LARGE;
import static org.corridor.core.payment.PaymentOperations.RefundResult.OK;
import static org.corridor.core.payment.PaymentOperations.RefundResult.PAYMENT_INTENT_NOT_FOUND;
import static org.corridor.core.payment.PaymentOperations.RefundResult.PAYMENT_INTENT_UNEXPECTED_STATE;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ENDPOINT_ALL;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.payment.PaymentOperations.RefundResult;
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
 * One line per {@link RefundResult}, first check to last. A refund moves money from the merchant back to
 * the shopper; the fee stays with the operator, and the refunds of an intent never pass what it received.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RefundResultTableTest {
    private static final String UNKNOWN_INTENT = ObjectIds.of("pi_", new Id128(0xDEAD, 0xBEEF));
    private static final String REFUND_ID = ObjectIds.of("re_", new Id128(0xFEED, 1));
    private static final long PAID = 10_000;

    private static OperationLine<RefundResult, Refund> refund(RefundResult expected, String scenario,
            Function<SwitchFixture, PaymentIntent> setup, String caller, long amount) {
        return line(expected, scenario, setup, (f, pi) -> PaymentOperations.refund(f.state(), caller, REFUND_ID,
                pi == null ? UNKNOWN_INTENT : pi.id(), amount, "requested_by_customer", Map.of("ticket", "42")));
    }

    private static PaymentIntent paid(SwitchFixture f) {
        return f.paid(PAID, USD, ALICE);
    }

    /** Paid, then {@code amount} refunded. */
    private static Function<SwitchFixture, PaymentIntent> refunded(long amount) {
        return f -> {
            PaymentIntent pi = paid(f);
            Outcome<RefundResult, Refund> first = PaymentOperations.refund(f.state(), MERCHANT,
                    ObjectIds.of("re_", f.ids().next()), pi.id(), amount, "", Map.of());
            assertThat(first.result()).isEqualTo(OK);
            return pi;
        };
    }

    private static PaymentIntent partlyCaptured(SwitchFixture f, long amount) {
        PaymentIntent pi = f.reserved(PAID, USD, ALICE);
        assertThat(PaymentOperations.capture(f.state(), MERCHANT, pi.id(), amount).result())
                .isEqualTo(PaymentOperations.CaptureResult.OK);
        return pi;
    }

    static final List<OperationLine<RefundResult, Refund>> TABLE = List.of(
            refund(OK, "part of a payment", RefundResultTableTest::paid, MERCHANT, 3_000),
            refund(OK, "all of it, asked as amount zero", RefundResultTableTest::paid, MERCHANT, 0),
            refund(OK, "the rest after a partial refund, asked as amount zero", refunded(3_000), MERCHANT, 0),
            refund(OK, "exactly the rest after a partial refund", refunded(3_000), MERCHANT, PAID - 3_000),
            refund(OK, "all of a partial capture", f -> partlyCaptured(f, 6_000), MERCHANT, 6_000),
            refund(OK, "a yen payment", f -> f.paid(1_000, JPY, ALICE), MERCHANT, 999),
            refund(PAYMENT_INTENT_NOT_FOUND, "an id that names no intent", f -> null, MERCHANT, 1),
            refund(PAYMENT_INTENT_NOT_FOUND, "another merchant's intent", RefundResultTableTest::paid, OTHER_MERCHANT,
                    1),
            refund(PAYMENT_INTENT_NOT_FOUND, "the shopper's wallet provider", RefundResultTableTest::paid, WALLET, 1),
            refund(PAYMENT_INTENT_UNEXPECTED_STATE, "a reservation not captured yet",
                    f -> f.reserved(PAID, USD, ALICE), MERCHANT, 1),
            refund(PAYMENT_INTENT_UNEXPECTED_STATE, "an intent waiting for a payment method",
                    f -> f.createIntent(PAID, USD, CaptureMethod.AUTOMATIC), MERCHANT, 0),
            refund(PAYMENT_INTENT_UNEXPECTED_STATE, "a canceled reservation",
                    f -> {
                        PaymentIntent pi = f.reserved(PAID, USD, ALICE);
                        PaymentOperations.cancel(f.state(), MERCHANT, pi.id(), "abandoned");
                        return pi;
                    }, MERCHANT, 0),
            refund(PAYMENT_INTENT_UNEXPECTED_STATE, "a payment refunded in full", refunded(0), MERCHANT, 0),
            refund(PAYMENT_INTENT_UNEXPECTED_STATE, "a payment refunded in two parts", f -> {
                PaymentIntent pi = refunded(4_000).apply(f);
                PaymentOperations.refund(f.state(), MERCHANT, ObjectIds.of("re_", f.ids().next()), pi.id(), 6_000, "",
                        Map.of());
                return pi;
            }, MERCHANT, 1),
            refund(AMOUNT_TOO_LARGE, "one minor unit more than was paid", RefundResultTableTest::paid, MERCHANT,
                    PAID + 1),
            refund(AMOUNT_TOO_LARGE, "one minor unit more than is left after a partial refund", refunded(3_000),
                    MERCHANT, PAID - 3_000 + 1),
            refund(AMOUNT_TOO_LARGE, "more than was captured, though less than the intent's amount",
                    f -> partlyCaptured(f, 6_000), MERCHANT, 6_001));

    static final List<OperationLine<RefundResult, Refund>> PRECEDENCE = List.of(
            refund(PAYMENT_INTENT_NOT_FOUND, "another merchant, asking too much", RefundResultTableTest::paid,
                    OTHER_MERCHANT, PAID + 1),
            refund(PAYMENT_INTENT_UNEXPECTED_STATE, "too much of a payment refunded in full", refunded(0), MERCHANT,
                    PAID + 1));

    static Stream<OperationLine<RefundResult, Refund>> table() {
        return TABLE.stream();
    }

    static Stream<OperationLine<RefundResult, Refund>> precedence() {
        return PRECEDENCE.stream();
    }

    @Test
    void theTableWalksEveryResultInDeclarationOrder() {
        OperationLine.assertWalksEveryResultInOrder(TABLE, RefundResult.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachLineGetsItsResult(OperationLine<RefundResult, Refund> line) {
        check(line.play());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void theEarlierCheckAnswers(OperationLine<RefundResult, Refund> line) {
        check(line.play());
    }

    private static void check(OperationLine.Played<RefundResult, Refund> played) {
        if (!played.outcome().ok()) {
            played.assertNothingChanged();
            assertThat(played.outcome().value()).isNull();
            assertThat(played.fixture().state().find(RecordKind.REFUND, REFUND_ID, Refund.class)).isEmpty();
            return;
        }
        SwitchFixture f = played.fixture();
        PaymentIntent before = played.before();
        Refund refund = played.outcome().value();
        long amount = refund.amountMinor();
        String currency = before.currency();

        assertThat(amount).isPositive().isLessThanOrEqualTo(before.refundable());
        assertThat(refund.id()).isEqualTo(REFUND_ID);
        assertThat(refund.paymentIntentId()).isEqualTo(before.id());
        assertThat(refund.ownerId()).isEqualTo(MERCHANT);
        assertThat(refund.currency()).isEqualTo(currency);
        assertThat(refund.metadata()).containsEntry("ticket", "42");
        assertThat(f.state().find(RecordKind.REFUND, REFUND_ID, Refund.class)).contains(refund);

        PaymentIntent after = f.intent(before.id());
        assertThat(after.amountRefunded()).isEqualTo(before.amountRefunded() + amount);
        assertThat(after.amountRefunded()).isLessThanOrEqualTo(after.amountReceived());
        assertThat(after.amountReceived()).isEqualTo(before.amountReceived());
        assertThat(after.feeMinor()).as("the fee is not returned").isEqualTo(before.feeMinor());
        assertThat(after.status()).isEqualTo(PaymentIntentStatus.SUCCEEDED);

        assertThat(played.postedDelta(f.customerAccount(ALICE, currency))).isEqualTo(amount);
        assertThat(played.postedDelta(f.participantAccount(MERCHANT, currency))).isEqualTo(-amount);
        assertThat(played.postedDelta(f.operatorAccount(currency))).as("the fee stays with the operator").isZero();
        assertThat(f.operatorBalance(currency)).isEqualTo(before.feeMinor());

        List<Transfer> transfers = played.step().changes().ledger().transfersCreated();
        assertThat(transfers).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo(refund.transferId());
            assertThat(t.amount()).isEqualTo(amount);
            assertThat(t.code()).isEqualTo(TransferCodes.REFUND);
            assertThat(t.debitAccountId()).isEqualTo(f.participantAccount(MERCHANT, currency));
            assertThat(t.creditAccountId()).isEqualTo(f.customerAccount(ALICE, currency));
        });
        List<Event> events = SwitchFixture.events(played.step().changes());
        assertThat(events).extracting(Event::type).containsExactly(EventTypes.REFUND_CREATED);
        assertThat(events.getFirst().object()).isEqualTo(refund);
        assertThat(SwitchFixture.deliveries(played.step().changes())).extracting(Delivery::endpointId)
                .containsExactly(ENDPOINT_ALL);
    }
}
