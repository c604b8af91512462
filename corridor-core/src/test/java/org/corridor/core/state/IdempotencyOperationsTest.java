package org.corridor.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.core.state.SwitchFixture.ALICE;
import static org.corridor.core.state.SwitchFixture.MERCHANT;
import static org.corridor.core.state.SwitchFixture.OTHER_MERCHANT;
import static org.corridor.core.state.SwitchFixture.USD;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A command with an idempotency key runs once; its reply is kept in the same batch as its effect, and for
 * {@link SwitchState#IDEMPOTENCY_RETENTION_NANOS} exactly.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IdempotencyOperationsTest {
    private final SwitchFixture f = new SwitchFixture();
    private final AtomicInteger runs = new AtomicInteger();
    private final IdempotencyKey key = new IdempotencyKey(MERCHANT, "order-1001", "POST /v1/payment_intents {a}");

    /** Creates a 1,000 USD intent and answers it, counting its runs. */
    private final Function<SwitchState, Reply> createIntent = state -> {
        runs.incrementAndGet();
        PaymentIntent pi = f.spec(MERCHANT, 1_000, USD, CaptureMethod.AUTOMATIC, null);
        return Reply.of(200, RecordKind.PAYMENT_INTENT, PaymentOperations.create(state, pi).value());
    };

    @Test
    void theFirstCallRunsTheCommandAndKeepsItsReplyInTheSameBatch() {
        SwitchFixture.Step<IdempotencyRecord> step = f.step(() -> IdempotencyOperations.once(f.state(), key, createIntent));

        IdempotencyRecord kept = step.value();
        assertThat(runs).hasValue(1);
        assertThat(kept.ownerId()).isEqualTo(MERCHANT);
        assertThat(kept.key()).isEqualTo("order-1001");
        assertThat(kept.fingerprint()).isEqualTo(key.fingerprint());
        assertThat(kept.createdAt()).isEqualTo(f.now());
        assertThat(kept.reply().status()).isEqualTo(200);
        assertThat(kept.id()).isEqualTo(key.id()).isEqualTo(MERCHANT + " order-1001");
        assertThat(step.changes().records()).extracting(RecordChange::kind)
                .contains(RecordKind.PAYMENT_INTENT, RecordKind.EVENT, RecordKind.IDEMPOTENCY);
        assertThat(f.state().find(RecordKind.IDEMPOTENCY, key.id(), IdempotencyRecord.class)).contains(kept);
    }

    @Test
    void aRetryGetsTheKeptReplyWithoutRunningTheCommandAgain() {
        IdempotencyRecord first = IdempotencyOperations.once(f.state(), key, createIntent);
        PaymentIntent created = (PaymentIntent) first.reply().body();
        f.advanceSeconds(30);

        SwitchFixture.Step<IdempotencyRecord> retry =
                f.step(() -> IdempotencyOperations.once(f.state(), key, createIntent));

        assertThat(runs).hasValue(1);
        assertThat(retry.value()).isEqualTo(first);
        assertThat(retry.changes().isEmpty()).as("a retry writes nothing").isTrue();
        assertThat(f.state().all(RecordKind.PAYMENT_INTENT)).containsExactly(created);
    }

    @Test
    void theSameKeyWithAnotherRequestGetsTheKeptRecordForTheCallerToCompare() {
        IdempotencyRecord first = IdempotencyOperations.once(f.state(), key, createIntent);
        IdempotencyKey otherBody = new IdempotencyKey(MERCHANT, "order-1001", "POST /v1/payment_intents {b}");

        IdempotencyRecord kept = IdempotencyOperations.once(f.state(), otherBody, createIntent);

        assertThat(runs).hasValue(1);
        assertThat(kept).isEqualTo(first);
        assertThat(kept.fingerprint()).isNotEqualTo(otherBody.fingerprint());
    }

    @Test
    void keysAreScopedToTheirOwner() {
        IdempotencyOperations.once(f.state(), key, createIntent);
        IdempotencyKey sameKeyOtherOwner = new IdempotencyKey(OTHER_MERCHANT, "order-1001", key.fingerprint());

        IdempotencyRecord other = IdempotencyOperations.once(f.state(), sameKeyOtherOwner, state -> {
            runs.incrementAndGet();
            return Reply.of(200, RecordKind.PAYMENT_INTENT,
                    PaymentOperations.create(state, f.spec(OTHER_MERCHANT, 5, USD, CaptureMethod.AUTOMATIC, null))
                            .value());
        });

        assertThat(runs).hasValue(2);
        assertThat(other.ownerId()).isEqualTo(OTHER_MERCHANT);
        assertThat(f.state().all(RecordKind.IDEMPOTENCY)).hasSize(2);
    }

    @Test
    void aRefusalIsKeptAndRepeatedToo() {
        StoredError refused = new StoredError(402, "card_error", "insufficient_funds", "Too low.", "");
        AtomicInteger declines = new AtomicInteger();
        Function<SwitchState, Reply> decline = state -> {
            declines.incrementAndGet();
            return Reply.error(refused);
        };

        IdempotencyRecord first = IdempotencyOperations.once(f.state(), key, decline);
        IdempotencyRecord again = IdempotencyOperations.once(f.state(), key, decline);

        assertThat(declines).hasValue(1);
        assertThat(again).isEqualTo(first);
        assertThat(again.reply().bodyKind()).isEqualTo(RecordKind.ERROR);
        assertThat(again.reply().body()).isEqualTo(refused);
        assertThat(again.reply().status()).isEqualTo(402);
    }

    @Test
    void rememberKeepsAReplyMadeWithoutACommandButNeverReplacesOne() {
        Reply refused = Reply.error(new StoredError(400, "invalid_request_error", "parameter_missing", "No.", "amount"));

        IdempotencyRecord kept = IdempotencyOperations.remember(f.state(), key, refused);
        IdempotencyRecord later = IdempotencyOperations.remember(f.state(), key, Reply.of(200, RecordKind.CUSTOMER, "x"));
        IdempotencyRecord once = IdempotencyOperations.once(f.state(), key, createIntent);

        assertThat(later).isEqualTo(kept);
        assertThat(once).isEqualTo(kept);
        assertThat(runs).hasValue(0);
    }

    @Test
    void aRecordIsKeptForTheWholeRetentionAndNotANanosecondLonger() {
        IdempotencyRecord kept = IdempotencyOperations.once(f.state(), key, createIntent);
        long createdAt = kept.createdAt();

        f.advanceTo(createdAt + SwitchState.IDEMPOTENCY_RETENTION_NANOS - 1);
        StateChanges justBefore = f.drain();
        assertThat(justBefore.records()).isEmpty();
        assertThat(f.state().find(RecordKind.IDEMPOTENCY, key.id(), IdempotencyRecord.class)).contains(kept);
        assertThat(IdempotencyOperations.once(f.state(), key, createIntent)).isEqualTo(kept);
        assertThat(runs).hasValue(1);

        f.advanceTo(createdAt + SwitchState.IDEMPOTENCY_RETENTION_NANOS);
        StateChanges dropped = f.drain();
        assertThat(dropped.records()).containsExactly(new RecordChange(RecordKind.IDEMPOTENCY, key.id(), null));
        assertThat(dropped.records().getFirst().removed()).isTrue();
        assertThat(f.state().find(RecordKind.IDEMPOTENCY, key.id(), IdempotencyRecord.class)).isEmpty();

        IdempotencyRecord anew = IdempotencyOperations.once(f.state(), key, createIntent);
        assertThat(runs).as("an expired key runs its command again").hasValue(2);
        assertThat(anew.createdAt()).isEqualTo(f.now());
        assertThat(f.state().all(RecordKind.PAYMENT_INTENT)).hasSize(2);
    }

    @Test
    void recordsAreDroppedOldestFirstEachAfterItsOwnRetention() {
        IdempotencyKey second = new IdempotencyKey(MERCHANT, "order-1002", "b");
        IdempotencyKey third = new IdempotencyKey(MERCHANT, "order-1003", "c");
        long start = f.now();
        IdempotencyOperations.once(f.state(), key, createIntent);
        f.advanceSeconds(10);
        IdempotencyOperations.once(f.state(), second, createIntent);
        IdempotencyOperations.once(f.state(), third, createIntent);

        f.advanceTo(start + SwitchState.IDEMPOTENCY_RETENTION_NANOS + 5 * SwitchFixture.NANOS_PER_SECOND);
        assertThat(f.drain().records()).extracting(RecordChange::id).containsExactly(key.id());

        f.advanceTo(start + SwitchState.IDEMPOTENCY_RETENTION_NANOS + 10 * SwitchFixture.NANOS_PER_SECOND);
        assertThat(f.drain().records()).extracting(RecordChange::id).containsExactly(second.id(), third.id());
        assertThat(f.state().all(RecordKind.IDEMPOTENCY)).isEmpty();
    }

    @Test
    void aClockThatStepsBackNeitherDropsEarlyNorStampsEarlier() {
        IdempotencyRecord kept = IdempotencyOperations.once(f.state(), key, createIntent);
        f.advanceTo(kept.createdAt() + SwitchState.IDEMPOTENCY_RETENTION_NANOS - 1);
        f.advanceTo(kept.createdAt() - 1_000);

        assertThat(f.state().now()).as("the switch's time never goes back")
                .isEqualTo(kept.createdAt() + SwitchState.IDEMPOTENCY_RETENTION_NANOS - 1);
        assertThat(f.state().find(RecordKind.IDEMPOTENCY, key.id(), IdempotencyRecord.class)).contains(kept);
    }

    @Test
    void restoredRecordsExpireByAgeWhateverTheOrderTheyWereLoadedIn() {
        SwitchState restored = new SwitchState(new org.corridor.core.ledger.LedgerStateMachine(), new CountingIds());
        long t = SwitchFixture.START_NANOS;
        IdempotencyRecord newer = new IdempotencyRecord(MERCHANT, "newer", "n", Reply.of(200, RecordKind.CUSTOMER, ALICE),
                t + 1_000);
        IdempotencyRecord older = new IdempotencyRecord(MERCHANT, "older", "o", Reply.of(200, RecordKind.CUSTOMER, ALICE),
                t);
        restored.restore(RecordKind.IDEMPOTENCY, newer.id(), newer);
        restored.restore(RecordKind.IDEMPOTENCY, older.id(), older);
        restored.restored(t + 1_000);

        restored.beginBatch(t + SwitchState.IDEMPOTENCY_RETENTION_NANOS);

        assertThat(restored.drainChanges().records())
                .containsExactly(new RecordChange(RecordKind.IDEMPOTENCY, older.id(), null));
        assertThat(restored.all(RecordKind.IDEMPOTENCY)).containsExactly(newer);
        assertThat(restored.now()).isEqualTo(t + SwitchState.IDEMPOTENCY_RETENTION_NANOS);
    }
}
