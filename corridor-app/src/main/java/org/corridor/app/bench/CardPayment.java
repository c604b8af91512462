package org.corridor.app.bench;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;
import org.corridor.sim.wallet.TokenDomain;
import org.corridor.sim.wallet.TokenPresentment;
import tools.jackson.databind.JsonNode;

/**
 * One card authorization as a merchant's terminal makes it: the merchant creates a payment intent with manual
 * capture, the phone presents its token (the next ATC and a fresh cryptogram over amount, currency, merchant and
 * unpredictable number), and the merchant confirms the intent with that presentment. Corridor checks the
 * cryptogram, detokenizes, asks the issuer over ISO 8583 and, on approval, reserves the amount in the ledger.
 *
 * <p>A request left without an answer is sent again with the same idempotency key (and so the same
 * presentment), as a terminal would, and counted as an error; after {@link #ATTEMPTS_MAX} attempts the
 * authorization's outcome is unknown.
 */
final class CardPayment {
    /** Attempts per request, the first included. */
    static final int ATTEMPTS_MAX = 3;
    /** The pause before sending a request again. */
    static final long RETRY_PAUSE_MS = 100;
    /** The terminal a tap is made at; in an app there is none. */
    static final String TERMINAL_ID = "BENCH001";
    private static final int HTTP_PAYMENT_REQUIRED = 402;

    /** What one authorization came to, with the time each request took. */
    record Outcome(Kind kind, String declineCode, long createNanos, long confirmNanos) {}

    enum Kind {
        /** 200: the issuer approved and the amount is reserved. */
        APPROVED,
        /** 402: declined, by Corridor's checks or by the issuer; nothing is reserved. */
        DECLINED,
        /** The intent was not created: no authorization was attempted. */
        NOT_ATTEMPTED,
        /** The confirmation got no answer or an unexpected one: whether funds are held is not known. */
        UNKNOWN
    }

    private final CardParties parties;
    private final ApiErrors errors;

    CardPayment(CardParties parties, ApiErrors errors) {
        this.parties = parties;
        this.errors = errors;
    }

    Outcome authorize(ApiHttp http, String key, CardParties.EnrolledCard card, long amountMinor) {
        CardParties.Merchant merchant = parties.merchantFor(card);
        long started = System.nanoTime();
        ApiReply created;
        try {
            created = send(http, "/v1/payment_intents", merchant.key(), key + "-create", "{\"amount\":" + amountMinor
                    + ",\"currency\":\"" + card.currency() + "\",\"capture_method\":\"manual\"}");
        } catch (IOException unanswered) {
            return new Outcome(Kind.NOT_ATTEMPTED, "", System.nanoTime() - started, 0);
        }
        long createdAt = System.nanoTime();
        if (!created.ok()) {
            errors.record("create answered " + created.status() + ": " + created.quote());
            return new Outcome(Kind.NOT_ATTEMPTED, "", createdAt - started, 0);
        }
        String intentId = created.json().path("id").asString();
        TokenPresentment presented = card.phone().present(card.tokenId(), amountMinor, card.card().bank().currency(),
                merchant.id(), card.domain() == TokenDomain.CONTACTLESS ? TERMINAL_ID : null);
        ApiReply confirmed;
        try {
            confirmed = send(http, "/v1/payment_intents/" + intentId + "/confirm", merchant.key(), key + "-confirm",
                    "{\"payment_method\":" + presented.paymentMethodJson() + "}");
        } catch (IOException unanswered) {
            return new Outcome(Kind.UNKNOWN, "", createdAt - started, System.nanoTime() - createdAt);
        }
        long confirmNanos = System.nanoTime() - createdAt;
        return new Outcome(judge(confirmed, intentId), declineCode(confirmed), createdAt - started, confirmNanos);
    }

    /** 200 with the intent awaiting capture is an approval, 402 a decline; anything else is an error. */
    private Kind judge(ApiReply confirmed, String intentId) {
        if (confirmed.status() == HTTP_PAYMENT_REQUIRED) return Kind.DECLINED;
        if (confirmed.ok() && "requires_capture".equals(confirmed.json().path("status").asString())) {
            return Kind.APPROVED;
        }
        errors.record("confirm of " + intentId + " answered " + confirmed.status() + ": " + confirmed.quote());
        return Kind.UNKNOWN;
    }

    /** A decline's {@code error.code}, with the issuer's response code when there is one ("do_not_honor/05"). */
    static String declineCode(ApiReply reply) {
        if (reply.status() != HTTP_PAYMENT_REQUIRED) return "";
        JsonNode error = reply.json().path("error");
        String code = error.path("code").asString("unknown");
        String issuerCode = error.path("decline_code").asString("");
        return issuerCode.isEmpty() ? code : code + "/" + issuerCode;
    }

    /** Sends a POST, again with the same idempotency key while no answer comes; throws after the last attempt. */
    private ApiReply send(ApiHttp http, String path, String bearer, String idempotencyKey, String json)
            throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return http.post(path, bearer, idempotencyKey, json);
            } catch (IOException unanswered) {
                http.reset();
                errors.record("POST " + path + " got no answer (attempt " + attempt + " of " + ATTEMPTS_MAX + "): "
                        + unanswered);
                if (attempt == ATTEMPTS_MAX) throw unanswered;
                LockSupport.parkNanos(RETRY_PAUSE_MS * 1_000_000);
            }
        }
    }
}
