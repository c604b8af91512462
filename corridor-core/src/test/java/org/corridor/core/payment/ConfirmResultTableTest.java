package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.CURRENCY_NOT_SUPPORTED;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.CUSTOMER_NOT_FOUND;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.DECLINED;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.FX_UNAVAILABLE;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.OK;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.PAYMENT_INTENT_NOT_FOUND;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.PAYMENT_INTENT_UNEXPECTED_STATE;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.PAYMENT_METHOD_MISSING;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.QUOTE_EXPIRED;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.QUOTE_MISMATCH;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.QUOTE_NOT_FOUND;
import static org.corridor.core.payment.PaymentOperations.ConfirmResult.QUOTE_USED;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.ALICE_USD;
import static org.corridor.core.state.SwitchFixture.BOB;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.DAVE_USD;
import static org.corridor.core.state.SwitchFixture.ENDPOINT_ALL;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_WALLET;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.Arrays;
import java.util.List;
import org.corridor.core.exchange.FxQuotes;
import org.corridor.core.fx.FixedSide;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.QuoteRequest;
import org.corridor.core.fx.Rate;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.corridor.core.Id128;
import org.corridor.core.payment.PaymentOperations.ConfirmResult;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One line per {@link ConfirmResult}, from the first check to the last; then lines where two checks apply at
 * once and the earlier one must answer. Every refusal but the decline leaves the ledger and the objects as
 * they were; the decline books nothing but changes the intent and says so in an event.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfirmResultTableTest {
    /** How long the table's quotes live. */
    private static final long QUOTE_SECONDS = 60;
    private static final String UNKNOWN_INTENT = ObjectIds.of("pi_", new Id128(0xDEAD, 0xBEEF));

    /**
     * One scenario.
     *
     * @param expected the answer the command must get
     * @param scenario what it does, in words
     * @param setup prepares the intent the command is about
     * @param command the confirmation under test
     */
    record Line(ConfirmResult expected, String scenario, Function<SwitchFixture, PaymentIntent> setup,
            BiFunction<SwitchFixture, PaymentIntent, Outcome<ConfirmResult, PaymentIntent>> command) {
        @Override
        public String toString() {
            return expected + ": " + scenario;
        }
    }

    private static Line line(ConfirmResult expected, String scenario, Function<SwitchFixture, PaymentIntent> setup,
            BiFunction<SwitchFixture, PaymentIntent, Outcome<ConfirmResult, PaymentIntent>> command) {
        return new Line(expected, scenario, setup, command);
    }

    private static PaymentIntent automatic(SwitchFixture f, long amount, String currency) {
        return f.createIntent(amount, currency, CaptureMethod.AUTOMATIC);
    }

    private static Outcome<ConfirmResult, PaymentIntent> confirm(SwitchFixture f, String caller, String intentId,
            String secret, String customerId) {
        return PaymentOperations.confirm(f.state(), caller, intentId, secret,
                customerId == null ? null : new PaymentMethod.CustomerBalance(customerId));
    }

    private static Outcome<ConfirmResult, PaymentIntent> byWallet(SwitchFixture f, PaymentIntent pi, String customer) {
        return confirm(f, WALLET, pi.id(), pi.clientSecret(), customer);
    }

    /** The same length as the real secret, one character off: a constant-time compare must still refuse it. */
    private static String oneCharacterOff(String secret) {
        char last = secret.charAt(secret.length() - 1);
        return secret.substring(0, secret.length() - 1) + (last == 'x' ? 'y' : 'x');
    }

    static final List<Line> TABLE = List.of(
            line(OK, "automatic capture, confirmed by the shopper's wallet provider with the client secret",
                    f -> automatic(f, 10_000, USD), (f, pi) -> byWallet(f, pi, ALICE)),
            line(OK, "manual capture: the amount is reserved",
                    f -> f.createIntent(10_000, USD, CaptureMethod.MANUAL), (f, pi) -> byWallet(f, pi, ALICE)),
            line(OK, "the payment method given at creation, confirmed without one",
                    f -> createWithMethod(f, ALICE), (f, pi) -> confirm(f, WALLET, pi.id(), pi.clientSecret(), null)),
            line(OK, "the whole balance, to the last minor unit",
                    f -> automatic(f, DAVE_USD, USD), (f, pi) -> byWallet(f, pi, DAVE)),
            line(PAYMENT_INTENT_NOT_FOUND, "an id that names no intent",
                    f -> null, (f, pi) -> confirm(f, WALLET, UNKNOWN_INTENT, "pi_secret", ALICE)),
            line(PAYMENT_INTENT_NOT_FOUND, "another party than the owner, without the client secret",
                    f -> automatic(f, 1_000, USD), (f, pi) -> confirm(f, WALLET, pi.id(), null, ALICE)),
            line(PAYMENT_INTENT_NOT_FOUND, "a client secret one character off",
                    f -> automatic(f, 1_000, USD),
                    (f, pi) -> confirm(f, WALLET, pi.id(), oneCharacterOff(pi.clientSecret()), ALICE)),
            line(PAYMENT_INTENT_NOT_FOUND, "a client secret of another length (a prefix of the real one)",
                    f -> automatic(f, 1_000, USD),
                    (f, pi) -> confirm(f, WALLET, pi.id(), pi.clientSecret().substring(1), ALICE)),
            line(PAYMENT_INTENT_NOT_FOUND, "the client secret of another intent",
                    f -> {
                        PaymentIntent other = automatic(f, 1_000, USD);
                        PaymentIntent target = automatic(f, 1_000, USD);
                        return showingSecret(target, other.clientSecret());
                    },
                    (f, pi) -> confirm(f, WALLET, pi.id(), pi.clientSecret(), ALICE)),
            line(PAYMENT_INTENT_UNEXPECTED_STATE, "an intent that already succeeded",
                    f -> f.paid(1_000, USD, ALICE), (f, pi) -> byWallet(f, pi, ALICE)),
            line(PAYMENT_INTENT_UNEXPECTED_STATE, "an intent waiting for its capture",
                    f -> f.reserved(1_000, USD, ALICE), (f, pi) -> byWallet(f, pi, ALICE)),
            line(PAYMENT_INTENT_UNEXPECTED_STATE, "a canceled intent",
                    f -> canceled(f, automatic(f, 1_000, USD)), (f, pi) -> byWallet(f, pi, ALICE)),
            line(PAYMENT_METHOD_MISSING, "no method now and none given at creation",
                    f -> automatic(f, 1_000, USD), (f, pi) -> confirm(f, WALLET, pi.id(), pi.clientSecret(), null)),
            line(CUSTOMER_NOT_FOUND, "a customer id that names no customer",
                    f -> automatic(f, 1_000, USD), (f, pi) -> byWallet(f, pi, "cus_nobody")),
            line(CUSTOMER_NOT_FOUND, "a customer of another wallet provider",
                    f -> automatic(f, 1_000, USD), (f, pi) -> byWallet(f, pi, BOB)),
            line(CUSTOMER_NOT_FOUND, "the owner confirming with a wallet provider's customer",
                    f -> automatic(f, 1_000, USD), (f, pi) -> confirm(f, MERCHANT, pi.id(), null, ALICE)),
            line(CURRENCY_NOT_SUPPORTED, "a customer without a balance in the intent's currency",
                    f -> automatic(f, 1_000, JPY), (f, pi) -> byWallet(f, pi, DAVE)),
            line(QUOTE_NOT_FOUND, "a quote id that names no quote",
                    f -> automatic(f, 1_000, JPY), (f, pi) -> withQuote(f, pi, DAVE, "fxq_nothing")),
            line(QUOTE_NOT_FOUND, "another wallet provider's quote",
                    f -> quoted(f, OTHER_WALLET, "fxq_other", 1_000, automatic(f, 1_000, JPY)),
                    (f, pi) -> withQuote(f, pi, DAVE, "fxq_other")),
            line(QUOTE_MISMATCH, "a quote for another amount",
                    f -> quoted(f, WALLET, "fxq_999", 999, automatic(f, 1_000, JPY)),
                    (f, pi) -> withQuote(f, pi, DAVE, "fxq_999")),
            line(QUOTE_USED, "a quote another payment used",
                    f -> {
                        PaymentIntent first = quoted(f, WALLET, "fxq_once", 1_000, automatic(f, 1_000, JPY));
                        assertThat(withQuote(f, first, DAVE, "fxq_once").result()).isEqualTo(OK);
                        return automatic(f, 1_000, JPY);
                    },
                    (f, pi) -> withQuote(f, pi, DAVE, "fxq_once")),
            line(QUOTE_EXPIRED, "a quote at its expiry instant",
                    f -> {
                        PaymentIntent pi = quoted(f, WALLET, "fxq_brief", 1_000, automatic(f, 1_000, JPY));
                        f.advanceSeconds(QUOTE_SECONDS);
                        return pi;
                    },
                    (f, pi) -> withQuote(f, pi, DAVE, "fxq_brief")),
            line(FX_UNAVAILABLE, "no FX liquidity provider holds both currencies",
                    f -> automatic(f, 1_000, JPY), (f, pi) -> atMarket(f, pi, DAVE)),
            line(DECLINED, "automatic capture of one minor unit more than the balance",
                    f -> automatic(f, DAVE_USD + 1, USD), (f, pi) -> byWallet(f, pi, DAVE)),
            line(DECLINED, "manual capture of more than the balance",
                    f -> f.createIntent(ALICE_USD + 1, USD, CaptureMethod.MANUAL), (f, pi) -> byWallet(f, pi, ALICE)),
            line(DECLINED, "a balance that is enough only without an earlier reservation",
                    f -> {
                        f.reserved(ALICE_USD - 500, USD, ALICE);
                        return automatic(f, 501, USD);
                    },
                    (f, pi) -> byWallet(f, pi, ALICE)));

    /** Two checks apply; the one declared first answers. */
    static final List<Line> PRECEDENCE = List.of(
            line(PAYMENT_INTENT_NOT_FOUND, "a wrong secret on a succeeded intent, by a party that is not the owner",
                    f -> f.paid(1_000, USD, ALICE), (f, pi) -> confirm(f, OTHER_WALLET, pi.id(), "wrong", BOB)),
            line(PAYMENT_INTENT_UNEXPECTED_STATE, "an unknown customer on a canceled intent",
                    f -> canceled(f, automatic(f, 1_000, USD)), (f, pi) -> byWallet(f, pi, "cus_nobody")),
            line(PAYMENT_METHOD_MISSING, "no method on an intent for a currency the caller's customers lack",
                    f -> automatic(f, 1_000, JPY),
                    (f, pi) -> confirm(f, OTHER_WALLET, pi.id(), pi.clientSecret(), null)),
            line(CUSTOMER_NOT_FOUND, "another provider's customer, who also lacks the currency",
                    f -> automatic(f, 1_000, JPY),
                    (f, pi) -> confirm(f, WALLET, pi.id(), pi.clientSecret(), BOB)),
            line(CURRENCY_NOT_SUPPORTED, "a customer without the currency, for more than any balance",
                    f -> automatic(f, Long.MAX_VALUE / 2, JPY), (f, pi) -> byWallet(f, pi, DAVE)));

    static Stream<Line> table() {
        return TABLE.stream();
    }

    static Stream<Line> precedence() {
        return PRECEDENCE.stream();
    }

    /** USD/JPY 151.37, as of the fixture's start. */
    private static Rate usdJpy() {
        return new Rate(USD, JPY, new Price(15_137, 100), SwitchFixture.START_NANOS, "test");
    }

    /** Returns {@code pi} after {@code wallet} took quote {@code quoteId} to buy {@code buyMinor} yen with dollars. */
    private static PaymentIntent quoted(SwitchFixture f, String wallet, String quoteId, long buyMinor, PaymentIntent pi) {
        if (f.state().find(RecordKind.PARTICIPANT, "acct_fx", Participant.class).isEmpty()) {
            f.openParticipant("acct_fx", ParticipantRole.FX_PROVIDER, 0, List.of(USD, JPY));
        }
        var made = FxQuotes.create(f.state(), wallet, request(quoteId, buyMinor), usdJpy(), 0);
        assertThat(made.ok()).as("quote %s: %s", quoteId, made.result()).isTrue();
        return pi;
    }

    private static QuoteRequest request(String quoteId, long buyMinor) {
        return new QuoteRequest(quoteId, USD, JPY, FixedSide.BUY, buyMinor, 50, QUOTE_SECONDS * SwitchFixture.NANOS_PER_SECOND);
    }

    private static Outcome<ConfirmResult, PaymentIntent> withQuote(SwitchFixture f, PaymentIntent pi, String customer,
            String quoteId) {
        return PaymentOperations.confirm(f.state(), WALLET, pi.id(), pi.clientSecret(),
                new PaymentMethod.CustomerBalance(customer), new FxChoice.Quoted(quoteId));
    }

    private static Outcome<ConfirmResult, PaymentIntent> atMarket(SwitchFixture f, PaymentIntent pi, String customer) {
        return PaymentOperations.confirm(f.state(), WALLET, pi.id(), pi.clientSecret(),
                new PaymentMethod.CustomerBalance(customer), new FxChoice.AtMarket(request("fxq_market", pi.amountMinor()),
                        usdJpy(), 0));
    }

    private static PaymentIntent createWithMethod(SwitchFixture f, String customer) {
        PaymentIntent spec = f.spec(MERCHANT, 2_000, USD, CaptureMethod.AUTOMATIC,
                new PaymentMethod.CustomerBalance(customer));
        PaymentIntent created = PaymentOperations.create(f.state(), spec).value();
        assertThat(created.status()).isEqualTo(PaymentIntentStatus.REQUIRES_CONFIRMATION);
        return created;
    }

    /** The intent as a caller holding {@code secret} knows it: only the id and the secret are read. */
    private static PaymentIntent showingSecret(PaymentIntent pi, String secret) {
        return new PaymentIntent(pi.id(), pi.ownerId(), pi.amountMinor(), pi.currency(), pi.captureMethod(), pi.status(),
                pi.description(), pi.metadata(), secret, pi.paymentMethod(), pi.amountCapturable(), pi.amountReceived(),
                pi.amountRefunded(), pi.feeMinor(), pi.reservationId(), pi.lastPaymentError(), pi.cancellationReason(),
                pi.createdAt(), pi.conversion());
    }

    private static PaymentIntent canceled(SwitchFixture f, PaymentIntent pi) {
        return PaymentOperations.cancel(f.state(), pi.ownerId(), pi.id(), "abandoned").value();
    }

    @Test
    void theTableWalksEveryResultInDeclarationOrder() {
        assertThat(TABLE.stream().map(Line::expected).distinct().toList())
                .containsExactlyElementsOf(Arrays.asList(ConfirmResult.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachLineGetsItsResult(Line line) {
        play(line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("precedence")
    void theEarlierCheckAnswers(Line line) {
        play(line);
    }

    private static void play(Line line) {
        SwitchFixture f = new SwitchFixture();
        PaymentIntent pi = line.setup().apply(f);
        PaymentIntent storedBefore = pi == null ? null : f.intent(pi.id());
        SwitchFixture.Step<Outcome<ConfirmResult, PaymentIntent>> step = f.step(() -> line.command().apply(f, pi));

        assertThat(step.value().result()).isEqualTo(line.expected());
        assertThat(f.auditViolations()).isEmpty();
        switch (line.expected()) {
            case OK -> assertPaid(f, step);
            case DECLINED -> assertDeclined(f, step, storedBefore);
            default -> {
                assertThat(step.changes().isEmpty()).as("a refusal changes nothing: %s", step.changes()).isTrue();
                assertThat(f.accounts()).isEqualTo(step.accountsBefore());
                if (storedBefore != null) assertThat(f.intent(pi.id())).isEqualTo(storedBefore);
            }
        }
    }

    private static void assertPaid(SwitchFixture f, SwitchFixture.Step<Outcome<ConfirmResult, PaymentIntent>> step) {
        PaymentIntent paid = step.value().value();
        assertThat(f.intent(paid.id())).isEqualTo(paid);
        assertThat(paid.lastPaymentError()).isNull();
        assertThat(step.changes().ledger().transfersCreated()).isNotEmpty();
        assertThat(step.changes().ledger().transfersFailed()).isEmpty();
        List<Event> events = SwitchFixture.events(step.changes());
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().object()).isEqualTo(paid);
    }

    private static void assertDeclined(SwitchFixture f, SwitchFixture.Step<Outcome<ConfirmResult, PaymentIntent>> step,
            PaymentIntent before) {
        PaymentIntent declined = step.value().value();
        assertThat(declined.status()).isEqualTo(PaymentIntentStatus.REQUIRES_PAYMENT_METHOD);
        assertThat(declined.lastPaymentError()).isNotNull();
        assertThat(declined.lastPaymentError().code()).isEqualTo("insufficient_funds");
        assertThat(declined.amountReceived()).isZero();
        assertThat(declined.amountCapturable()).isZero();
        assertThat(declined.feeMinor()).isZero();
        assertThat(declined.amountMinor()).isEqualTo(before.amountMinor());
        assertThat(f.intent(declined.id())).isEqualTo(declined);

        assertThat(f.accounts()).as("a decline moves no money").isEqualTo(step.accountsBefore());
        assertThat(step.changes().ledger().transfersCreated()).isEmpty();
        assertThat(step.changes().ledger().accountsUpdated()).isEmpty();
        assertThat(step.changes().ledger().pendingResolutions()).isEmpty();

        List<Event> events = SwitchFixture.events(step.changes());
        assertThat(events).extracting(Event::type).containsExactly(EventTypes.PAYMENT_INTENT_PAYMENT_FAILED);
        assertThat(events.getFirst().object()).isEqualTo(declined);
        assertThat(SwitchFixture.deliveries(step.changes())).extracting(Delivery::endpointId)
                .containsExactly(ENDPOINT_ALL);
        assertThat(step.changes().records()).extracting(change -> change.kind())
                .containsExactlyInAnyOrder(RecordKind.PAYMENT_INTENT, RecordKind.EVENT, RecordKind.DELIVERY);
    }
}
