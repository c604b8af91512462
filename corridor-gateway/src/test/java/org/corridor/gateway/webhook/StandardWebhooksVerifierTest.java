package org.corridor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.corridor.gateway.webhook.StandardWebhooksVerifier.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The test oracle is checked on its own before anything relies on it: against the test vector published
 * with the Standard Webhooks reference libraries (also recomputed outside Java when it was added here), and
 * against each way a receiver must refuse.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StandardWebhooksVerifierTest {
    static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String VECTOR_MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long VECTOR_TIMESTAMP_SECONDS = 1614265330L;
    static final byte[] VECTOR_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final String TIMESTAMP = Long.toString(VECTOR_TIMESTAMP_SECONDS);
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(VECTOR_TIMESTAMP_SECONDS);
    private final StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(VECTOR_SECRET);

    @Test
    void computesThePublishedSignature() {
        assertThat("v1," + verifier.expectedSignature(VECTOR_MESSAGE_ID, TIMESTAMP, VECTOR_BODY))
                .isEqualTo(VECTOR_SIGNATURE);
        assertThat(verify(VECTOR_SIGNATURE, SIGNED_AT)).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void acceptsTheMatchingEntryAmongOthersOfAnyScheme() {
        String header = "v1a,aGVsbG8= v1,AAAA " + VECTOR_SIGNATURE + " v2,garbage nocomma";
        assertThat(verify(header, SIGNED_AT)).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void acceptsTimestampsUpToFiveMinutesAwayEitherWay() {
        assertThat(verify(VECTOR_SIGNATURE, SIGNED_AT.plusSeconds(300))).isEqualTo(Verdict.VERIFIED);
        assertThat(verify(VECTOR_SIGNATURE, SIGNED_AT.minusSeconds(300))).isEqualTo(Verdict.VERIFIED);
        assertThat(verify(VECTOR_SIGNATURE, SIGNED_AT.plusSeconds(301))).isEqualTo(Verdict.TIMESTAMP_OUT_OF_TOLERANCE);
        assertThat(verify(VECTOR_SIGNATURE, SIGNED_AT.minusSeconds(301)))
                .isEqualTo(Verdict.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void refusesInOrderOfTheChecks() {
        assertThat(verifier.verify(VECTOR_MESSAGE_ID, TIMESTAMP, null, VECTOR_BODY, SIGNED_AT))
                .isEqualTo(Verdict.MISSING_HEADER);
        assertThat(verifier.verify(VECTOR_MESSAGE_ID, "16142653x0", VECTOR_SIGNATURE, VECTOR_BODY, SIGNED_AT))
                .isEqualTo(Verdict.INVALID_TIMESTAMP);
        assertThat(verify("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=", SIGNED_AT))
                .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
        assertThat(verify("v1a," + VECTOR_SIGNATURE.substring(3), SIGNED_AT))
                .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
        assertThat(new StandardWebhooksVerifier("whsec_" + "A".repeat(32))
                        .verify(VECTOR_MESSAGE_ID, TIMESTAMP, VECTOR_SIGNATURE, VECTOR_BODY, SIGNED_AT))
                .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
    }

    private Verdict verify(String header, Instant now) {
        return verifier.verify(VECTOR_MESSAGE_ID, TIMESTAMP, header, VECTOR_BODY, now);
    }
}
