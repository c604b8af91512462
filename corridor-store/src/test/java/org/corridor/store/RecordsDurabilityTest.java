package org.corridor.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.core.Id128;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.state.RecordChange;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.StateChanges;
import org.corridor.core.state.SwitchState;
import org.corridor.store.records.RecordSamples;
import org.corridor.store.testing.TestDatabase;
import org.corridor.store.testing.TestStores;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Objects committed with a batch come back after a restart, last write wins, removals stay removed. */
@Timeout(60)
class RecordsDurabilityTest {
    @TempDir
    Path directory;


    @ParameterizedTest
    @MethodSource("org.corridor.store.testing.TestStores#kinds")
    void objectsSurviveARestartAsTheLastBatchLeftThem(String kind) {
        try (TestDatabase database = TestStores.database(kind, directory)) {
            List<RecordChange> every = RecordSamples.everyKind();
            try (LedgerStore store = Stores.open(database.url())) {
                LedgerStateMachine ledger = new LedgerStateMachine();
                ledger.beginBatch(1_000);
                store.commit(new StateChanges(ledger.drainChanges(), every));
                ledger.beginBatch(2_000);
                store.commit(new StateChanges(ledger.drainChanges(), List.of(
                        new RecordChange(RecordKind.PAYMENT_INTENT, "pi_2", RecordSamples.INTENT),
                        new RecordChange(RecordKind.TOP_UP, "tu_1", null))));
            }
            try (LedgerStore reopened = Stores.open(database.url())) {
                SwitchState state = new SwitchState(new LedgerStateMachine(), counter());
                reopened.restoreRecords(state);
                for (RecordChange change : every) {
                    Object expected = switch (change.id()) {
                        case "pi_2" -> RecordSamples.INTENT;
                        case "tu_1" -> null;
                        default -> change.value();
                    };
                    assertThat(state.find(change.kind(), change.id(), Object.class).orElse(null))
                            .as(change.kind() + " " + change.id()).isEqualTo(expected);
                }
                assertThat(state.all(RecordKind.PAYMENT_INTENT)).hasSize((int) every.stream()
                        .filter(change -> change.kind() == RecordKind.PAYMENT_INTENT).map(RecordChange::id).distinct().count());
                assertThat(state.all(RecordKind.TOP_UP)).containsExactly(RecordSamples.CARD_TOP_UP);
            }
        }
    }

    private static org.corridor.core.state.IdSource counter() {
        AtomicLong next = new AtomicLong();
        return () -> Id128.of(next.incrementAndGet());
    }
}
