package org.corridor.gateway.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;

/**
 * Signs webhook deliveries with the Standard Webhooks symmetric scheme.
 *
 * <p>A signature is {@code v1,} followed by the standard base64 of
 * {@code HMAC-SHA256(secret, messageId + "." + timestampSeconds + "." + body)}, where the body is the exact
 * bytes sent. The {@code webhook-signature} header carries one such entry per secret, separated by single
 * spaces: while an endpoint's secret is being rotated both the new and the old secret sign, so a receiver
 * that holds either one accepts the delivery.
 *
 * <p>Stateless and safe to call from any thread.
 */
public final class WebhookSigner {

    /** The Standard Webhooks identifier of the HMAC-SHA256 scheme, written before each signature. */
    public static final String SIGNATURE_VERSION = "v1";

    /** The most secrets one delivery is signed with: the current and the previous one, with room to spare. */
    public static final int SECRETS_MAX = 4;

    /** The longest message id accepted; ids are chosen by Corridor and are far shorter. */
    public static final int MESSAGE_ID_CHARS_MAX = 256;

    /** The JCA name of HMAC-SHA256, which every Java platform must provide. */
    static final String MAC_ALGORITHM = "HmacSHA256";

    private static final char FIRST_VISIBLE_ASCII = '!';
    private static final char LAST_VISIBLE_ASCII = '~';

    private WebhookSigner() {}

    /**
     * The {@code webhook-signature} header value: one {@code v1,<base64>} entry per secret, in the order
     * given, separated by single spaces.
     *
     * @param secrets 1 to {@link #SECRETS_MAX} secrets, typically the current one first
     * @param messageId the {@code webhook-id}, the same on every attempt of one message
     * @param timestampSeconds the {@code webhook-timestamp} of this attempt, in seconds since the epoch
     * @param body the exact bytes of the request body
     * @throws IllegalArgumentException if there are no secrets or too many, or the message id or timestamp is
     *     invalid (see {@link #signature})
     */
    public static String signatureHeader(
            List<WebhookSecret> secrets, String messageId, long timestampSeconds, byte[] body) {
        Objects.requireNonNull(secrets, "secrets");
        if (secrets.isEmpty() || secrets.size() > SECRETS_MAX) {
            throw new IllegalArgumentException(
                    "a delivery is signed with 1 to " + SECRETS_MAX + " secrets, not " + secrets.size());
        }
        StringBuilder header = new StringBuilder();
        for (WebhookSecret secret : secrets) {
            if (!header.isEmpty()) {
                header.append(' ');
            }
            header.append(signature(secret, messageId, timestampSeconds, body));
        }
        return header.toString();
    }

    /**
     * One signature, {@code v1,<base64 HMAC-SHA256>}.
     *
     * @throws IllegalArgumentException if the message id is not 1 to {@link #MESSAGE_ID_CHARS_MAX} visible
     *     ASCII characters without a full stop, or the timestamp is negative
     */
    public static String signature(WebhookSecret secret, String messageId, long timestampSeconds, byte[] body) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(body, "body");
        checkMessageId(messageId);
        if (timestampSeconds < 0) {
            throw new IllegalArgumentException("a webhook timestamp is seconds since the epoch, never negative");
        }
        byte[] signedPrefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII);
        Mac mac = newMac(secret);
        mac.update(signedPrefix);
        return SIGNATURE_VERSION + "," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    /**
     * Checks a message id. A full stop is refused because the signed content joins the id, the timestamp and
     * the body with full stops: an id containing one could be split differently by a receiver. Only visible
     * ASCII is allowed because the id travels in an HTTP header.
     */
    static void checkMessageId(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        boolean valid = !messageId.isEmpty() && messageId.length() <= MESSAGE_ID_CHARS_MAX;
        for (int i = 0; valid && i < messageId.length(); i++) {
            char c = messageId.charAt(i);
            valid = c >= FIRST_VISIBLE_ASCII && c <= LAST_VISIBLE_ASCII && c != '.';
        }
        if (!valid) {
            throw new IllegalArgumentException("a webhook message id is 1 to " + MESSAGE_ID_CHARS_MAX
                    + " visible ASCII characters without a full stop");
        }
    }

    private static Mac newMac(WebhookSecret secret) {
        try {
            // A Mac instance is not thread-safe and cheap to create, so each signature gets its own.
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(secret.hmacSha256Key());
            return mac;
        } catch (GeneralSecurityException impossible) {
            // Every Java platform must provide HmacSHA256 and accept any non-empty key for it.
            throw new IllegalStateException("the Java platform refused HmacSHA256", impossible);
        }
    }
}
