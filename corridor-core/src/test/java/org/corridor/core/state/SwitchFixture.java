package org.corridor.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.corridor.core.Id128;
import org.corridor.core.kyc.CustomerLimits;
import org.corridor.core.kyc.KycTiers;
import org.corridor.core.kyc.LimitUsage;
import org.corridor.core.kyc.TierLimits;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.LedgerAudit;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.participant.TopUp;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.payment.PaymentOperations.ConfirmResult;
import org.corridor.core.payment.PaymentOperations.CreateResult;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.EventTypes;
import org.corridor.core.webhook.WebhookOperations.EndpointResult;
import org.corridor.core.webhook.WebhookOperations;

/**
 * A small switch for tests: a {@link SwitchState} with counting ids, a clock the test moves, and a cast of
 * participants that every scenario can use.
 *
 * <ul>
 *   <li>the operator ({@link ParticipantOperations#OPERATOR_ID}), opened without currencies: it gets its fee
 *       accounts when the others are opened;
 *   <li>{@link #MERCHANT} (290 bp, USD and JPY) with two webhook endpoints, {@link #ENDPOINT_ALL} for every
 *       type and {@link #ENDPOINT_SUCCEEDED} for {@code payment_intent.succeeded} only;
 *   <li>{@link #OTHER_MERCHANT} (100 bp, USD);
 *   <li>{@link #WALLET} (USD and JPY) with {@link #ALICE} (USD and JPY) and {@link #DAVE} (USD only);
 *   <li>{@link #OTHER_WALLET} (USD) with {@link #BOB} (USD);
 *   <li>{@link #WALLET}'s KYC tier {@link #TIER_BASIC}, with no customer in it.
 * </ul>
 *
 * <p>A batch is always open. {@link #drain()} closes it and opens the next one at the same time, so a test
 * can see exactly what one command changed with {@link #step(Supplier)}.
 */
public final class SwitchFixture {
    public static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** 2024-01-01T00:00:00Z. */
    public static final long START_NANOS = 1_704_067_200L * NANOS_PER_SECOND;

    public static final String USD = "USD";
    public static final String JPY = "JPY";
    public static final String EUR = "EUR";

    public static final String MERCHANT = "acct_merchant";
    public static final int MERCHANT_FEE_BASIS_POINTS = 290;
    public static final String OTHER_MERCHANT = "acct_other_merchant";
    public static final int OTHER_MERCHANT_FEE_BASIS_POINTS = 100;
    public static final String WALLET = "acct_wallet";
    public static final String OTHER_WALLET = "acct_other_wallet";

    public static final String ALICE = "cus_alice";
    public static final String DAVE = "cus_dave";
    public static final String BOB = "cus_bob";
    public static final long ALICE_USD = 100_000;
    public static final long ALICE_JPY = 50_000;
    public static final long DAVE_USD = 5_000;
    public static final long BOB_USD = 70_000;

    /** {@link #WALLET}'s KYC tier: USD only, with every kind of limit; no customer is in it until a test puts one. */
    public static final String TIER_BASIC = "basic";
    public static final String TIER_BASIC_ID = "kyct_basic";
    public static final TierLimits TIER_BASIC_USD = new TierLimits(30_000, 50_000, 120_000);
    public static final long TIER_BASIC_CROSS_BORDER_USD = 100_000;

    public static final String ENDPOINT_ALL = "we_all";
    public static final String ENDPOINT_SUCCEEDED = "we_succeeded";

    /** What one command did: its answer, the batch changes it alone made, and the accounts before it. */
    public record Step<T>(T value, StateChanges changes, Map<Id128, Account> accountsBefore) {}

    private final CountingIds ids = new CountingIds();
    private final SwitchState state = new SwitchState(new LedgerStateMachine(), ids);
    private long now = START_NANOS;

