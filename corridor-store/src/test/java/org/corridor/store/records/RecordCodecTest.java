package org.corridor.store.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.corridor.core.state.RecordChange;
import org.corridor.core.state.RecordKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class RecordCodecTest {
    @Test
    void everyKindSurvivesTheRoundTrip() {
        Set<RecordKind> seen = EnumSet.noneOf(RecordKind.class);
        for (RecordChange change : RecordSamples.everyKind()) {
            byte[] bytes = RecordCodec.encode(change.kind(), change.value());
            assertThat(RecordCodec.decode(change.kind(), bytes)).as(change.kind().toString()).isEqualTo(change.value());
            seen.add(change.kind());
        }
        seen.add(RecordKind.ERROR); // inside an idempotency record above
        assertThat(seen).containsExactlyInAnyOrder(RecordKind.values());
    }

    @Test
    void theSameObjectAlwaysEncodesToTheSameBytes() {
        for (RecordChange change : RecordSamples.everyKind()) {
            assertThat(RecordCodec.encode(change.kind(), change.value()))
                    .isEqualTo(RecordCodec.encode(change.kind(), change.value()));
        }
    }

    @Test
    void corruptBytesAreAClearError() {
        byte[] good = RecordCodec.encode(RecordKind.PAYMENT_INTENT, RecordSamples.INTENT);
        assertThatThrownBy(() -> RecordCodec.decode(RecordKind.PAYMENT_INTENT, Arrays.copyOf(good, good.length - 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("payment_intent is corrupt");
        assertThatThrownBy(() -> RecordCodec.decode(RecordKind.PAYMENT_INTENT, Arrays.copyOf(good, good.length + 1)))
                .hasMessageContaining("after the last field");
        byte[] otherVersion = good.clone();
        otherVersion[0] = 7;
        assertThatThrownBy(() -> RecordCodec.decode(RecordKind.PAYMENT_INTENT, otherVersion))
                .hasMessageContaining("format version 7");
        assertThatThrownBy(() -> RecordCodec.decode(RecordKind.REFUND, good)).isInstanceOf(IllegalArgumentException.class);
    }
}
