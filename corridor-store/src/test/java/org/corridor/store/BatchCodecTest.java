package org.corridor.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.corridor.core.Id128;
import org.corridor.core.ledger.Account;
import org.corridor.core.ledger.AccountFlags;
import org.corridor.core.ledger.LedgerChanges;
import org.corridor.core.ledger.LedgerStateMachine;
import org.corridor.core.ledger.Transfer;
import org.corridor.core.ledger.TransferFlags;
import org.corridor.core.state.RecordKind;
import org.corridor.store.records.RecordRow;
import org.corridor.store.records.RecordSamples;
import org.junit.jupiter.api.Test;

/** The batch log's encoding: every kind of change survives the round trip, and bad bytes get a clear error. */
class BatchCodecTest {
    private static final long NOW = 1_800_000_000_000_000_000L;

    private static LedgerChanges everyKindOfChange() {
        LedgerStateMachine machine = new LedgerStateMachine();
        machine.beginBatch(NOW);
        machine.createAccounts(List.of(
                Account.open(new Id128(-1L, 7), 840, 1, AccountFlags.HISTORY, new Id128(5, -9)),
                Account.open(Id128.of(2), 840, 1, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS, Id128.ZERO)));
        machine.createTransfers(List.of(
                Transfer.of(Id128.of(10), Id128.of(2), new Id128(-1L, 7), 5, 840, 1),
                Transfer.of(Id128.of(11), new Id128(-1L, 7), Id128.of(2), 300, 840, 1)
                        .withFlags(TransferFlags.PENDING).withTimeoutSeconds(30),
                new Transfer(Id128.of(12), Id128.ZERO, Id128.ZERO, 100, Id128.of(11), Id128.of(77), 0, 0, 0,
                        TransferFlags.POST_PENDING, 0)));
        return machine.drainChanges();
    }

    @Test
    void everyKindOfChangeSurvivesTheRoundTrip() {
        LedgerChanges changes = everyKindOfChange();
        assertThat(changes.accountsCreated()).hasSize(2);
        assertThat(changes.transfersCreated()).hasSize(2);
        assertThat(changes.transfersFailed()).hasSize(1);
        assertThat(changes.pendingResolutions()).hasSize(1);
        assertThat(changes.balanceHistory()).isNotEmpty();
        assertThat(BatchCodec.decode(BatchCodec.encode(LoggedBatch.ofLedger(changes))).ledger()).isEqualTo(changes);
    }

    @Test
    void objectRowsTravelWithTheLedgerChangesIncludingRemovals() {
        List<RecordRow> rows = new java.util.ArrayList<>(RecordSamples.everyKind().stream().map(RecordRow::of).toList());
        rows.add(new RecordRow(RecordKind.TOP_UP, "tu_gone", null));
        LoggedBatch batch = new LoggedBatch(everyKindOfChange(), rows);
        LoggedBatch decoded = BatchCodec.decode(BatchCodec.encode(batch));
        assertThat(decoded.ledger()).isEqualTo(batch.ledger());
        assertThat(decoded.records()).hasSameSizeAs(rows);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(decoded.records().get(i).kind()).isEqualTo(rows.get(i).kind());
            assertThat(decoded.records().get(i).id()).isEqualTo(rows.get(i).id());
            assertThat(decoded.records().get(i).body()).isEqualTo(rows.get(i).body());
        }
    }

    @Test
    void aLedgerOnlyEntryOfFormatVersionOneStillDecodes() {
        byte[] current = BatchCodec.encode(LoggedBatch.ofLedger(everyKindOfChange()));
        // Version 1 is version 2 without the trailing count of object rows.
        byte[] versionOne = Arrays.copyOf(current, current.length - 4);
        versionOne[0] = 1;
        LoggedBatch decoded = BatchCodec.decode(versionOne);
        assertThat(decoded.ledger()).isEqualTo(everyKindOfChange());
        assertThat(decoded.records()).isEmpty();
    }

    @Test
    void badBytesAreAClearErrorNeverAHugeAllocation() {
        byte[] good = BatchCodec.encode(LoggedBatch.ofLedger(everyKindOfChange()));
        assertThatThrownBy(() -> BatchCodec.decode(Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(StoreException.class).hasMessageContaining("corrupt");
        assertThatThrownBy(() -> BatchCodec.decode(Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("after the last field");
        byte[] otherVersion = good.clone();
        otherVersion[0] = 9;
        assertThatThrownBy(() -> BatchCodec.decode(otherVersion)).isInstanceOf(StoreException.class)
                .hasMessageContaining("format version 9");
        byte[] hugeList = good.clone();
        ByteBuffer.wrap(hugeList).putInt(1 + 8, Integer.MAX_VALUE);
        assertThatThrownBy(() -> BatchCodec.decode(hugeList)).isInstanceOf(StoreException.class)
                .hasMessageContaining("a list of " + Integer.MAX_VALUE);
        assertThatThrownBy(() -> BatchCodec.decode(new byte[0])).isInstanceOf(StoreException.class);
    }
}
