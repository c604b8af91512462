package org.corridor.api.auth;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import org.corridor.api.Access;
import org.corridor.api.AccessPolicy;
import org.corridor.api.error.ApiException;
import org.corridor.core.participant.ApiKey;
import org.corridor.core.participant.Participant;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.state.RecordKind;

/**
 * The {@link AccessPolicy} of the versioned API: {@code Authorization: Bearer ck_…} names an active key of a
 * participant; the key's rate limit applies; operator routes refuse everyone else with 403.
 */
public final class KeyAuthentication implements AccessPolicy {
    private static final String BEARER = "Bearer ";

    private final ObjectReader objects;
    private final RateLimiter limiter;

    public KeyAuthentication(ObjectReader objects, RateLimiter limiter) {
        this.objects = objects;
        this.limiter = limiter;
    }

    @Override
    public Handler guard(Access access, Handler handler) {
        if (access == Access.PUBLIC) return handler;
        return ctx -> {
            Caller caller = authenticate(ctx);
            Optional<Duration> wait = limiter.acquire(caller.keyId(), System.nanoTime());
            if (wait.isPresent()) {
                throw ApiException.tooManyRequests("rate_limited",
                        "Too many requests with this API key; retry after the time in Retry-After.", wait.get());
            }
            if (access == Access.OPERATOR && !caller.isOperator()) {
                throw ApiException.forbidden("operator_only", "Only the operator may call this route.");
            }
            caller.attachTo(ctx);
            handler.handle(ctx);
        };
    }

    /**
     * The participant an API key secret names, if the key exists and is active: for callers that take a key some
     * other way than in a header (the dashboard's login form).
     */
    public Optional<Caller> callerOf(String token) {
        return keyOf(token).filter(ApiKey::active).flatMap(key -> objects
                .find(RecordKind.PARTICIPANT, key.ownerId(), Participant.class)
                .map(participant -> new Caller(participant.id(), participant.role(), key.id())));
    }

    /** The key whose secret {@code token} is, active or not. */
    private Optional<ApiKey> keyOf(String token) {
        return ApiKeyTokens.keyIdOf(token)
                .flatMap(id -> objects.find(RecordKind.API_KEY, id, ApiKey.class))
                .filter(k -> MessageDigest.isEqual(k.secretHash(), ApiKeyTokens.hash(token)));
    }

    private Caller authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isEmpty()) {
            throw ApiException.unauthorized("api_key_missing",
                    "No API key given: send it as 'Authorization: Bearer ck_…'.");
        }
        if (!header.startsWith(BEARER)) {
            throw ApiException.unauthorized("api_key_invalid", "The Authorization header must be 'Bearer ck_…'.");
        }
        Optional<ApiKey> key = keyOf(header.substring(BEARER.length()));
        if (key.isEmpty()) throw ApiException.unauthorized("api_key_invalid", "The API key is not valid.");
        if (!key.get().active()) throw ApiException.unauthorized("api_key_revoked", "The API key was revoked.");
        Participant participant = objects.find(RecordKind.PARTICIPANT, key.get().ownerId(), Participant.class)
                .orElseThrow(() -> ApiException.unauthorized("api_key_invalid", "The API key is not valid."));
        return new Caller(participant.id(), participant.role(), key.get().id());
    }
}
