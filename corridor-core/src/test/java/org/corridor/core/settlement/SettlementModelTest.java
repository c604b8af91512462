package org.corridor.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.BOB;
import static org.corridor.core.state.SwitchFixture.DAVE;
import static org.corridor.core.state.SwitchFixture.JPY;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.corridor.core.Id128;
import org.corridor.core.money.Fees;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantOperations;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.state.ObjectIds;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchFixture;
import org.corridor.core.wallet.WalletOperations;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded workload of top-ups, withdrawals, wallet transfers, payments captured at once or later (in part, or
 * canceled) and refunds, in dollars and yen, with windows closed and settled at random points (a closed window
 * may wait while the next one fills). A reference model counts what each operation must move for each
 * participant; every close must show exactly the model's nets since the previous close. At the end, once every
 * window is closed and settled, each participant's account is back to zero, the sum over windows of its nets is
 * what the model counted over the whole run, and each settlement account holds minus the customers' balances.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SettlementModelTest {
    private static final int OPERATIONS = 3_000;
    private static final List<String> CUSTOMERS = List.of(ALICE, DAVE, BOB);
    private static final List<String> MERCHANTS = List.of(MERCHANT, OTHER_MERCHANT);

    private final SwitchFixture f = new SwitchFixture();
    /** Per currency and participant: what the model expects the open window to net. */
    private final Map<String, Map<String, Long>> sinceClose = new HashMap<>();
    /** Per currency and participant: what the model expects over the whole run. */
    private final Map<String, Map<String, Long>> overall = new HashMap<>();
    private final List<String> succeeded = new ArrayList<>();
    private final List<String> reserved = new ArrayList<>();
    private int counter;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 20_261_128})
    void everyWindowNetsWhatTheModelCountedAndSettlingEverythingZeroesEveryParticipant(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // The fixture's own top-ups fall into the first windows.
        for (String currency : List.of(USD, JPY)) {
            for (Object value : f.state().all(RecordKind.PARTICIPANT)) {
                Participant p = (Participant) value;
                p.account(currency).ifPresent(a -> move(currency, p.id(), f.posted(a)));
            }
        }
        SettlementWindows.openMissing(f.state());
        for (int i = 0; i < OPERATIONS; i++) {
            step(random);
            if (random.nextInt(20) == 0) f.drain();
        }
        for (String currency : List.of(USD, JPY)) closeAndCheck(SettlementWindows.openOf(f.state(), currency).orElseThrow());
        for (Object value : List.copyOf(f.state().all(RecordKind.SETTLEMENT_WINDOW))) {
            SettlementWindow window = (SettlementWindow) value;
            if (window.status() == WindowStatus.CLOSED) SettlementWindows.settle(f.state(), window.id());
        }

        for (String currency : List.of(USD, JPY)) {
            Map<String, Long> summed = new TreeMap<>();
            for (SettlementWindow window : SettlementWindows.windowsOf(f.state(), currency)) {
                assertThat(window.status()).isIn(WindowStatus.SETTLED, WindowStatus.OPEN);
                for (NetPosition p : window.positions()) summed.merge(p.participantId(), p.netMinor(), Math::addExact);
            }
            summed.values().removeIf(v -> v == 0);
            Map<String, Long> expected = new TreeMap<>(overall.getOrDefault(currency, Map.of()));
            expected.values().removeIf(v -> v == 0);
            assertThat(summed).as(currency + " nets over all windows").isEqualTo(expected);
            long customers = 0;
            for (String customer : CUSTOMERS) {
                Id128 account = f.customer(customer).account(currency).orElse(null);
                if (account != null) customers += f.posted(account);
            }
            for (Object value : f.state().all(RecordKind.PARTICIPANT)) {
                ((Participant) value).account(currency).ifPresent(a -> assertThat(f.posted(a)).isZero());
            }
            Id128 settlement = SettlementWindows.openOf(f.state(), currency).orElseThrow().settlementAccountId();
            assertThat(f.posted(settlement)).as(currency + " settlement account").isEqualTo(-customers);
        }
        assertThat(SettlementAudit.violations(f.state())).isEmpty();
        assertThat(f.auditViolations()).isEmpty();
    }

    private void step(SplittableRandom random) {
        String customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
        Customer holder = f.customer(customer);
        String currency = customer.equals(ALICE) && random.nextBoolean() ? JPY : USD;
        long amount = 1 + random.nextLong(currency.equals(JPY) ? 5_000 : 20_000);
        switch (random.nextInt(10)) {
            case 0 -> {
                if (ParticipantOperations.topUp(f.state(), holder.ownerId(), id("tu_"), customer, amount, currency).ok()) {
                    move(currency, holder.ownerId(), -amount);
                }
            }
            case 1 -> {
                if (WalletOperations.withdraw(f.state(), holder.ownerId(), id("wd_"), customer, amount, currency).ok()) {
                    move(currency, holder.ownerId(), amount);
                }
            }
            case 2 -> WalletOperations.transfer(f.state(), holder.ownerId(), id("wtr_"), customer,
                    CUSTOMERS.get(random.nextInt(CUSTOMERS.size())), amount, currency, "");
            case 3, 4 -> pay(random, customer, currency, amount);
            case 5 -> capture(random);
            case 6 -> refund(random);
            case 7 -> {
                if (random.nextInt(4) == 0) closeAndCheck(SettlementWindows.openOf(f.state(), currency).orElseThrow());
            }
            case 8 -> {
                if (random.nextInt(3) == 0) settleOne(random);
            }
            default -> {
                if (!reserved.isEmpty() && random.nextInt(3) == 0) {
                    String intent = reserved.remove(random.nextInt(reserved.size()));
                    PaymentOperations.cancel(f.state(), f.intent(intent).ownerId(), intent, "requested_by_customer");
                }
            }
        }
    }

    private void pay(SplittableRandom random, String customer, String currency, long amount) {
        String merchant = currency.equals(JPY) ? MERCHANT : MERCHANTS.get(random.nextInt(MERCHANTS.size()));
        boolean manual = random.nextBoolean();
        PaymentIntent intent = f.createIntent(merchant, amount, currency,
                manual ? CaptureMethod.MANUAL : CaptureMethod.AUTOMATIC);
        if (!f.confirmByWallet(intent, customer).ok()) return;
        if (manual) {
            reserved.add(intent.id());
        } else {
            received(merchant, currency, amount);
            succeeded.add(intent.id());
        }
    }

    private void capture(SplittableRandom random) {
        if (reserved.isEmpty()) return;
        PaymentIntent intent = f.intent(reserved.remove(random.nextInt(reserved.size())));
        long amount = 1 + random.nextLong(intent.amountCapturable());
        var captured = PaymentOperations.capture(f.state(), intent.ownerId(), intent.id(), amount);
        assertThat(captured.ok()).isTrue();
        received(intent.ownerId(), intent.currency(), amount);
        succeeded.add(intent.id());
    }

    private void refund(SplittableRandom random) {
        if (succeeded.isEmpty()) return;
        PaymentIntent intent = f.intent(succeeded.get(random.nextInt(succeeded.size())));
        if (intent.status() != PaymentIntentStatus.SUCCEEDED || intent.refundable() == 0) return;
        long amount = 1 + random.nextLong(intent.refundable());
        assertThat(PaymentOperations.refund(f.state(), intent.ownerId(), id("re_"), intent.id(), amount, "", Map.of())
                .ok()).isTrue();
        move(intent.currency(), intent.ownerId(), -amount);
    }

    /** A merchant received {@code amount}: its fee goes on to the operator. */
    private void received(String merchant, String currency, long amount) {
        long fee = Fees.ofAmount(amount, f.participant(merchant).feeBasisPoints());
        move(currency, merchant, amount - fee);
        move(currency, ParticipantOperations.OPERATOR_ID, fee);
    }

    private void closeAndCheck(SettlementWindow open) {
        SettlementWindow closed = SettlementWindows.close(f.state(), open.id()).value();
        Map<String, Long> nets = new TreeMap<>();
        for (NetPosition p : closed.positions()) {
            if (p.netMinor() != 0) nets.put(p.participantId(), p.netMinor());
        }
        Map<String, Long> expected = new TreeMap<>(sinceClose.getOrDefault(open.currency(), Map.of()));
        expected.values().removeIf(v -> v == 0);
        assertThat(nets).as("window " + closed.number() + " of " + closed.currency()).isEqualTo(expected);
        assertThat(closed.participantsNetMinor() + closed.customersMinor() + closed.houseMinor()).isZero();
        sinceClose.remove(open.currency());
    }

    private void settleOne(SplittableRandom random) {
        List<SettlementWindow> closed = f.state().all(RecordKind.SETTLEMENT_WINDOW).stream()
                .map(SettlementWindow.class::cast).filter(w -> w.status() == WindowStatus.CLOSED).toList();
        if (closed.isEmpty()) return;
        assertThat(SettlementWindows.settle(f.state(), closed.get(random.nextInt(closed.size())).id()).ok()).isTrue();
    }

    private void move(String currency, String participant, long amount) {
        sinceClose.computeIfAbsent(currency, c -> new HashMap<>()).merge(participant, amount, Math::addExact);
        overall.computeIfAbsent(currency, c -> new HashMap<>()).merge(participant, amount, Math::addExact);
    }

    private String id(String prefix) {
        return ObjectIds.of(prefix, new Id128(0x5e77, ++counter));
    }
}
