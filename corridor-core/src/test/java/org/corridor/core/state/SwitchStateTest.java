package org.corridor.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.corridor.core.Id128;
import org.corridor.core.InvariantViolation;
import org.corridor.core.ledger.LedgerStateMachine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The writer's state: objects and their changes per batch, the batch clock, and object ids. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SwitchStateTest {
    private static final long T = SwitchFixture.START_NANOS;
    private SwitchState state;

    @BeforeEach
    void setUp() {
        state = new SwitchState(new LedgerStateMachine(), new CountingIds());
        state.beginBatch(T);
    }

    @Test
    void aBatchDrainsEachObjectOnceAsItStandsAtTheEndInTheOrderFirstChanged() {
        state.put(RecordKind.CUSTOMER, "cus_a", "a1");
        state.put(RecordKind.TOP_UP, "tu_b", "b1");
        state.put(RecordKind.CUSTOMER, "cus_a", "a2");
        state.put(RecordKind.TOP_UP, "cus_a", "same id, other kind");

        StateChanges changes = state.drainChanges();

        assertThat(changes.records()).containsExactly(
                new RecordChange(RecordKind.CUSTOMER, "cus_a", "a2"),
                new RecordChange(RecordKind.TOP_UP, "tu_b", "b1"),
                new RecordChange(RecordKind.TOP_UP, "cus_a", "same id, other kind"));
        assertThat(state.find(RecordKind.CUSTOMER, "cus_a", String.class)).contains("a2");
    }

    @Test
    void drainingResetsTheChanges() {
        state.put(RecordKind.CUSTOMER, "cus_a", "a1");
        state.drainChanges();
        state.beginBatch(T + 1);

        StateChanges next = state.drainChanges();

        assertThat(next.isEmpty()).isTrue();
        assertThat(state.find(RecordKind.CUSTOMER, "cus_a", String.class)).contains("a1");
    }

    @Test
    void aRemovalIsAChangeWithoutAValueAndRemovingNothingIsNone() {
        state.put(RecordKind.WEBHOOK_ENDPOINT, "we_1", "endpoint");
        state.drainChanges();
        state.beginBatch(T + 1);

        state.remove(RecordKind.WEBHOOK_ENDPOINT, "we_1");
        state.remove(RecordKind.WEBHOOK_ENDPOINT, "we_never");

        StateChanges changes = state.drainChanges();
        assertThat(changes.records()).containsExactly(new RecordChange(RecordKind.WEBHOOK_ENDPOINT, "we_1", null));
        assertThat(changes.records().getFirst().removed()).isTrue();
        assertThat(state.find(RecordKind.WEBHOOK_ENDPOINT, "we_1", String.class)).isEmpty();
    }

    @Test
    void aWriteThenARemovalInOneBatchDrainsAsTheRemoval() {
        state.put(RecordKind.DELIVERY, "d", "x");
        state.remove(RecordKind.DELIVERY, "d");

        assertThat(state.drainChanges().records()).containsExactly(new RecordChange(RecordKind.DELIVERY, "d", null));
    }

    @Test
    void nullValuesAndStandaloneErrorsAreProgrammerErrors() {
        assertThatThrownBy(() -> state.put(RecordKind.CUSTOMER, "cus_a", null)).isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> state.put(RecordKind.ERROR, "e", new StoredError(400, "t", "c", "m", "")))
                .isInstanceOf(InvariantViolation.class);
        assertThat(state.drainChanges().records()).isEmpty();
    }

    @Test
    void restoredObjectsAreNotChanges() {
        SwitchState fresh = new SwitchState(new LedgerStateMachine(), new CountingIds());
        fresh.restore(RecordKind.CUSTOMER, "cus_a", "a");
        fresh.restored(T + 5);
        fresh.beginBatch(T + 10);

        assertThat(fresh.drainChanges().isEmpty()).isTrue();
        assertThat(fresh.find(RecordKind.CUSTOMER, "cus_a", String.class)).contains("a");
        assertThat(fresh.all(RecordKind.CUSTOMER)).containsExactly("a");
    }

    @Test
    void theBatchClockNeverGoesBack() {
        state.drainChanges();
        state.beginBatch(T + 100);
        state.drainChanges();
        state.beginBatch(T + 50);

        assertThat(state.now()).isEqualTo(T + 100);
    }

    @Test
    void aBatchMustBeDrainedBeforeTheNextBegins() {
        assertThatThrownBy(() -> state.beginBatch(T + 1)).isInstanceOf(InvariantViolation.class);
    }

    @Test
    void countingIdsAreDeterministicAndNeverZero() {
        CountingIds ids = new CountingIds();
        assertThat(ids.next()).isEqualTo(Id128.of(1));
        assertThat(ids.next()).isEqualTo(Id128.of(2));
        assertThat(ids.issued()).isEqualTo(2);
        assertThat(ids.next().isZero()).isFalse();
    }

    @Test
    void objectIdsCarryTheirNumber() {
        Id128 number = new Id128(0x0123_4567_89AB_CDEFL, 0x1122_3344_5566_7788L);
        String id = ObjectIds.of("pi_", number);

        assertThat(id).isEqualTo("pi_0123456789abcdef1122334455667788");
        assertThat(ObjectIds.numberOf(id)).isEqualTo(number);
        assertThat(ObjectIds.numberOf("evt_" + number)).isEqualTo(number);
        assertThat(ObjectIds.numberOf("pi_x_" + number)).as("the last underscore counts").isEqualTo(number);
    }

    @Test
    void anIdNotOfThatFormHasNumberZero() {
        assertThat(ObjectIds.numberOf("acct_operator")).isEqualTo(Id128.ZERO);
        assertThat(ObjectIds.numberOf("no-underscore")).isEqualTo(Id128.ZERO);
        assertThat(ObjectIds.numberOf("pi_" + "0".repeat(31))).as("31 digits").isEqualTo(Id128.ZERO);
        assertThat(ObjectIds.numberOf("pi_" + "0".repeat(33))).as("33 digits").isEqualTo(Id128.ZERO);
        assertThat(ObjectIds.numberOf("pi_" + "g".repeat(32))).as("not hexadecimal").isEqualTo(Id128.ZERO);
        assertThat(ObjectIds.numberOf("pi_")).isEqualTo(Id128.ZERO);
    }

    private enum Sample { FINE, REFUSED }

    @Test
    void anOutcomeIsOkOnlyForTheFirstConstant() {
        assertThat(Outcome.of(Sample.FINE, "v").ok()).isTrue();
        assertThat(Outcome.of(Sample.REFUSED, "v").ok()).isFalse();
        assertThat(Outcome.<Sample, String>refused(Sample.REFUSED).value()).isNull();
    }

    @Test
    void storedNamesOfRecordKindsRoundTrip() {
        for (RecordKind kind : RecordKind.values()) {
            assertThat(RecordKind.ofStoredName(kind.storedName())).isEqualTo(kind);
        }
        assertThatThrownBy(() -> RecordKind.ofStoredName("payment")).isInstanceOf(IllegalArgumentException.class);
    }
}
