package org.corridor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.gateway.webhook.StandardWebhooksVerifierTest.VECTOR_BODY;
import static org.corridor.gateway.webhook.StandardWebhooksVerifierTest.VECTOR_MESSAGE_ID;
import static org.corridor.gateway.webhook.StandardWebhooksVerifierTest.VECTOR_SECRET;
import static org.corridor.gateway.webhook.StandardWebhooksVerifierTest.VECTOR_SIGNATURE;
import static org.corridor.gateway.webhook.StandardWebhooksVerifierTest.VECTOR_TIMESTAMP_SECONDS;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.gateway.webhook.StandardWebhooksVerifier.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WebhookSignerTest {
    private static final String MESSAGE_ID = "msg_0123456789abcdeffedcba9876543210";
    private static final long TIMESTAMP_SECONDS = 1_767_225_600L;
    private static final Instant NOW = Instant.ofEpochSecond(TIMESTAMP_SECONDS);
    private static final byte[] BODY =
            "{\"type\":\"transfer.posted\",\"data\":{\"amountMinor\":12345,\"note\":\"café \\u2603\"}}\n"
                    .getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final WebhookSecret newSecret = WebhookSecret.generate(random);
    private final WebhookSecret oldSecret = WebhookSecret.generate(random);

    @Test
    void reproducesThePublishedTestVector() {
        WebhookSecret secret = WebhookSecret.parse(VECTOR_SECRET);

        assertThat(WebhookSigner.signature(secret, VECTOR_MESSAGE_ID, VECTOR_TIMESTAMP_SECONDS, VECTOR_BODY))
                .isEqualTo(VECTOR_SIGNATURE);
        assertThat(WebhookSigner.signatureHeader(
                        List.of(secret), VECTOR_MESSAGE_ID, VECTOR_TIMESTAMP_SECONDS, VECTOR_BODY))
                .isEqualTo(VECTOR_SIGNATURE);
    }

    @Test
    void writesOneEntryPerSecretInOrderSeparatedBySingleSpaces() {
        String header = rotationHeader();

        assertThat(header.split(" ", -1))
                .containsExactly(
                        "v1," + verifierOf(newSecret).expectedSignature(MESSAGE_ID, "1767225600", BODY),
                        "v1," + verifierOf(oldSecret).expectedSignature(MESSAGE_ID, "1767225600", BODY));
    }

    @Test
    void duringRotationAReceiverHoldingEitherSecretAcceptsAndOneHoldingNeitherRefuses() {
        String header = rotationHeader();

        assertThat(verify(newSecret, header, BODY)).isEqualTo(Verdict.VERIFIED);
        assertThat(verify(oldSecret, header, BODY)).isEqualTo(Verdict.VERIFIED);
        assertThat(verify(WebhookSecret.generate(random), header, BODY)).isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
    }

    @Test
    void anyTamperingIsRefusedByEitherSecret() {
        String header = rotationHeader();
        byte[] tamperedBody = BODY.clone();
        tamperedBody[tamperedBody.length - 2] ^= 1;
        String laterTimestamp = Long.toString(TIMESTAMP_SECONDS + 1);

        for (WebhookSecret secret : List.of(newSecret, oldSecret)) {
            StandardWebhooksVerifier verifier = verifierOf(secret);
            assertThat(verifier.verify(MESSAGE_ID, "1767225600", header, tamperedBody, NOW))
                    .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
            assertThat(verifier.verify(MESSAGE_ID, "1767225600", header, new byte[0], NOW))
                    .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
            assertThat(verifier.verify(MESSAGE_ID, laterTimestamp, header, BODY, NOW))
                    .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
            assertThat(verifier.verify(MESSAGE_ID + "x", "1767225600", header, BODY, NOW))
                    .isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
        }
    }

    @Test
    void signsAnEmptyBody() {
        String header = WebhookSigner.signatureHeader(List.of(newSecret), MESSAGE_ID, TIMESTAMP_SECONDS, new byte[0]);

        assertThat(verifierOf(newSecret).verify(MESSAGE_ID, "1767225600", header, new byte[0], NOW))
                .isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void refusesNoSecretsOrTooMany() {
        List<WebhookSecret> tooMany = Collections.nCopies(WebhookSigner.SECRETS_MAX + 1, newSecret);

        assertThatThrownBy(() -> WebhookSigner.signatureHeader(List.of(), MESSAGE_ID, TIMESTAMP_SECONDS, BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a delivery is signed with 1 to 4 secrets, not 0");
        assertThatThrownBy(() -> WebhookSigner.signatureHeader(tooMany, MESSAGE_ID, TIMESTAMP_SECONDS, BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a delivery is signed with 1 to 4 secrets, not 5");
        assertThat(WebhookSigner.signatureHeader(tooMany.subList(0, WebhookSigner.SECRETS_MAX), MESSAGE_ID,
                        TIMESTAMP_SECONDS, BODY).split(" "))
                .hasSize(WebhookSigner.SECRETS_MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "msg.1", "msg 1", "msg\t1", "msg_é", "msg\n"})
    void refusesMessageIdsThatCouldBeReadAnotherWay(String messageId) {
        assertThatThrownBy(() -> WebhookSigner.signature(newSecret, messageId, TIMESTAMP_SECONDS, BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook message id is 1 to 256 visible ASCII characters without a full stop");
    }

    @Test
    void acceptsMessageIdsUpToTheLimit() {
        String longest = "m".repeat(WebhookSigner.MESSAGE_ID_CHARS_MAX);

        assertThat(WebhookSigner.signature(newSecret, longest, TIMESTAMP_SECONDS, BODY)).startsWith("v1,");
        assertThatThrownBy(() -> WebhookSigner.signature(newSecret, longest + "m", TIMESTAMP_SECONDS, BODY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANegativeTimestamp() {
        assertThatThrownBy(() -> WebhookSigner.signature(newSecret, MESSAGE_ID, -1, BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook timestamp is seconds since the epoch, never negative");
    }

    private String rotationHeader() {
        return WebhookSigner.signatureHeader(List.of(newSecret, oldSecret), MESSAGE_ID, TIMESTAMP_SECONDS, BODY);
    }

    private static Verdict verify(WebhookSecret secret, String header, byte[] body) {
        return verifierOf(secret).verify(MESSAGE_ID, Long.toString(TIMESTAMP_SECONDS), header, body, NOW);
    }

    private static StandardWebhooksVerifier verifierOf(WebhookSecret secret) {
        return new StandardWebhooksVerifier(secret.revealEncoded());
    }
}
