package org.corridor.app.bench;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;

/**
 * One payment from a customer's balance, as the API's clients make it: the merchant creates a payment intent
 * with manual capture, the wallet provider confirms it with the customer's balance (a reservation in the
 * ledger), the merchant captures it (the reservation is posted and the fee taken). Each step is durable
 * before its answer comes.
 *
 * <p>A request left without an answer is sent again with the same idempotency key, as a client would, and
 * counted as an error; after {@link #ATTEMPTS_MAX} attempts the payment's outcome is unknown.
 */
final class ApiPayment {
    /** Attempts per request, the first included. */
    static final int ATTEMPTS_MAX = 3;
    /** The pause before sending a request again. */
    static final long RETRY_PAUSE_MS = 100;

    /** What a payment did to the money, as far as its client knows. */
    enum Outcome {
        /** The whole amount moved to the merchant, less the fee. */
        CAPTURED,
        /** The customer's funds are reserved for the merchant, but the capture failed. */
        RESERVED,
        /** No money moved: creating or confirming was refused. */
        NOT_PAID,
        /** A confirmation or capture got no answer: whether money moved is not known. */
        UNKNOWN
    }

    private final ApiParties parties;
    private final ApiErrors errors;
    /** What left the shoppers' balances for captures, and what is still held on them, in their currency. */
    private final LongAdder shopperPaid = new LongAdder();
    private final LongAdder shopperReserved = new LongAdder();

    ApiPayment(ApiParties parties, ApiErrors errors) {
        this.parties = parties;
        this.errors = errors;
    }

    /** The fee Corridor takes on {@code amountMinor}: basis points rounded half up, computed here independently. */
    static long fee(long amountMinor, int basisPoints) {
        return (amountMinor * basisPoints + 5_000) / 10_000;
    }

    Outcome pay(ApiHttp http, String key, String customerId, long amountMinor) {
        ApiReply created;
        try {
            created = send(http, "/v1/payment_intents", parties.merchantKey(), key + "-create",
                    "{\"amount\":" + amountMinor + ",\"currency\":\"USD\",\"capture_method\":\"manual\"}");
        } catch (IOException unanswered) {
            return Outcome.NOT_PAID; // at most an intent waiting for a payment method: no money moved
        }
        if (!answeredOk("create", created)) return Outcome.NOT_PAID;
        JsonNode intent = created.json();
        String intentId = intent.path("id").asString();
        String path = "/v1/payment_intents/" + intentId;
        ApiReply confirmed;
        try {
            confirmed = send(http, path + "/confirm", parties.walletProviderKey(), key + "-confirm",
                    "{\"client_secret\":\"" + intent.path("client_secret").asString() + "\",\"payment_method\":"
                            + "{\"type\":\"customer_balance\",\"customer\":\"" + customerId + "\"}}");
        } catch (IOException unanswered) {
            return Outcome.UNKNOWN;
        }
        if (!answeredOk("confirm", confirmed)) return Outcome.NOT_PAID;
        long held = shopperAmount(confirmed.json(), "sell_amount", amountMinor);
        shopperReserved.add(held);
        ApiReply captured;
        try {
            captured = send(http, path + "/capture", parties.merchantKey(), key + "-capture", "{}");
        } catch (IOException unanswered) {
            return Outcome.UNKNOWN;
        }
        if (!answeredOk("capture", captured)) return Outcome.RESERVED;
        checkCaptured(captured.json(), intentId, amountMinor);
        shopperReserved.add(-held);
        shopperPaid.add(shopperAmount(captured.json(), "sell_amount_received", amountMinor));
        return Outcome.CAPTURED;
    }

    long shopperPaidMinor() {
        return shopperPaid.sum();
    }

    long shopperReservedMinor() {
        return shopperReserved.sum();
    }

    /** What an intent takes from the shopper: its conversion's {@code field}, or {@code amountMinor} if it converts none. */
    private static long shopperAmount(JsonNode intent, String field, long amountMinor) {
        JsonNode conversion = intent.path("conversion");
        return conversion.isObject() ? conversion.path(field).asLong() : amountMinor;
    }

    /** True for a 200 answer; anything else is recorded as an error. */
    private boolean answeredOk(String step, ApiReply reply) {
        if (reply.ok()) return true;
        errors.record(step + " answered " + reply.status() + ": " + reply.quote());
        return false;
    }

    /** A capture's reply must show the whole amount received and the fee the merchant's rate gives. */
    private void checkCaptured(JsonNode intent, String intentId, long amountMinor) {
        long expectedFee = fee(amountMinor, parties.merchantFeeBasisPoints());
        if (!"succeeded".equals(intent.path("status").asString()) || intent.path("amount_received").asLong() != amountMinor
                || intent.path("fee_amount").asLong() != expectedFee) {
            errors.record("capture of " + intentId + " answered 200 but shows status " + intent.path("status").asString()
                    + ", amount_received " + intent.path("amount_received").asLong() + " (expected " + amountMinor
                    + "), fee_amount " + intent.path("fee_amount").asLong() + " (expected " + expectedFee + ")");
        }
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