    public SwitchFixture() {
        state.beginBatch(now);
        openParticipant(ParticipantOperations.OPERATOR_ID, ParticipantRole.OPERATOR, 0, List.of());
        openParticipant(MERCHANT, ParticipantRole.MERCHANT, MERCHANT_FEE_BASIS_POINTS, List.of(USD, JPY));
        openParticipant(OTHER_MERCHANT, ParticipantRole.MERCHANT, OTHER_MERCHANT_FEE_BASIS_POINTS, List.of(USD));
        openParticipant(WALLET, ParticipantRole.WALLET_PROVIDER, 0, List.of(USD, JPY));
        openParticipant(OTHER_WALLET, ParticipantRole.WALLET_PROVIDER, 0, List.of(USD));
        openCustomer(WALLET, ALICE, List.of(USD, JPY));
        openCustomer(WALLET, DAVE, List.of(USD));
        openCustomer(OTHER_WALLET, BOB, List.of(USD));
        topUp(ALICE, ALICE_USD, USD);
        topUp(ALICE, ALICE_JPY, JPY);
        topUp(DAVE, DAVE_USD, USD);
        topUp(BOB, BOB_USD, USD);
        KycTiers.define(state, WALLET, TIER_BASIC_ID, TIER_BASIC, Map.of(USD, TIER_BASIC_USD), TIER_BASIC_CROSS_BORDER_USD);
        createEndpoint(MERCHANT, ENDPOINT_ALL, List.of(EventTypes.ALL));
        createEndpoint(MERCHANT, ENDPOINT_SUCCEEDED, List.of(EventTypes.PAYMENT_INTENT_SUCCEEDED));
        assertThat(LedgerAudit.violations(state.ledger())).isEmpty();
        drain();
    }

    public SwitchState state() {
        return state;
    }

    public CountingIds ids() {
        return ids;
    }

    /** The time the open batch began at. */
    public long now() {
        return now;
    }

    // ---------------------------------------------------------------------------------------------------
    // Batches and the clock

    /** Ends the open batch and opens the next one at the same time; returns what the ended batch changed. */
    public StateChanges drain() {
        StateChanges changes = state.drainChanges();
        state.beginBatch(now);
        return changes;
    }

    /** Ends the open batch and opens the next one at {@code nanos}; its start-of-batch work is drained next. */
    public StateChanges advanceTo(long nanos) {
        StateChanges changes = state.drainChanges();
        now = nanos;
        state.beginBatch(nanos);
        return changes;
    }

    public StateChanges advanceNanos(long nanos) {
        return advanceTo(Math.addExact(now, nanos));
    }

    public StateChanges advanceSeconds(long seconds) {
        return advanceNanos(Math.multiplyExact(seconds, NANOS_PER_SECOND));
    }

    /** Runs one command in a batch of its own, so its changes are exactly the batch's. */
    public <T> Step<T> step(Supplier<T> command) {
        drain();
        Map<Id128, Account> before = accounts();
        T value = command.get();
        StateChanges changes = drain();
        return new Step<>(value, changes, before);
    }

    // ---------------------------------------------------------------------------------------------------
    // Reading

    public Participant participant(String id) {
        return state.find(RecordKind.PARTICIPANT, id, Participant.class).orElseThrow();
    }

    public Customer customer(String id) {
        return state.find(RecordKind.CUSTOMER, id, Customer.class).orElseThrow();
    }

    public PaymentIntent intent(String id) {
        return state.find(RecordKind.PAYMENT_INTENT, id, PaymentIntent.class).orElseThrow();
    }

    /** Every ledger account as it stands, by id. */
    public Map<Id128, Account> accounts() {
        Map<Id128, Account> byId = new HashMap<>();
        for (Account account : state.ledger().accounts()) byId.put(account.id(), account);
        return byId;
    }

    public Account account(Id128 id) {
        return state.ledger().account(id).orElseThrow();
    }

    /** Posted credits minus posted debits. */
    public long posted(Id128 account) {
        return account(account).creditBalancePosted();
    }

