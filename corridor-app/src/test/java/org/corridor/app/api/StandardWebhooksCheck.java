package org.corridor.app.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving side of the Standard Webhooks scheme, written here from the specification and sharing no code
 * with Corridor's signer: the key is the base64 after {@code whsec_}; the signed content is
 * {@code id.timestamp.body}; the header holds space-separated {@code v1,<base64 HMAC-SHA256>} entries, any of
 * which may match.
 */
final class StandardWebhooksCheck {
    private StandardWebhooksCheck() {}

    static boolean verifies(String secret, WebhookReceiver.Received delivery) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((delivery.id() + "." + delivery.timestamp() + "." + delivery.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (String entry : delivery.signature().split(" ")) {
                if (!entry.startsWith("v1,")) continue;
                byte[] given = Base64.getDecoder().decode(entry.substring(3));
                if (MessageDigest.isEqual(expected, given)) return true;
            }
            return false;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
