package org.corridor.api.v1;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.api.error.ErrorStatus;
import org.corridor.api.error.ErrorType;
import org.corridor.core.state.IdempotencyKey;
import org.corridor.core.state.IdempotencyOperations;
import org.corridor.core.state.IdempotencyRecord;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.state.SwitchState;

/**
 * Runs every POST at most once per {@code Idempotency-Key}.
 *
 * <p>The key is scoped to the caller. Its first reply (errors included, once the request was understood
 * well enough to run or to be refused) is kept by the writer in the same batch as the request's effect, so
 * it is durable exactly when the effect is. A retry with the same request gets the kept reply, rendered
 * from the kept object to the same bytes, with {@code Idempotent-Replayed: true}; the same key with another
 * request gets 422; a retry while the first is still running gets 409. Authentication and rate-limit
 * refusals are not kept: the request never ran.
 */
final class IdempotentPosts {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** Builds a request's command on the request thread; throws {@link ApiException} for a request it refuses. */
    @FunctionalInterface
    interface CommandBuilder {
        Function<SwitchState, Reply> build();
    }

    private final V1Services services;
    /** Keys whose first request is running on this server right now. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    IdempotentPosts(V1Services services) {
        this.services = services;
    }

    /** Runs the request and writes its reply; the reply is also returned, for handlers that add to it. */
    Reply run(Context ctx, CommandBuilder builder) {
        return run(ctx, IdempotentPosts::sha256, builder);
    }

    /**
     * The same, with the request's fingerprint made by {@code digest} over method, path and body: a keyed digest for a
     * request that carries a secret (a card number), since the fingerprint is kept.
     */
    Reply run(Context ctx, Function<byte[], String> digest, CommandBuilder builder) {
        Caller caller = Caller.of(ctx);
        String key = ctx.header(HEADER);
        if (key == null) {
            Reply reply = services.commands().execute(builder.build());
            Replies.write(ctx, reply);
            return reply;
        }
        checkKey(key);
        IdempotencyKey idempotency = new IdempotencyKey(caller.participantId(), key, digest.apply(request(ctx)));
        if (!inFlight.add(idempotency.id())) {
            throw ApiException.conflict(ErrorType.IDEMPOTENCY_ERROR, "idempotency_key_in_use",
                    "A request with this Idempotency-Key is still being processed; retry after it finishes.");
        }
        try {
            Outcome outcome = services.objects()
                    .find(RecordKind.IDEMPOTENCY, idempotency.id(), IdempotencyRecord.class)
                    .map(found -> new Outcome(found, true))
                    .orElseGet(() -> execute(idempotency, builder));
            if (!outcome.kept().fingerprint().equals(idempotency.fingerprint())) {
                throw ApiException.of(ErrorStatus.UNPROCESSABLE_CONTENT, ErrorType.IDEMPOTENCY_ERROR,
                        "idempotency_key_reused", "This Idempotency-Key was used with a different request (method,"
                                + " path or body); use a new key for a new request.", null);
            }
            if (outcome.replayed()) ctx.header(REPLAYED_HEADER, "true");
            Replies.write(ctx, outcome.kept().reply());
            return outcome.kept().reply();
        } finally {
            inFlight.remove(idempotency.id());
        }
    }

    private record Outcome(IdempotencyRecord kept, boolean replayed) {}

    private Outcome execute(IdempotencyKey idempotency, CommandBuilder builder) {
        Function<SwitchState, Reply> command = command(builder);
        return services.commands().execute(state -> {
            boolean existed = state.find(RecordKind.IDEMPOTENCY, idempotency.id(), IdempotencyRecord.class).isPresent();
            return new Outcome(IdempotencyOperations.once(state, idempotency, command), existed);
        });
    }

    /** The request's command; a request refused while building is kept as its error reply. */
    private static Function<SwitchState, Reply> command(CommandBuilder builder) {
        try {
            return builder.build();
        } catch (ApiException refused) {
            StoredError error = new StoredError(refused.status().code(), refused.type().wireName(), refused.code(),
                    refused.getMessage(), refused.param().orElse(""));
            return state -> Reply.error(error);
        }
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > IdempotencyKey.KEY_CHARS_MAX
                || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ApiException.badRequest("idempotency_key_invalid", "Idempotency-Key must be 1 to "
                    + IdempotencyKey.KEY_CHARS_MAX + " visible ASCII characters.", HEADER);
        }
    }

    /** The method, the path and the body: what makes two requests "the same request". */
    private static byte[] request(Context ctx) {
        byte[] head = (ctx.method().name() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = ctx.bodyAsBytes();
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }

    private static String sha256(byte[] request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }
}
