package org.corridor.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.core.Id128;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.port.Page;
import org.corridor.core.port.PaymentIntentListener;
import org.corridor.core.state.RecordChange;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.SwitchState;
import org.corridor.core.webhook.Delivery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The readers' copy: newest first, cursors, owners kept apart, removals, and a reload that replaces everything. */
@Timeout(30)
class CommittedObjectsTest {
    private static PaymentIntent intent(String id, String owner, long createdAt) {
        return PaymentIntent.create(id, owner, 100, "USD", CaptureMethod.AUTOMATIC, "", Map.of(), id + "_secret", null,
                createdAt);
    }

    @Test
    void listsAreNewestFirstPagedByCursorAndScopedToTheirOwner() {
        CommittedObjects objects = new CommittedObjects();
        List<RecordChange> batch = new ArrayList<>();
        for (int i = 1; i <= 5; i++) batch.add(new RecordChange(RecordKind.PAYMENT_INTENT, "pi_" + i, intent("pi_" + i, "acct_a", i)));
        batch.add(new RecordChange(RecordKind.PAYMENT_INTENT, "pi_b", intent("pi_b", "acct_b", 3)));
        objects.committed(batch);

        Page<PaymentIntent> first = objects.list(RecordKind.PAYMENT_INTENT, "acct_a", PaymentIntent.class, 2, null, pi -> true);
        assertThat(first.data()).extracting(PaymentIntent::id).containsExactly("pi_5", "pi_4");
        assertThat(first.hasMore()).isTrue();
        Page<PaymentIntent> rest = objects.list(RecordKind.PAYMENT_INTENT, "acct_a", PaymentIntent.class, 10, "pi_4", pi -> true);
        assertThat(rest.data()).extracting(PaymentIntent::id).containsExactly("pi_3", "pi_2", "pi_1");
        assertThat(rest.hasMore()).isFalse();
        // Another owner's object is no cursor: the page is empty rather than another owner's neighbours.
        assertThat(objects.list(RecordKind.PAYMENT_INTENT, "acct_a", PaymentIntent.class, 10, "pi_b", pi -> true).data())
                .isEmpty();
        assertThat(objects.list(RecordKind.PAYMENT_INTENT, "acct_b", PaymentIntent.class, 10, null, pi -> true).data())
                .extracting(PaymentIntent::id).containsExactly("pi_b");
        Page<PaymentIntent> filtered = objects.list(RecordKind.PAYMENT_INTENT, "acct_a", PaymentIntent.class, 10, null,
                pi -> pi.createdAt() % 2 == 1);
        assertThat(filtered.data()).extracting(PaymentIntent::id).containsExactly("pi_5", "pi_3", "pi_1");
    }

    @Test
    void anUpdateMovesNothingAndARemovalDisappearsFromFindAndList() {
        CommittedObjects objects = new CommittedObjects();
        objects.committed(List.of(new RecordChange(RecordKind.PAYMENT_INTENT, "pi_1", intent("pi_1", "acct_a", 1))));
        PaymentIntent canceled = intent("pi_1", "acct_a", 1).canceled("abandoned");
        objects.committed(List.of(new RecordChange(RecordKind.PAYMENT_INTENT, "pi_1", canceled)));
        assertThat(objects.find(RecordKind.PAYMENT_INTENT, "pi_1", PaymentIntent.class)).contains(canceled);
        assertThat(objects.list(RecordKind.PAYMENT_INTENT, "acct_a", PaymentIntent.class, 10, null, pi -> true).data())
                .containsExactly(canceled);
        objects.committed(List.of(new RecordChange(RecordKind.PAYMENT_INTENT, "pi_1", null)));
        assertThat(objects.find(RecordKind.PAYMENT_INTENT, "pi_1", PaymentIntent.class)).isEmpty();
        assertThat(objects.list(RecordKind.PAYMENT_INTENT, "acct_a", PaymentIntent.class, 10, null, pi -> true).data())
                .isEmpty();
    }

    @Test
    void aReloadReplacesTheCopyAndHandsOverEveryPendingDelivery() {
        CommittedObjects objects = new CommittedObjects();
        List<Delivery> handed = new ArrayList<>();
        objects.onDelivery(handed::add);
        objects.committed(List.of(new RecordChange(RecordKind.PAYMENT_INTENT, "pi_old", intent("pi_old", "acct_a", 1))));

        AtomicLong ids = new AtomicLong();
        SwitchState state = new SwitchState(new LedgerStateMachine(), () -> Id128.of(ids.incrementAndGet()));
        state.restore(RecordKind.PAYMENT_INTENT, "pi_new", intent("pi_new", "acct_a", 2));
        Delivery delivery = Delivery.due("evt_1", "we_1", "acct_a", 5);
        state.restore(RecordKind.DELIVERY, delivery.id(), delivery);
        objects.restored(state);

        assertThat(objects.find(RecordKind.PAYMENT_INTENT, "pi_old", PaymentIntent.class)).isEmpty();
        assertThat(objects.find(RecordKind.PAYMENT_INTENT, "pi_new", PaymentIntent.class)).isPresent();
        assertThat(objects.deliveriesOf("evt_1")).containsExactly(delivery);
        assertThat(handed).containsExactly(delivery);
    }

    @Test
    void paymentIntentChangesReachTheirListenerWithTheIntentAsItStoodBefore() {
        CommittedObjects objects = new CommittedObjects();
        List<String> told = new ArrayList<>();
        objects.onPaymentIntent(new PaymentIntentListener() {
            @Override
            public void restored(Collection<PaymentIntent> intents) {
                intents.forEach(intent -> told.add("restored " + intent.id()));
            }

            @Override
            public void committed(PaymentIntent before, PaymentIntent after) {
                told.add((before == null ? "new" : before.status().name()) + " -> " + after.status().name());
            }
        });
        PaymentIntent created = intent("pi_1", "acct_a", 1);
        objects.committed(List.of(new RecordChange(RecordKind.PAYMENT_INTENT, "pi_1", created),
                new RecordChange(RecordKind.DELIVERY, "evt_1/we_1", Delivery.due("evt_1", "we_1", "acct_a", 5))));
        objects.committed(List.of(new RecordChange(RecordKind.PAYMENT_INTENT, "pi_1", created.canceled("abandoned"))));

        AtomicLong ids = new AtomicLong();
        SwitchState state = new SwitchState(new LedgerStateMachine(), () -> Id128.of(ids.incrementAndGet()));
        state.restore(RecordKind.PAYMENT_INTENT, "pi_2", intent("pi_2", "acct_a", 2));
        objects.restored(state);

        assertThat(told).containsExactly("new -> REQUIRES_PAYMENT_METHOD", "REQUIRES_PAYMENT_METHOD -> CANCELED",
                "restored pi_2");
    }
}
