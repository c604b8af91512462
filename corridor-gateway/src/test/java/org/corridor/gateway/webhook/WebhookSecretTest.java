package org.corridor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WebhookSecretTest {
    private static final int GENERATED_SECRETS = 100;

    /** A recognisable secret: if these characters show up anywhere they should not, the test says so. */
    private static final String CANARY_BASE64 = Base64.getEncoder().encodeToString(new byte[] {
        'C', 'A', 'N', 'A', 'R', 'Y', '-', 'S', 'E', 'C', 'R', 'E', 'T', '-', 'C', 'A', 'N', 'A', 'R', 'Y', '-', '0',
        '0', '1'
    });

    @Test
    void parsesWhatItRenders() {
        WebhookSecret secret = WebhookSecret.parse("whsec_" + CANARY_BASE64);

        assertThat(secret.revealEncoded()).isEqualTo("whsec_" + CANARY_BASE64);
        assertThat(secret.byteCount()).isEqualTo(24);
        assertThat(WebhookSecret.parse(secret.revealEncoded()).revealEncoded()).isEqualTo(secret.revealEncoded());
    }

    @Test
    void parsesThePublishedSecretOfTwentyFourBytes() {
        assertThat(WebhookSecret.parse(StandardWebhooksVerifierTest.VECTOR_SECRET).byteCount()).isEqualTo(24);
    }

    @Test
    void generatesThirtyTwoFreshBytesEachTime() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < GENERATED_SECRETS; i++) {
            WebhookSecret secret = WebhookSecret.generate(random);
            assertThat(secret.byteCount()).isEqualTo(WebhookSecret.GENERATED_SECRET_BYTES).isEqualTo(32);
            assertThat(secret.revealEncoded()).startsWith("whsec_").hasSize(6 + 44);
            assertThat(seen.add(secret.revealEncoded())).isTrue();
        }
    }

    @Test
    void copiesTheBytesItIsGiven() {
        byte[] bytes = new byte[32];
        WebhookSecret secret = WebhookSecret.fromBytes(bytes);
        bytes[0] = 1;

        assertThat(secret.revealEncoded()).isEqualTo("whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
    }

    @Test
    void acceptsTwentyFourToSixtyFourBytes() {
        assertThat(WebhookSecret.parse(encodedOfLength(24)).byteCount()).isEqualTo(24);
        assertThat(WebhookSecret.parse(encodedOfLength(64)).byteCount()).isEqualTo(64);
        assertThat(encodedOfLength(64)).hasSize(WebhookSecret.SECRET_TEXT_CHARS_MAX);
        assertThat(WebhookSecret.fromBytes(new byte[64]).byteCount()).isEqualTo(64);
    }

    @Test
    void refusesTooFewOrTooManyBytes() {
        assertThatThrownBy(() -> WebhookSecret.parse(encodedOfLength(23)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret is 24 to 64 bytes, not 23");
        assertThatThrownBy(() -> WebhookSecret.parse(encodedOfLength(65)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret is 24 to 64 bytes, not 65");
        assertThatThrownBy(() -> WebhookSecret.fromBytes(new byte[65]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret is 24 to 64 bytes, not 65");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret is 24 to 64 bytes, not 0");
    }

    @Test
    void refusesTextTooLongBeforeDecodingIt() {
        assertThatThrownBy(() -> WebhookSecret.parse(encodedOfLength(67)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret is at most 94 characters, not 98");
        assertThatThrownBy(() -> WebhookSecret.parse("whsec_" + "A".repeat(1_000_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a webhook secret is at most 94 characters");
    }

    @Test
    void refusesAMissingPrefixOrBadBase64WithoutQuotingTheText() {
        assertThatThrownBy(() -> WebhookSecret.parse(CANARY_BASE64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret starts with whsec_");
        assertThatThrownBy(() -> WebhookSecret.parse("WHSEC_" + CANARY_BASE64))
                .hasMessage("a webhook secret starts with whsec_");
        String badBase64 = "whsec_" + CANARY_BASE64.substring(0, 10) + "!" + CANARY_BASE64.substring(11);
        assertThatThrownBy(() -> WebhookSecret.parse(badBase64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook secret is whsec_ followed by standard base64")
                .hasNoCause();
    }

    @Test
    void neverShowsTheSecretInItsStringForm() {
        WebhookSecret secret = WebhookSecret.parse("whsec_" + CANARY_BASE64);

        assertThat(secret.toString()).isEqualTo("whsec_…(redacted)");
        assertThat(String.valueOf(secret)).doesNotContain(CANARY_BASE64.substring(0, 8));
        assertThat(WebhookSecret.generate(new SecureRandom()).toString()).isEqualTo("whsec_…(redacted)");
    }

    private static String encodedOfLength(int bytes) {
        byte[] key = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            key[i] = (byte) (i * 7 + 3);
        }
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
