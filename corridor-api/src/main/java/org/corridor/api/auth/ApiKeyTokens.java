package org.corridor.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.corridor.core.Id128;

/**
 * API key secrets: {@code ck_} + the key's 32 hex digits + {@code _} + 43 characters of 256 random bits
 * (base64url). The key id inside lets a request find its key without a scan; only the SHA-256 of the whole
 * token is stored, so the store never holds a usable secret. SHA-256 without a salt or a slow hash is
 * enough here: the secret is 256 random bits, not a password a person chose.
 */
public final class ApiKeyTokens {
    /** A token is exactly this long; anything else is refused before hashing. */
    public static final int TOKEN_CHARS = 3 + 32 + 1 + 43;
    private static final Pattern TOKEN = Pattern.compile("ck_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final int SECRET_BYTES = 32;

    /**
     * A new key's parts.
     *
     * @param keyId {@code key_…}
     * @param token the secret, shown once
     * @param hash SHA-256 of the token
     * @param lastFour the token's last four characters
     */
    public record Issued(String keyId, String token, byte[] hash, String lastFour) {
        @Override
        public String toString() {
            return "Issued[" + keyId + ", …" + lastFour + "]";
        }
    }

    private ApiKeyTokens() {}

    public static Issued issue(SecureRandom random) {
        Id128 number = new Id128(random.nextLong(), random.nextLong());
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String token = "ck_" + number + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new Issued("key_" + number, token, hash(token), token.substring(token.length() - 4));
    }

    /** The key id a well-formed token names; empty for anything else. */
    public static Optional<String> keyIdOf(String token) {
        if (token == null || token.length() != TOKEN_CHARS) return Optional.empty();
        var match = TOKEN.matcher(token);
        return match.matches() ? Optional.of("key_" + match.group(1)) : Optional.empty();
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /** Lower-case hex, for request fingerprints. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
