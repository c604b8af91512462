package org.corridor.store.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.participant.TopUp;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.Id128;
import org.corridor.core.participant.Customer;
import org.corridor.core.state.RecordChange;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.StoredError;
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
    void version2TopUpsAndTokensStillDecodeAsFundingAccountTopUpsAndCardTokens() {
        for (RecordChange change : RecordSamples.everyKind()) {
            Object before = switch (change.value()) {
                case TopUp t when t.paymentMethod() == null -> t;
                case DeviceToken t when !t.fundedByBalance() -> t;
                default -> null;
            };
            if (before == null) continue;
            // Version 3 appended an empty method (one empty string) to top-ups, two empty strings to tokens.
            assertThat(RecordCodec.decode(change.kind(), asVersion2(change.kind(), before, before instanceof TopUp ? 2 : 4)))
                    .isEqualTo(before);
        }
        StoredError error = new StoredError(400, "invalid_request_error", "amount_invalid", "Bad.", "amount");
        assertThat(RecordCodec.decode(RecordKind.ERROR, asVersion2(RecordKind.ERROR, error, 2))).isEqualTo(error);
    }

    /** The record as format version 2 wrote it: without the {@code appended} bytes version 3 writes last. */
    private static byte[] asVersion2(RecordKind kind, Object value, int appended) {
        byte[] current = RecordCodec.encode(kind, value);
        byte[] version2 = Arrays.copyOf(current, current.length - appended);
        version2[0] = 2;
        return version2;
    }

    @Test
    void version2IntentsDecodeWithoutAConversion() {
        // Version 3 appended one byte to intents: false, no conversion.
        for (PaymentIntent intent : List.of(RecordSamples.INTENT, RecordSamples.CARD_INTENT, RecordSamples.BARE_INTENT)) {
            assertThat(RecordCodec.decode(RecordKind.PAYMENT_INTENT, asVersion2(RecordKind.PAYMENT_INTENT, intent, 1)))
                    .isEqualTo(intent);
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
