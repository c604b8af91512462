package org.corridor.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of the Standard Webhooks symmetric scheme, written from the specification and sharing
 * no code with the production classes: it decodes the {@code whsec_} text itself, computes its own HMAC,
 * parses the space-separated signature list and compares in constant time. Tests use it as the oracle for
 * what {@link WebhookSigner} and {@link WebhookSender} produce.
 */
final class StandardWebhooksVerifier {

    /** How far the timestamp may be from the receiver's clock, either way, as the reference libraries allow. */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    /** Why a delivery was accepted or refused, in the order the checks run. */
    enum Verdict {
        MISSING_HEADER,
        INVALID_TIMESTAMP,
        TIMESTAMP_OUT_OF_TOLERANCE,
        NO_MATCHING_SIGNATURE,
        VERIFIED
    }

    private static final String SECRET_PREFIX = "whsec_";

    private final byte[] key;

    /** @param secretText the secret as a merchant would paste it, {@code whsec_<base64>} */
    StandardWebhooksVerifier(String secretText) {
        if (!secretText.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        this.key = Base64.getDecoder().decode(secretText.substring(SECRET_PREFIX.length()));
    }

    Verdict verify(String messageId, String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (messageId == null || timestamp == null || signatureHeader == null) {
            return Verdict.MISSING_HEADER;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException notNumber) {
            return Verdict.INVALID_TIMESTAMP;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TIMESTAMP_TOLERANCE.toSeconds()) {
            return Verdict.TIMESTAMP_OUT_OF_TOLERANCE;
        }
        byte[] expected = hmacSha256(key, signedContent(messageId, timestamp, body));
        boolean matched = false;
        for (String entry : signatureHeader.split(" ")) {
            // Keep comparing after a match, so the time taken does not depend on which entry matched.
            matched |= matches(entry, expected);
        }
        return matched ? Verdict.VERIFIED : Verdict.NO_MATCHING_SIGNATURE;
    }

    /** The base64 signature this verifier expects, without the version prefix. */
    String expectedSignature(String messageId, String timestamp, byte[] body) {
        return Base64.getEncoder().encodeToString(hmacSha256(key, signedContent(messageId, timestamp, body)));
    }

    private static boolean matches(String entry, byte[] expected) {
        int comma = entry.indexOf(',');
        if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
            return false; // Another scheme (such as v1a) or garbage: not ours to check.
        }
        byte[] candidate;
        try {
            candidate = Base64.getDecoder().decode(entry.substring(comma + 1));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(candidate, expected);
    }

    private static byte[] signedContent(String messageId, String timestamp, byte[] body) {
        byte[] head = (messageId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[head.length + body.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(body, 0, content, head.length, body.length);
        return content;
    }

    private static byte[] hmacSha256(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
