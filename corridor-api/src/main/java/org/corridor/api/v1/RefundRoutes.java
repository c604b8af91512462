package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.payment.Refund;
import org.corridor.core.port.Page;
import org.corridor.core.state.RecordKind;

/** Refunds of succeeded payment intents: partial or full, never more than was captured. */
final class RefundRoutes implements RouteGroup {
    static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

    record CreateRefund(String paymentIntent, Long amount, String reason, Map<String, String> metadata) {}

    private final V1Services services;
    private final IdempotentPosts posts;

    RefundRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/refunds", PARTICIPANT, this::create);
        routes.get("/refunds", PARTICIPANT, this::list);
        routes.get("/refunds/{id}", PARTICIPANT, this::retrieve);
    }

    private void create(Context ctx) {
        String caller = Caller.of(ctx).participantId();
        String id = services.newId("re_");
        posts.run(ctx, () -> {
            CreateRefund request = Bodies.required(ctx, CreateRefund.class);
            String intentId = Params.id(request.paymentIntent(), "pi_", "payment_intent");
            long amount = Params.amount(request.amount(), "amount", false);
            String reason = request.reason() == null ? "" : request.reason();
            if (!reason.isEmpty() && !REASONS.contains(reason)) {
                throw ApiException.badRequest("parameter_invalid",
                        "reason must be one of duplicate, fraudulent, requested_by_customer.", "reason");
            }
            Map<String, String> metadata = Params.metadata(request.metadata());
            return state -> {
                var outcome = PaymentOperations.refund(state, caller, id, intentId, amount, reason, metadata);
                return switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.REFUND, outcome.value());
                    case PAYMENT_INTENT_NOT_FOUND -> Replies.notFound("payment_intent", intentId, "payment_intent");
                    case PAYMENT_INTENT_UNEXPECTED_STATE -> Replies.conflict("payment_intent_unexpected_state",
                            "Only a succeeded payment intent with an amount left to refund can be refunded.");
                    case AMOUNT_TOO_LARGE -> {
                        PaymentIntent intent = state.find(RecordKind.PAYMENT_INTENT, intentId, PaymentIntent.class)
                                .orElseThrow();
                        yield Replies.invalid("amount_too_large", "amount is more than the " + intent.refundable()
                                + " left to refund on this payment intent.", "amount");
                    }
                };
            };
        });
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of("payment_intent"));
        String intent = ctx.queryParam("payment_intent");
        Page<Refund> found = services.objects().list(RecordKind.REFUND, Caller.of(ctx).participantId(), Refund.class,
                page.limit(), page.startingAfter(), r -> intent == null || r.paymentIntentId().equals(intent));
        ctx.json(ObjectJson.list("/v1/refunds", found.data().stream().map(ObjectJson::refund).toList(), found.hasMore()));
    }

    private void retrieve(Context ctx) {
        String id = Params.pathId(ctx, "id");
        Refund refund = services.objects().find(RecordKind.REFUND, id, Refund.class)
                .filter(r -> r.ownerId().equals(Caller.of(ctx).participantId()))
                .orElseThrow(() -> Params.notFound("refund", id));
        ctx.json(ObjectJson.refund(refund));
    }
}