    public Id128 participantAccount(String participantId, String currency) {
        return participant(participantId).account(currency).orElseThrow();
    }

    public Id128 operatorAccount(String currency) {
        return participantAccount(ParticipantOperations.OPERATOR_ID, currency);
    }

    public Id128 customerAccount(String customerId, String currency) {
        return customer(customerId).account(currency).orElseThrow();
    }

    /** A customer's posted balance (reserved funds still count). */
    public long customerBalance(String customerId, String currency) {
        return posted(customerAccount(customerId, currency));
    }

    /** What a customer may still spend: posted balance less reservations. */
    public long customerAvailable(String customerId, String currency) {
        Account account = account(customerAccount(customerId, currency));
        return account.creditBalancePosted() - account.debitsPending();
    }

    public long merchantBalance(String merchantId, String currency) {
        return posted(participantAccount(merchantId, currency));
    }

    public long operatorBalance(String currency) {
        return posted(operatorAccount(currency));
    }

    /** The wallet provider's funding account: debited by every top-up, so it is minus what it brought in. */
    public long fundingBalance(String walletId, String currency) {
        return posted(participantAccount(walletId, currency));
    }

    public List<String> auditViolations() {
        return LedgerAudit.violations(state.ledger());
    }

    public static <T> List<T> records(StateChanges changes, RecordKind kind, Class<T> type) {
        return changes.records().stream()
                .filter(change -> change.kind() == kind && !change.removed())
                .map(change -> type.cast(change.value()))
                .toList();
    }

    public static List<Event> events(StateChanges changes) {
        return records(changes, RecordKind.EVENT, Event.class);
    }

    public static List<Delivery> deliveries(StateChanges changes) {
        return records(changes, RecordKind.DELIVERY, Delivery.class);
    }

    // ---------------------------------------------------------------------------------------------------
    // Commands with sound defaults

    /** A new intent's spec: a fresh {@code pi_} id and a client secret derived from it. */
    public PaymentIntent spec(String ownerId, long amountMinor, String currency, CaptureMethod captureMethod,
            PaymentMethod paymentMethod) {
        String id = ObjectIds.of("pi_", ids.next());
        String clientSecret = id + "_secret_" + ids.next();
        return PaymentIntent.create(id, ownerId, amountMinor, currency, captureMethod, "order " + id, Map.of("order", id),
                clientSecret, paymentMethod, state.now());
    }

    /** Creates an intent of {@link #MERCHANT} waiting for a payment method. */
    public PaymentIntent createIntent(long amountMinor, String currency, CaptureMethod captureMethod) {
        return createIntent(MERCHANT, amountMinor, currency, captureMethod);
    }

    public PaymentIntent createIntent(String ownerId, long amountMinor, String currency, CaptureMethod captureMethod) {
        Outcome<CreateResult, PaymentIntent> created = PaymentOperations.create(state,
                spec(ownerId, amountMinor, currency, captureMethod, null));
        assertThat(created.result()).isEqualTo(CreateResult.OK);
        return created.value();
    }

    /** The customer's wallet provider confirms with the intent's client secret and the customer's balance. */
    public Outcome<ConfirmResult, PaymentIntent> confirmByWallet(PaymentIntent intent, String customerId) {
        String wallet = customer(customerId).ownerId();
        return PaymentOperations.confirm(state, wallet, intent.id(), intent.clientSecret(),
                new PaymentMethod.CustomerBalance(customerId));
    }

    /** An intent of {@link #MERCHANT}, paid at once by {@code customerId}. */
    public PaymentIntent paid(long amountMinor, String currency, String customerId) {
        Outcome<ConfirmResult, PaymentIntent> confirmed =
                confirmByWallet(createIntent(amountMinor, currency, CaptureMethod.AUTOMATIC), customerId);
        assertThat(confirmed.result()).isEqualTo(ConfirmResult.OK);
        return confirmed.value();
    }

