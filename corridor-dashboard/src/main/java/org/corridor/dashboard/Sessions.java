package org.corridor.dashboard;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's signed-in browsers: a random 256-bit token per sign-in, kept in memory with its expiry. The token
 * is all the cookie holds; it names nothing and cannot be forged, and a restart signs everyone out.
 */
public final class Sessions {
    /** How long a sign-in lasts. */
    public static final long SESSION_MS = 8 * 60 * 60 * 1_000L;
    /** Sign-ins kept at most; beyond it the expired ones go, then the sign-in is refused. */
    public static final int SESSIONS_MAX = 1_000;

    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random;
    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    public Sessions(SecureRandom random) {
        this.random = random;
    }

    /** A new session's token, valid until {@code nowMillis + SESSION_MS}; empty when too many are open. */
    public Optional<String> open(long nowMillis) {
        if (expiries.size() >= SESSIONS_MAX) dropExpired(nowMillis);
        if (expiries.size() >= SESSIONS_MAX) return Optional.empty();
        byte[] bits = new byte[TOKEN_BYTES];
        random.nextBytes(bits);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        expiries.put(token, Math.addExact(nowMillis, SESSION_MS));
        return Optional.of(token);
    }

    /** Whether {@code token} names an open, unexpired session. */
    public boolean valid(String token, long nowMillis) {
        if (token == null) return false;
        Long expiry = expiries.get(token);
        if (expiry == null) return false;
        if (expiry <= nowMillis) {
            expiries.remove(token);
            return false;
        }
        return true;
    }

    public void close(String token) {
        if (token != null) expiries.remove(token);
    }

    private void dropExpired(long nowMillis) {
        for (Iterator<Long> expiry = expiries.values().iterator(); expiry.hasNext(); ) {
            if (expiry.next() <= nowMillis) expiry.remove();
        }
    }
}
