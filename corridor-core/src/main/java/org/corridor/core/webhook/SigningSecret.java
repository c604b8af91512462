package org.corridor.core.webhook;

/**
 * One signing secret of an endpoint. During a rotation the previous secret stays valid until
 * {@code expiresAt}, and deliveries are signed with both.
 *
 * @param secret the {@code whsec_…} form
 * @param expiresAt nanoseconds since the epoch; zero for the current secret
 */
public record SigningSecret(String secret, long expiresAt) {
    public boolean validAt(long nowNanos) {
        return expiresAt == 0 || nowNanos < expiresAt;
    }

    @Override
    public String toString() {
        return "SigningSecret[whsec_…(redacted)" + (expiresAt == 0 ? "" : ", expires " + expiresAt) + "]";
    }
}
