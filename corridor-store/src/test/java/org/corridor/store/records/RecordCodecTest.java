package org.corridor.store.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.corridor.core.Id128;
import org.corridor.core.participant.Customer;
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
    void aCustomerStoredBeforeKycTiersDecodesWithoutATier() {
        Customer current = new Customer("cus_1", "acct_w", "Li", Map.of("CNY", new Id128(5, 6)), Map.of(), 13, "");
        byte[] bytes = RecordCodec.encode(RecordKind.CUSTOMER, current);
        // Version 2 is version 3 without the trailing tier name (an empty modified-UTF-8 string: two zero bytes).
        byte[] versionTwo = Arrays.copyOf(bytes, bytes.length - 2);
        versionTwo[0] = 2;
        assertThat(RecordCodec.decode(RecordKind.CUSTOMER, versionTwo)).isEqualTo(current);
        assertThat(((Customer) RecordCodec.decode(RecordKind.CUSTOMER, RecordCodec.encode(RecordKind.CUSTOMER,
                current.withKycTier("verified")))).kycTier()).isEqualTo("verified");
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
