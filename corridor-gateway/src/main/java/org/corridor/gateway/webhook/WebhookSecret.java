package org.corridor.gateway.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * The symmetric key an endpoint shares with Corridor to check webhook signatures, in the Standard Webhooks
 * form {@code whsec_} followed by the standard base64 of 24 to 64 random bytes.
 *
 * <p>The clear value leaves this class only through {@link #revealEncoded()}, whose name makes every call
 * that shows the secret (to the merchant, once, or to the vault) easy to find. {@link #toString()} is
 * redacted, and no exception message quotes the secret, so logging a secret or a parse failure cannot leak
 * it. Equality is identity on purpose: a secret is not a value to put in sets or compare casually.
 */
public final class WebhookSecret {

    /** The prefix that marks a Standard Webhooks symmetric secret. */
    public static final String PREFIX = "whsec_";

    /** The fewest key bytes the Standard Webhooks specification allows (192 bits). */
    public static final int SECRET_BYTES_MIN = 24;

    /** The most key bytes the Standard Webhooks specification allows (512 bits). */
    public static final int SECRET_BYTES_MAX = 64;

    /** How many random bytes {@link #generate(SecureRandom)} draws: 256 bits, the size of the HMAC-SHA256 output. */
    public static final int GENERATED_SECRET_BYTES = 32;

    /** The longest text {@link #parse(String)} reads: the prefix and the padded base64 of the largest key. */
    public static final int SECRET_TEXT_CHARS_MAX = PREFIX.length() + 4 * ((SECRET_BYTES_MAX + 2) / 3);

    private static final String REDACTED = PREFIX + "…(redacted)";

    private final byte[] bytes;

    private WebhookSecret(byte[] bytes) {
        if (bytes.length < SECRET_BYTES_MIN || bytes.length > SECRET_BYTES_MAX) {
            throw new IllegalArgumentException("a webhook secret is " + SECRET_BYTES_MIN + " to " + SECRET_BYTES_MAX
                    + " bytes, not " + bytes.length);
        }
        this.bytes = bytes;
    }

    /**
     * Reads a secret in the {@code whsec_<base64>} form.
     *
     * @throws IllegalArgumentException if the text is longer than {@link #SECRET_TEXT_CHARS_MAX}, lacks the
     *     prefix, is not standard base64, or decodes to fewer than {@link #SECRET_BYTES_MIN} or more than
     *     {@link #SECRET_BYTES_MAX} bytes; the message never quotes the text
     */
    public static WebhookSecret parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.length() > SECRET_TEXT_CHARS_MAX) {
            throw new IllegalArgumentException(
                    "a webhook secret is at most " + SECRET_TEXT_CHARS_MAX + " characters, not " + text.length());
        }
        if (!text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret starts with " + PREFIX);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException notBase64) {
            // The decoder's message can quote the offending character; ours stays generic.
            throw new IllegalArgumentException("a webhook secret is " + PREFIX + " followed by standard base64");
        }
        return new WebhookSecret(decoded);
    }

    /**
     * Wraps raw key bytes, for example as the vault stores them. The array is copied.
     *
     * @throws IllegalArgumentException if there are fewer than {@link #SECRET_BYTES_MIN} or more than
     *     {@link #SECRET_BYTES_MAX} bytes
     */
    public static WebhookSecret fromBytes(byte[] bytes) {
        return new WebhookSecret(bytes.clone());
    }

    /** Draws a new secret of {@link #GENERATED_SECRET_BYTES} bytes from {@code random}. */
    public static WebhookSecret generate(SecureRandom random) {
        byte[] bytes = new byte[GENERATED_SECRET_BYTES];
        random.nextBytes(bytes);
        return new WebhookSecret(bytes);
    }

    /** The clear secret in the {@code whsec_<base64>} form that {@link #parse(String)} reads. */
    public String revealEncoded() {
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** The number of key bytes, which is not secret. */
    public int byteCount() {
        return bytes.length;
    }

    /** The key for {@code javax.crypto.Mac}; the spec copies the bytes, so the caller cannot change ours. */
    SecretKeySpec hmacSha256Key() {
        return new SecretKeySpec(bytes, WebhookSigner.MAC_ALGORITHM);
    }

    /** Always {@code whsec_…(redacted)}: the secret never reaches a log line through here. */
    @Override
    public String toString() {
        return REDACTED;
    }
}
