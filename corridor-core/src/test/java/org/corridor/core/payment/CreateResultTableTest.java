package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.payment.OperationLine.line;
import static org.corridor.core.payment.PaymentOperations.CreateResult.CURRENCY_NOT_SUPPORTED;
import static org.corridor.core.payment.PaymentOperations.CreateResult.NOT_A_MERCHANT;
import static org.corridor.core.payment.PaymentOperations.CreateResult.OK;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ENDPOINT_ALL;
import static org.corridor.core.state.SwitchFixture.EUR;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.payment.PaymentOperations.CreateResult;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One line per {@link CreateResult}, first check to last. Creating moves no money. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CreateResultTableTest {
    private static final PaymentMethod ALICE_BALANCE = new PaymentMethod.CustomerBalance(ALICE);

    private static OperationLine<CreateResult, PaymentIntent> create(CreateResult expected, String scenario,
            String owner, String currency, PaymentMethod method) {
        return line(expected, scenario, f -> null, (f, none) -> PaymentOperations.create(f.state(),
                f.spec(owner, 12_345, currency, CaptureMethod.AUTOMATIC, method)));
    }

    static final List<OperationLine<CreateResult, PaymentIntent>> TABLE = List.of(
            create(OK, "a merchant's intent without a payment method", MERCHANT, USD, null),
            create(OK, "with a payment method: it waits for confirmation", MERCHANT, USD, ALICE_BALANCE),
            create(OK, "in the merchant's second currency", MERCHANT, JPY, null),
            create(OK, "by another merchant", OTHER_MERCHANT, USD, null),
            create(NOT_A_MERCHANT, "by a wallet provider", WALLET, USD, null),
            create(NOT_A_MERCHANT, "by the operator", ParticipantOperations.OPERATOR_ID, USD, null),
            create(CURRENCY_NOT_SUPPORTED, "in a currency the merchant does not work in", MERCHANT, EUR, null),
            create(CURRENCY_NOT_SUPPORTED, "in another merchant's currency only", OTHER_MERCHANT, JPY, null));

    static final List<OperationLine<CreateResult, PaymentIntent>> PRECEDENCE = List.of(
            create(NOT_A_MERCHANT, "a wallet provider, in a currency it lacks", WALLET, EUR, null));

    static Stream<OperationLine<CreateResult, PaymentIntent>> table() {
        return TABLE.stream();
    }

    static Stream<OperationLine<CreateResult, PaymentIntent>> precedence() {
        return PRECEDENCE.stream();
    }

    @Test
    void theTableWalksEveryResultInDeclarationOrder() {
        OperationLine.assertWalksEveryResultInOrder(TABLE, CreateResult.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachLineGetsItsResult(OperationLine<CreateResult, PaymentIntent> line) {
        check(line.play());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void theEarlierCheckAnswers(OperationLine<CreateResult, PaymentIntent> line) {
        check(line.play());
    }

    private static void check(OperationLine.Played<CreateResult, PaymentIntent> played) {
        if (!played.outcome().ok()) {
            played.assertNothingChanged();
            assertThat(played.fixture().state().all(RecordKind.PAYMENT_INTENT)).isEmpty();
            return;
        }
        SwitchFixture f = played.fixture();
        PaymentIntent created = played.outcome().value();
        assertThat(created.status()).isEqualTo(created.paymentMethod() == null
                ? PaymentIntentStatus.REQUIRES_PAYMENT_METHOD
                : PaymentIntentStatus.REQUIRES_CONFIRMATION);
        assertThat(created.amountReceived()).isZero();
        assertThat(created.amountCapturable()).isZero();
        assertThat(created.createdAt()).isEqualTo(f.now());
        assertThat(f.intent(created.id())).isEqualTo(created);

        assertThat(played.step().changes().ledger().isEmpty()).as("creating moves no money").isTrue();
        List<Event> events = SwitchFixture.events(played.step().changes());
        assertThat(events).extracting(Event::type).containsExactly(EventTypes.PAYMENT_INTENT_CREATED);
        assertThat(events.getFirst().ownerId()).isEqualTo(created.ownerId());
        assertThat(events.getFirst().object()).isEqualTo(created);
        List<Delivery> deliveries = SwitchFixture.deliveries(played.step().changes());
        if (created.ownerId().equals(MERCHANT)) {
            assertThat(deliveries).extracting(Delivery::endpointId).containsExactly(ENDPOINT_ALL);
        } else {
            assertThat(deliveries).as("the other merchant has no endpoints").isEmpty();
        }
    }
}