    /** An intent of {@link #MERCHANT} whose amount is reserved on {@code customerId}'s balance. */
    public PaymentIntent reserved(long amountMinor, String currency, String customerId) {
        Outcome<ConfirmResult, PaymentIntent> confirmed =
                confirmByWallet(createIntent(amountMinor, currency, CaptureMethod.MANUAL), customerId);
        assertThat(confirmed.result()).isEqualTo(ConfirmResult.OK);
        return confirmed.value();
    }

    public TopUp topUp(String customerId, long amountMinor, String currency) {
        String wallet = customer(customerId).ownerId();
        Outcome<ParticipantOperations.TopUpResult, TopUp> outcome = ParticipantOperations.topUp(state, wallet,
                ObjectIds.of("tu_", ids.next()), customerId, amountMinor, currency);
        assertThat(outcome.result()).isEqualTo(ParticipantOperations.TopUpResult.OK);
        return outcome.value();
    }

    /** Puts {@code customerId} in its wallet provider's tier {@link #TIER_BASIC}, in a batch of its own. */
    public void putInBasicTier(String customerId) {
        assertThat(KycTiers.assign(state, customer(customerId).ownerId(), customerId, TIER_BASIC).ok()).isTrue();
        drain();
    }

    /**
     * Puts {@code customerId} in {@link #TIER_BASIC} having used {@code dailyUsd} today, {@code yearlyUsd} this year
     * (the day's included) and {@code crossBorderUsd} of its quota, in a batch of its own.
     */
    public void putInBasicTier(String customerId, long dailyUsd, long yearlyUsd, long crossBorderUsd) {
        putInBasicTier(customerId);
        LimitUsage none = LimitUsage.none(customerId, customer(customerId).ownerId(), now);
        state.put(RecordKind.LIMIT_USAGE, customerId, new LimitUsage(customerId, none.ownerId(), none.epochDay(),
                none.year(), Map.of(USD, dailyUsd), Map.of(USD, yearlyUsd), crossBorderUsd, now));
        drain();
    }

    /** What {@code customerId} has used of its tier's limits as of the open batch. */
    public LimitUsage usage(String customerId) {
        return CustomerLimits.usage(state, customer(customerId));
    }

    /** When the reservation of a manual-capture intent expires in the ledger, in nanoseconds. */
    public long reservationExpiresAt(PaymentIntent intent) {
        long reservedAt = state.ledger().transfer(intent.reservationId()).orElseThrow().timestamp();
        return reservedAt + PaymentOperations.RESERVATION_TIMEOUT_SECONDS * NANOS_PER_SECOND;
    }

    // ---------------------------------------------------------------------------------------------------
    // Setting up

    public void openParticipant(String id, ParticipantRole role, int feeBasisPoints, List<String> currencies) {
        Participant spec = new Participant(id, role, id.substring("acct_".length()), "US", currencies.isEmpty() ? USD
                : currencies.getFirst(), role.acceptsPayments() ? 5411 : 0, "", feeBasisPoints, Map.of(), List.of(), Map.of(), now);
        ParticipantOperations.createParticipant(state, spec, currencies);
    }

    public void openCustomer(String walletId, String customerId, List<String> currencies) {
        Outcome<ParticipantOperations.CustomerResult, Customer> outcome = ParticipantOperations.createCustomer(state,
                walletId, customerId, customerId.substring("cus_".length()), currencies, Map.of(), "");
        assertThat(outcome.result()).isEqualTo(ParticipantOperations.CustomerResult.OK);
    }

    private void createEndpoint(String ownerId, String endpointId, List<String> enabledEvents) {
        Outcome<EndpointResult, ?> outcome = WebhookOperations.createEndpoint(state, ownerId, endpointId,
                "https://example.com/hooks/" + endpointId, enabledEvents, "whsec_" + endpointId + "_1");
        assertThat(outcome.result()).isEqualTo(EndpointResult.OK);
    }
}
