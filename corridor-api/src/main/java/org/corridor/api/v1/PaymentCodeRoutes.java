package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.Map;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.wallet.PaymentCode;
import org.corridor.core.wallet.PaymentCodes;

/**
 * Customer-presented payment codes: a wallet provider issues a short-lived, single-use code for its customer (the
 * number the phone shows), and a merchant charges it. The code's number is in the issuing reply only; a replay of
 * that reply, like every other view, shows its last four digits.
 */
final class PaymentCodeRoutes implements RouteGroup {
    /** Digits of a code: 18, as the payment codes of account wallets have. */
    static final int CODE_DIGITS = 18;
    /** What every code starts with, so a scanner tells it from a card number. */
    static final String CODE_PREFIX = "28";

    record Charge(String code, Long amount, String currency) {
        /** The code is a bearer secret while it lives: never printed. */
        @Override
        public String toString() {
            return "Charge[" + amount + " " + currency + "]";
        }
    }

    private final V1Services services;
    private final IdempotentPosts posts;

    PaymentCodeRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/customers/{id}/payment_codes", PARTICIPANT, this::issue);
        routes.post("/payment_codes/charge", PARTICIPANT, this::charge);
    }

    private void issue(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String customerId = Params.pathId(ctx, "id");
        String id = services.newId("pcd_");
        String code = newCode();
        Reply reply = posts.run(ctx, () -> state -> {
            var issued = PaymentCodes.issue(state, owner, id, customerId, code);
            return switch (issued.result()) {
                case OK -> Replies.ok(RecordKind.PAYMENT_CODE, issued.value());
                case CUSTOMER_NOT_FOUND -> Replies.notFound("customer", customerId, "id");
                case CODE_TAKEN -> Replies.conflict("payment_code_collision",
                        "The drawn code is in use; retry with a new Idempotency-Key.");
            };
        });
        if (reply.body() instanceof PaymentCode issued && issued.id().equals(id)) {
            Map<String, Object> json = ObjectJson.paymentCode(issued);
            json.put("code", issued.code());
            ctx.json(json);
        }
    }

    private void charge(Context ctx) {
        String merchant = Caller.of(ctx).participantId();
        String intentId = services.newId("pi_");
        String clientSecret = intentId + "_secret_" + services.newSecret();
        posts.run(ctx, () -> {
            Charge request = Bodies.required(ctx, Charge.class);
            String code = request.code();
            if (code == null) throw Params.missing("code");
            if (code.length() != CODE_DIGITS || code.chars().anyMatch(c -> c < '0' || c > '9')) {
                throw ApiException.badRequest("parameter_invalid", "code must be " + CODE_DIGITS + " digits.", "code");
            }
            long amount = Params.amount(request.amount(), "amount", true);
            String currency = Params.currency(request.currency(), "currency");
            return state -> {
                var charged = PaymentCodes.charge(state, merchant, code, amount, currency, intentId, clientSecret);
                return switch (charged.result()) {
                    case OK -> Replies.ok(RecordKind.PAYMENT_INTENT, charged.value());
                    case NOT_A_MERCHANT -> Reply.error(new StoredError(403, "invalid_request_error", "role_not_allowed",
                            "Only merchants and marketplaces charge payment codes.", ""));
                    case CODE_NOT_FOUND -> Reply.error(new StoredError(404, "invalid_request_error", "resource_missing",
                            "No such payment code.", "code"));
                    case CODE_USED -> Replies.conflict("payment_code_used", "This payment code was used already.");
                    case CODE_EXPIRED -> Replies.conflict("payment_code_expired",
                            "This payment code expired; the shopper's wallet shows a new one.");
                    case CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                            "The merchant or the shopper has no balance in " + currency + ".", "currency");
                    case DECLINED -> Reply.of(402, RecordKind.PAYMENT_INTENT, charged.value());
                };
            };
        });
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(CODE_PREFIX);
        while (code.length() < CODE_DIGITS) code.append((char) ('0' + services.random().nextInt(10)));
        return code.toString();
    }
}
