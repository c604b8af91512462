package org.corridor.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.BOB;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.EUR;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_WALLET;
import static org.corridor.core.state.SwitchFixture.USD;
import static org.corridor.core.state.SwitchFixture.WALLET;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.money.Currencies;
import org.corridor.core.money.Fees;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations.TopUpResult;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.TopUp;
import org.corridor.core.payment.PaymentOperations.CancelResult;
import org.corridor.core.payment.PaymentOperations.CaptureResult;
import org.corridor.core.payment.PaymentOperations.ConfirmResult;
import org.corridor.core.payment.PaymentOperations.CreateResult;
import org.corridor.core.payment.PaymentOperations.RefundResult;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.StateChanges;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded workload against a reference model: creates, confirms, captures, cancels, refunds and top-ups
 * with random callers and amounts, the clock moving by milliseconds to days so that reservations expire.
 * Each command runs in a batch of its own. After every step the switch must agree with the model on every
 * result, every balance and every intent, the ledger must pass its audit, and money must be neither
 * created nor lost: per currency, customers, merchants and the operator hold exactly what the wallet
 * providers brought in.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PaymentSimulationTest {
    private static final int STEPS = 500;

    static Stream<Long> seeds() {
        return LongStream.of(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181,
                20_240_101, 0x5EED_C0FFEEL).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSwitchAgreesWithTheModelAndConservesMoney(long seed) {
        Simulation simulation = new Simulation(seed);
        for (int step = 0; step < STEPS; step++) simulation.step(step);
        assertThat(simulation.intents).isNotEmpty();
    }

    @Test
    void theWorkloadReachesEveryResultOfEveryCommand() {
        Map<Enum<?>, Integer> seen = new HashMap<>();
        seeds().limit(4).forEach(seed -> {
            Simulation simulation = new Simulation(seed);
            for (int step = 0; step < STEPS; step++) simulation.step(step);
            simulation.seen.forEach((result, count) -> seen.merge(result, count, Integer::sum));
        });

        List<Enum<?>> every = new ArrayList<>();
        for (Class<? extends Enum<?>> results : List.of(CreateResult.class, ConfirmResult.class, CaptureResult.class,
                CancelResult.class, RefundResult.class, TopUpResult.class)) {
            every.addAll(List.of(results.getEnumConstants()));
        }
        // The model converts no currency: the quote refusals are walked by the confirm table, and cross-currency
        // money by FxPaymentSimulationTest.
        every.removeAll(List.of(ConfirmResult.QUOTE_NOT_FOUND, ConfirmResult.QUOTE_MISMATCH, ConfirmResult.QUOTE_USED,
                ConfirmResult.QUOTE_EXPIRED, ConfirmResult.FX_UNAVAILABLE));
        // Nor does it set net debit caps: the top-up table walks that refusal.
        every.remove(TopUpResult.NET_DEBIT_CAP_EXCEEDED);
        assertThat(seen.keySet()).as("results seen: %s", seen).containsAll(every);
    }

    /** What the model expects of one intent. */
    private static final class ModelIntent {
        final String id;
        final String ownerId;
        final long amount;
        final String currency;
        final CaptureMethod captureMethod;
        final String clientSecret;
        PaymentIntentStatus status;
        String methodCustomer;
        String payingCustomer;
        long capturable;
        long received;
        long refunded;
        long fee;
        long reservationExpiresAt;
        boolean reservationLive;

        ModelIntent(PaymentIntent created, String methodCustomer) {
            this.id = created.id();
            this.ownerId = created.ownerId();
            this.amount = created.amountMinor();
            this.currency = created.currency();
            this.captureMethod = created.captureMethod();
            this.clientSecret = created.clientSecret();
            this.methodCustomer = methodCustomer;
            this.status = methodCustomer == null
                    ? PaymentIntentStatus.REQUIRES_PAYMENT_METHOD
                    : PaymentIntentStatus.REQUIRES_CONFIRMATION;
        }
    }

    private static final class Simulation {
        private static final long MILLISECOND = 1_000_000L;
        private static final long HOUR = 3_600L * SwitchFixture.NANOS_PER_SECOND;
        private static final long DAY = 24 * HOUR;
        private static final List<String> CUSTOMERS = List.of(ALICE, DAVE, BOB);
        private static final List<String> MERCHANTS = List.of(MERCHANT, OTHER_MERCHANT);
        private static final List<String> WALLETS = List.of(WALLET, OTHER_WALLET);

        private final long seed;
        private final SplittableRandom random;
        private final SwitchFixture f = new SwitchFixture();
        /** Expected posted balance (credits less debits) of every account. */
        private final Map<Id128, Long> posted = new HashMap<>();
        /** Expected reserved debits (customers) and credits (merchants). */
        private final Map<Id128, Long> debitsPending = new HashMap<>();
        private final Map<Id128, Long> creditsPending = new HashMap<>();
        final Map<String, ModelIntent> intents = new LinkedHashMap<>();
        private final List<String> intentIds = new ArrayList<>();
        /** How often each result came up: the workload must reach every one. */
        final Map<Enum<?>, Integer> seen = new HashMap<>();
        private int step;

        Simulation(long seed) {
            this.seed = seed;
            this.random = new SplittableRandom(seed);
            for (Account account : f.state().ledger().accounts()) {
                posted.put(account.id(), account.creditBalancePosted());
            }
            checkAll();
        }

        void step(int index) {
            step = index;
            advanceClock();
            int roll = random.nextInt(100);
            if (roll < 22) create();
            else if (roll < 47) confirm();
            else if (roll < 62) capture();
            else if (roll < 70) cancel();
            else if (roll < 84) refund();
            else if (roll < 97) topUp();
            else sweepExpired();
        }

        private String where() {
            return "seed " + seed + ", step " + step;
        }

        // -----------------------------------------------------------------------------------------------
        // The clock and the ledger's expiries

        private void advanceClock() {
            long by = random.nextInt(100) < 5
                    ? random.nextLong(DAY, 9 * DAY)
                    : random.nextLong(MILLISECOND, 2 * HOUR);
            long next = f.now() + by;
            for (ModelIntent intent : intents.values()) {
                if (intent.reservationLive && intent.reservationExpiresAt <= next) {
                    intent.reservationLive = false;
                    release(intent);
                }
            }
            f.advanceTo(next);
        }

        private void release(ModelIntent intent) {
            add(debitsPending, customerAccount(intent), -intent.capturable);
            add(creditsPending, merchantAccount(intent), -intent.capturable);
        }

        // -----------------------------------------------------------------------------------------------
        // Commands

        private void create() {
            String owner = random.nextInt(10) == 0 ? WALLET : pick(MERCHANTS);
            int currencyRoll = random.nextInt(20);
            String currency = currencyRoll == 0 ? EUR : currencyRoll < 6 ? JPY : USD;
            long amount = random.nextInt(5) == 0 ? random.nextLong(1, 150_000) : random.nextLong(1, 30_000);
            CaptureMethod method = random.nextBoolean() ? CaptureMethod.AUTOMATIC : CaptureMethod.MANUAL;
            String methodCustomer = random.nextInt(5) == 0 ? pick(CUSTOMERS) : null;
            PaymentIntent spec = f.spec(owner, amount, currency, method,
                    methodCustomer == null ? null : new PaymentMethod.CustomerBalance(methodCustomer));

            CreateResult expected = !participant(owner).role().acceptsPayments() ? CreateResult.NOT_A_MERCHANT
                    : participant(owner).account(currency).isEmpty() ? CreateResult.CURRENCY_NOT_SUPPORTED
                    : CreateResult.OK;
            SwitchFixture.Step<Outcome<CreateResult, PaymentIntent>> done =
                    f.step(() -> PaymentOperations.create(f.state(), spec));

            assertThat(done.value().result()).as(where()).isEqualTo(expected);
            seen.merge(expected, 1, Integer::sum);
            if (expected == CreateResult.OK) {
                intents.put(spec.id(), new ModelIntent(spec, methodCustomer));
                intentIds.add(spec.id());
                check(done.changes(), owner, EventTypes.PAYMENT_INTENT_CREATED);
            } else {
                checkNothingChanged(done);
            }
        }

        private void confirm() {
            ModelIntent intent = pickIntent(i -> i.status == PaymentIntentStatus.REQUIRES_PAYMENT_METHOD
                    || i.status == PaymentIntentStatus.REQUIRES_CONFIRMATION);
            String customer = random.nextInt(20) == 0 ? "cus_nobody" : pick(CUSTOMERS);
            String wallet = customer.equals("cus_nobody") ? pick(WALLETS) : customerObject(customer).ownerId();
            int callerRoll = random.nextInt(10);
            String caller = callerRoll == 0 && intent != null ? intent.ownerId : callerRoll == 1 ? pick(WALLETS) : wallet;
            String secret = intent == null ? "pi_secret"
                    : callerRoll == 2 ? intent.clientSecret + "x"
                    : caller.equals(intent.ownerId) ? null
                    : intent.clientSecret;
            PaymentMethod method = random.nextInt(7) == 0 ? null : new PaymentMethod.CustomerBalance(customer);
            String intentId = intent == null ? unknownIntentId() : intent.id;

            ConfirmResult expected = expectConfirm(intent, caller, secret, method);
            SwitchFixture.Step<Outcome<ConfirmResult, PaymentIntent>> done =
                    f.step(() -> PaymentOperations.confirm(f.state(), caller, intentId, secret, method));

            assertThat(done.value().result()).as(where()).isEqualTo(expected);
            seen.merge(expected, 1, Integer::sum);
            switch (expected) {
                case OK -> {
                    String paying = method != null ? customer : intent.methodCustomer;
                    applyConfirmed(intent, paying);
                    check(done.changes(), intent.ownerId, intent.captureMethod == CaptureMethod.AUTOMATIC
                            ? EventTypes.PAYMENT_INTENT_SUCCEEDED
                            : EventTypes.PAYMENT_INTENT_AMOUNT_CAPTURABLE_UPDATED);
                }
                case DECLINED -> {
                    intent.status = PaymentIntentStatus.REQUIRES_PAYMENT_METHOD;
                    intent.methodCustomer = method != null ? customer : intent.methodCustomer;
                    assertThat(done.changes().ledger().transfersCreated()).as(where()).isEmpty();
                    assertThat(f.accounts()).as(where()).isEqualTo(done.accountsBefore());
                    check(done.changes(), intent.ownerId, EventTypes.PAYMENT_INTENT_PAYMENT_FAILED);
                }
                default -> checkNothingChanged(done);
            }
        }

        private ConfirmResult expectConfirm(ModelIntent intent, String caller, String secret, PaymentMethod method) {
            if (intent == null || !(caller.equals(intent.ownerId) || intent.clientSecret.equals(secret))) {
                return ConfirmResult.PAYMENT_INTENT_NOT_FOUND;
            }
            if (intent.status != PaymentIntentStatus.REQUIRES_PAYMENT_METHOD
                    && intent.status != PaymentIntentStatus.REQUIRES_CONFIRMATION) {
                return ConfirmResult.PAYMENT_INTENT_UNEXPECTED_STATE;
            }
            String paying = method != null ? ((PaymentMethod.CustomerBalance) method).customerId() : intent.methodCustomer;
            if (paying == null) return ConfirmResult.PAYMENT_METHOD_MISSING;
            if (!CUSTOMERS.contains(paying) || !customerObject(paying).ownerId().equals(caller)) {
                return ConfirmResult.CUSTOMER_NOT_FOUND;
            }
            if (customerObject(paying).account(intent.currency).isEmpty()) return ConfirmResult.CURRENCY_NOT_SUPPORTED;
            Id128 account = customerObject(paying).account(intent.currency).orElseThrow();
            long available = posted.get(account) - debitsPending.getOrDefault(account, 0L);
            return intent.amount > available ? ConfirmResult.DECLINED : ConfirmResult.OK;
        }

        private void applyConfirmed(ModelIntent intent, String paying) {
            intent.payingCustomer = paying;
            intent.methodCustomer = paying;
            if (intent.captureMethod == CaptureMethod.AUTOMATIC) {
                settle(intent, intent.amount);
                return;
            }
            intent.status = PaymentIntentStatus.REQUIRES_CAPTURE;
            intent.capturable = intent.amount;
            intent.reservationLive = true;
            PaymentIntent stored = f.intent(intent.id);
            intent.reservationExpiresAt = f.reservationExpiresAt(stored);
            long reservedAt = intent.reservationExpiresAt
                    - PaymentOperations.RESERVATION_TIMEOUT_SECONDS * SwitchFixture.NANOS_PER_SECOND;
            assertThat(reservedAt).as("%s: reserved in this batch", where()).isBetween(f.now(), f.now() + 1_000);
            add(debitsPending, customerAccount(intent), intent.amount);
            add(creditsPending, merchantAccount(intent), intent.amount);
        }

        /** The money of a payment moves: the amount from the shopper, the fee from the merchant to the operator. */
        private void settle(ModelIntent intent, long amount) {
            long fee = Fees.ofAmount(amount, participant(intent.ownerId).feeBasisPoints());
            add(posted, customerAccount(intent), -amount);
            add(posted, merchantAccount(intent), amount - fee);
            add(posted, f.operatorAccount(intent.currency), fee);
            intent.status = PaymentIntentStatus.SUCCEEDED;
            intent.received = amount;
            intent.fee = fee;
            intent.capturable = 0;
        }

        private void capture() {
            ModelIntent intent = pickIntent(i -> i.status == PaymentIntentStatus.REQUIRES_CAPTURE);
            String caller = callerFor(intent);
            long capturable = intent == null ? 0 : intent.capturable;
            long amount = randomAmount(capturable);
            String intentId = intent == null ? unknownIntentId() : intent.id;

            CaptureResult expected;
            if (intent == null || !caller.equals(intent.ownerId)) expected = CaptureResult.PAYMENT_INTENT_NOT_FOUND;
            else if (intent.status != PaymentIntentStatus.REQUIRES_CAPTURE) {
                expected = CaptureResult.PAYMENT_INTENT_UNEXPECTED_STATE;
            } else if ((amount == 0 ? capturable : amount) > capturable) expected = CaptureResult.AMOUNT_TOO_LARGE;
            else if (!intent.reservationLive) expected = CaptureResult.RESERVATION_EXPIRED;
            else expected = CaptureResult.OK;
            SwitchFixture.Step<Outcome<CaptureResult, PaymentIntent>> done =
                    f.step(() -> PaymentOperations.capture(f.state(), caller, intentId, amount));

            assertThat(done.value().result()).as(where()).isEqualTo(expected);
            seen.merge(expected, 1, Integer::sum);
            switch (expected) {
                case OK -> {
                    release(intent);
                    intent.reservationLive = false;
                    settle(intent, amount == 0 ? capturable : amount);
                    check(done.changes(), intent.ownerId, EventTypes.PAYMENT_INTENT_SUCCEEDED);
                }
                case RESERVATION_EXPIRED -> {
                    intent.status = PaymentIntentStatus.CANCELED;
                    intent.capturable = 0;
                    assertThat(done.changes().ledger().isEmpty()).as(where()).isTrue();
                    assertThat(f.intent(intent.id).cancellationReason()).as(where()).isEqualTo("expired");
                    check(done.changes(), intent.ownerId, EventTypes.PAYMENT_INTENT_CANCELED);
                }
                default -> checkNothingChanged(done);
            }
        }

        private void cancel() {
            ModelIntent intent = pickIntent(i -> i.status != PaymentIntentStatus.SUCCEEDED
                    && i.status != PaymentIntentStatus.CANCELED);
            String caller = callerFor(intent);
            String intentId = intent == null ? unknownIntentId() : intent.id;

            CancelResult expected;
            if (intent == null || !caller.equals(intent.ownerId)) expected = CancelResult.PAYMENT_INTENT_NOT_FOUND;
            else if (intent.status == PaymentIntentStatus.SUCCEEDED || intent.status == PaymentIntentStatus.CANCELED) {
                expected = CancelResult.PAYMENT_INTENT_UNEXPECTED_STATE;
            } else expected = CancelResult.OK;
            SwitchFixture.Step<Outcome<CancelResult, PaymentIntent>> done =
                    f.step(() -> PaymentOperations.cancel(f.state(), caller, intentId, "abandoned"));

            assertThat(done.value().result()).as(where()).isEqualTo(expected);
            seen.merge(expected, 1, Integer::sum);
            if (expected != CancelResult.OK) {
                checkNothingChanged(done);
                return;
            }
            if (intent.reservationLive) release(intent);
            assertThat(done.changes().ledger().transfersCreated()).as(where()).hasSize(intent.reservationLive ? 1 : 0);
            intent.reservationLive = false;
            intent.status = PaymentIntentStatus.CANCELED;
            intent.capturable = 0;
            check(done.changes(), intent.ownerId, EventTypes.PAYMENT_INTENT_CANCELED);
        }

        private void refund() {
            ModelIntent intent = pickIntent(i -> i.status == PaymentIntentStatus.SUCCEEDED && i.refunded < i.received);
            String caller = callerFor(intent);
            long refundable = intent == null ? 0 : intent.received - intent.refunded;
            long amount = randomAmount(refundable);
            String intentId = intent == null ? unknownIntentId() : intent.id;
            String refundId = ObjectIds.of("re_", f.ids().next());

            RefundResult expected;
            if (intent == null || !caller.equals(intent.ownerId)) expected = RefundResult.PAYMENT_INTENT_NOT_FOUND;
            else if (intent.status != PaymentIntentStatus.SUCCEEDED || refundable == 0) {
                expected = RefundResult.PAYMENT_INTENT_UNEXPECTED_STATE;
            } else if ((amount == 0 ? refundable : amount) > refundable) expected = RefundResult.AMOUNT_TOO_LARGE;
            else expected = RefundResult.OK;
            SwitchFixture.Step<Outcome<RefundResult, Refund>> done = f.step(() -> PaymentOperations.refund(f.state(),
                    caller, refundId, intentId, amount, "requested_by_customer", Map.of()));

            assertThat(done.value().result()).as(where()).isEqualTo(expected);
            seen.merge(expected, 1, Integer::sum);
            if (expected != RefundResult.OK) {
                checkNothingChanged(done);
                return;
            }
            long refunded = amount == 0 ? refundable : amount;
            add(posted, merchantAccount(intent), -refunded);
            add(posted, customerAccount(intent), refunded);
            intent.refunded += refunded;
            assertThat(done.value().value().amountMinor()).as(where()).isEqualTo(refunded);
            check(done.changes(), intent.ownerId, EventTypes.REFUND_CREATED);
        }

        private void topUp() {
            String customer = random.nextInt(20) == 0 ? "cus_nobody" : pick(CUSTOMERS);
            String owner = customer.equals("cus_nobody") || random.nextInt(10) == 0
                    ? pick(WALLETS)
                    : customerObject(customer).ownerId();
            String currency = random.nextInt(4) == 0 ? JPY : USD;
            long amount = random.nextInt(30) == 0 ? 0 : random.nextLong(1, 25_000);
            String id = ObjectIds.of("tu_", f.ids().next());

            TopUpResult expected;
            if (!CUSTOMERS.contains(customer) || !customerObject(customer).ownerId().equals(owner)) {
                expected = TopUpResult.CUSTOMER_NOT_FOUND;
            } else if (customerObject(customer).account(currency).isEmpty()) {
                expected = TopUpResult.CURRENCY_NOT_SUPPORTED;
            } else if (amount == 0) expected = TopUpResult.LEDGER_REFUSED;
            else expected = TopUpResult.OK;
            SwitchFixture.Step<Outcome<TopUpResult, TopUp>> done = f.step(() -> ParticipantOperations.topUp(f.state(),
                    owner, id, customer, amount, currency));

            assertThat(done.value().result()).as(where()).isEqualTo(expected);
            seen.merge(expected, 1, Integer::sum);
            if (expected != TopUpResult.OK) {
                checkNothingChanged(done);
                return;
            }
            add(posted, f.participantAccount(owner, currency), -amount);
            add(posted, f.customerAccount(customer, currency), amount);
            check(done.changes(), owner, EventTypes.CUSTOMER_TOPPED_UP);
        }

        /** The periodic sweep cancels exactly the intents whose reservation the ledger expired. */
        private void sweepExpired() {
            List<ModelIntent> expired = intents.values().stream()
                    .filter(i -> i.status == PaymentIntentStatus.REQUIRES_CAPTURE && !i.reservationLive)
                    .toList();
            SwitchFixture.Step<Integer> done = f.step(() -> PaymentOperations.cancelExpiredReservations(f.state()));

            assertThat(done.value()).as(where()).isEqualTo(expired.size());
            assertThat(done.changes().ledger().isEmpty()).as(where()).isTrue();
            assertThat(SwitchFixture.events(done.changes())).as(where()).hasSize(expired.size())
                    .allSatisfy(e -> assertThat(e.type()).isEqualTo(EventTypes.PAYMENT_INTENT_CANCELED));
            for (ModelIntent intent : expired) {
                intent.status = PaymentIntentStatus.CANCELED;
                intent.capturable = 0;
                assertThat(f.intent(intent.id).cancellationReason()).as(where()).isEqualTo("expired");
            }
            checkAll();
        }

        // -----------------------------------------------------------------------------------------------
        // Checks

        private void checkNothingChanged(SwitchFixture.Step<?> done) {
            assertThat(done.changes().isEmpty()).as("%s: a refusal changes nothing: %s", where(), done.changes())
                    .isTrue();
            checkAll();
        }

        /** A successful step: one event of {@code type} for {@code owner}, then everything else. */
        private void check(StateChanges changes, String owner, String type) {
            List<Event> events = SwitchFixture.events(changes);
            assertThat(events).as(where()).extracting(Event::type).containsExactly(type);
            assertThat(events.getFirst().ownerId()).as(where()).isEqualTo(owner);
            int endpoints = !owner.equals(MERCHANT) ? 0 : type.equals(EventTypes.PAYMENT_INTENT_SUCCEEDED) ? 2 : 1;
            assertThat(SwitchFixture.deliveries(changes)).as(where()).hasSize(endpoints);
            checkAll();
        }

        private void checkAll() {
            assertThat(f.auditViolations()).as(where()).isEmpty();
            assertThat(PaymentAudit.violations(f.state())).as(where()).isEmpty();
            for (Account account : f.state().ledger().accounts()) {
                Id128 id = account.id();
                assertThat(account.creditBalancePosted()).as("%s: posted balance of %s", where(), id)
                        .isEqualTo(posted.getOrDefault(id, 0L));
                assertThat(account.debitsPending()).as("%s: reserved debits of %s", where(), id)
                        .isEqualTo(debitsPending.getOrDefault(id, 0L));
                assertThat(account.creditsPending()).as("%s: reserved credits of %s", where(), id)
                        .isEqualTo(creditsPending.getOrDefault(id, 0L));
            }
            checkIntents();
            checkConservation(USD);
            checkConservation(JPY);
        }

        private void checkIntents() {
            for (ModelIntent expected : intents.values()) {
                PaymentIntent actual = f.intent(expected.id);
                String as = where() + ", " + expected.id;
                assertThat(actual.status()).as(as).isEqualTo(expected.status);
                assertThat(actual.amountCapturable()).as(as).isEqualTo(expected.capturable);
                assertThat(actual.amountReceived()).as(as).isEqualTo(expected.received);
                assertThat(actual.amountRefunded()).as(as).isEqualTo(expected.refunded);
                assertThat(actual.feeMinor()).as(as).isEqualTo(expected.fee);
                assertThat(actual.amountRefunded()).as(as).isBetween(0L, actual.amountReceived());
                assertThat(actual.amountReceived()).as(as).isBetween(0L, actual.amountMinor());
                if (actual.status() == PaymentIntentStatus.SUCCEEDED) {
                    assertThat(actual.feeMinor()).as(as).isEqualTo(Fees.ofAmount(actual.amountReceived(),
                            participant(actual.ownerId()).feeBasisPoints()));
                } else {
                    assertThat(actual.amountReceived()).as(as).isZero();
                    assertThat(actual.feeMinor()).as(as).isZero();
                }
            }
            assertThat(f.state().all(RecordKind.PAYMENT_INTENT)).as(where()).hasSize(intents.size());
        }

        /**
         * Customers, merchants and the operator hold what the wallet providers brought in; the operator holds
         * exactly the fees of the payments that succeeded (refunds do not return them).
         */
        private void checkConservation(String currency) {
            long held = 0;
            for (String customer : CUSTOMERS) {
                held += customerObject(customer).account(currency).map(f::posted).orElse(0L);
            }
            for (String merchant : MERCHANTS) {
                held += participant(merchant).account(currency).map(f::posted).orElse(0L);
            }
            long operator = f.operatorBalance(currency);
            held += operator;
            long broughtIn = 0;
            for (String wallet : WALLETS) {
                broughtIn -= participant(wallet).account(currency).map(f::posted).orElse(0L);
            }
            assertThat(held).as("%s: money held in %s", where(), currency).isEqualTo(broughtIn);
            long fees = intents.values().stream().filter(i -> i.currency.equals(currency)).mapToLong(i -> i.fee).sum();
            assertThat(operator).as("%s: the operator's %s fees", where(), currency).isEqualTo(fees);
            int ledger = Currencies.ledger(currency);
            long reservedDebits = f.state().ledger().accounts().stream().filter(a -> a.ledger() == ledger)
                    .mapToLong(Account::debitsPending).sum();
            long reservedCredits = f.state().ledger().accounts().stream().filter(a -> a.ledger() == ledger)
                    .mapToLong(Account::creditsPending).sum();
            assertThat(reservedDebits).as(where()).isEqualTo(reservedCredits);
        }

        // -----------------------------------------------------------------------------------------------
        // Choosing

        private <T> T pick(List<T> choices) {
            return choices.get(random.nextInt(choices.size()));
        }

        /**
         * Mostly an intent the command can act on, else one of the latest or any intent (to reach the refusals),
         * rarely none.
         */
        private ModelIntent pickIntent(Predicate<ModelIntent> actionable) {
            if (intentIds.isEmpty() || random.nextInt(20) == 0) return null;
            if (random.nextInt(10) < 6) {
                List<ModelIntent> candidates = intents.values().stream().filter(actionable).toList();
                if (!candidates.isEmpty()) return pick(candidates);
            }
            int from = random.nextInt(10) < 7 ? Math.max(0, intentIds.size() - 8) : 0;
            return intents.get(intentIds.get(random.nextInt(from, intentIds.size())));
        }

        /** The intent's owner mostly; sometimes another merchant, or a wallet provider. */
        private String callerFor(ModelIntent intent) {
            int roll = random.nextInt(20);
            if (intent == null || roll == 0) return pick(WALLETS);
            if (roll == 1) return intent.ownerId.equals(MERCHANT) ? OTHER_MERCHANT : MERCHANT;
            return intent.ownerId;
        }

        /** Zero (all), a fitting amount, or a little too much. */
        private long randomAmount(long limit) {
            int roll = random.nextInt(10);
            if (roll < 3 || limit == 0 && roll < 8) return 0;
            if (roll < 8) return random.nextLong(1, limit + 1);
            return limit + random.nextLong(1, 1_000);
        }

        private String unknownIntentId() {
            return ObjectIds.of("pi_", new Id128(0xDEAD, random.nextLong(1, Long.MAX_VALUE)));
        }

        private Participant participant(String id) {
            return f.participant(id);
        }

        private Customer customerObject(String id) {
            return f.customer(id);
        }

        private Id128 customerAccount(ModelIntent intent) {
            return f.customerAccount(intent.payingCustomer, intent.currency);
        }

        private Id128 merchantAccount(ModelIntent intent) {
            return f.participantAccount(intent.ownerId, intent.currency);
        }

        private static void add(Map<Id128, Long> balances, Id128 account, long amount) {
            balances.merge(account, amount, Math::addExact);
        }
    }
}
