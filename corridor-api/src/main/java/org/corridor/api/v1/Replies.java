package org.corridor.api.v1;

import io.javalin.http.Context;
import java.util.Map;
import org.corridor.core.kyc.LimitResult;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.webhook.WebhookEndpoint;

/** Writes a {@link Reply}: the same reply always makes the same status and the same bytes. */
final class Replies {
    private Replies() {}

    static void write(Context ctx, Reply reply) {
        ctx.status(reply.status()).json(body(reply));
    }

    static Map<String, Object> body(Reply reply) {
        if (reply.body() instanceof PaymentIntent intent && reply.status() == 402) {
            // A decline shows the error and the intent as it now stands, as Stripe's card errors do.
            Map<String, Object> detail = ObjectJson.ordered("type", "payment_error");
            detail.putAll(ObjectJson.paymentError(intent.lastPaymentError()));
            detail.put("payment_intent", ObjectJson.paymentIntent(intent));
            return ObjectJson.ordered("error", detail);
        }
        if (reply.body() instanceof WebhookEndpoint endpoint) {
            // Replies to creating or rotating an endpoint are the only places its secret is shown.
            return ObjectJson.webhookEndpoint(endpoint, true);
        }
        return ObjectJson.of(reply.bodyKind(), reply.body());
    }

    static Reply ok(org.corridor.core.state.RecordKind kind, Object body) {
        return Reply.of(200, kind, body);
    }

    static Reply notFound(String what, String id, String param) {
        return Reply.error(new StoredError(404, "invalid_request_error", "resource_missing",
                "No such " + what + ": '" + id + "'.", param));
    }

    /** The customer holds no balance in {@code currency}. */
    static Reply noBalanceIn(String currency, String param) {
        return invalid("currency_not_supported", "The customer holds no balance in " + currency + ".", param);
    }

    static Reply conflict(String code, String message) {
        return Reply.error(new StoredError(409, "invalid_request_error", code, message, ""));
    }

    /** A debit the customer's KYC tier refused: a 402 like insufficient funds, with the limit's code. */
    static Reply limitExceeded(LimitResult limit) {
        String param = limit == LimitResult.CURRENCY_NOT_ALLOWED_BY_TIER ? "currency" : "amount";
        return Reply.error(new StoredError(402, "payment_error", limit.code(), limit.message(), param));
    }

    static Reply invalid(String code, String message, String param) {
        return Reply.error(new StoredError(400, "invalid_request_error", code, message, param));
    }
}
