package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.Set;
import java.util.function.Function;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.escrow.Escrow;
import org.corridor.core.escrow.Escrows;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.port.Page;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.state.SwitchState;

/**
 * Escrow of marketplace orders. A marketplace opens one by creating a payment intent with an {@code escrow} object;
 * the buyer's wallet provider (the wallet of the customer who paid, or the token requestor of the card) confirms
 * delivery, all at once or shipment by shipment, or disputes before the release deadline; the marketplace may release
 * too. The escrow of intent {@code pi_X} is {@code esc_X}. Each of the three parties, and no one else, sees it.
 */
final class EscrowRoutes implements RouteGroup {
    record EscrowParam(String seller, Long releaseAfterSeconds) {}

    record Release(Long amount) {}

    private final V1Services services;
    private final IdempotentPosts posts;

    EscrowRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.get("/escrows", PARTICIPANT, this::list);
        routes.get("/escrows/{id}", PARTICIPANT, this::retrieve);
        routes.post("/escrows/{id}/confirm_delivery", PARTICIPANT, this::confirmDelivery);
        routes.post("/escrows/{id}/release", PARTICIPANT, this::release);
        routes.post("/escrows/{id}/dispute", PARTICIPANT, this::dispute);
    }

    /** The escrow terms of a new intent {@code intentId}, checked; null when it asks for none. */
    static Escrows.Terms terms(EscrowParam param, String intentId) {
        if (param == null) return null;
        String seller = Params.id(param.seller(), "acct_", "escrow[seller]");
        long after = param.releaseAfterSeconds() == null ? Escrows.RELEASE_AFTER_SECONDS_DEFAULT
                : param.releaseAfterSeconds();
        if (after < Escrows.RELEASE_AFTER_SECONDS_MIN || after > Escrows.RELEASE_AFTER_SECONDS_MAX) {
            throw ApiException.badRequest("parameter_invalid", "escrow[release_after_seconds] must be from "
                    + Escrows.RELEASE_AFTER_SECONDS_MIN + " to " + Escrows.RELEASE_AFTER_SECONDS_MAX + ".",
                    "escrow[release_after_seconds]");
        }
        return new Escrows.Terms("esc_" + intentId.substring("pi_".length()), seller, after);
    }

    /** Creates a marketplace's intent with its escrow, and answers as creating the intent does. */
    static Reply create(SwitchState state, PaymentIntent spec, Escrows.Terms terms) {
        var created = Escrows.create(state, spec, terms);
        return switch (created.result()) {
            case OK -> Replies.ok(RecordKind.PAYMENT_INTENT, created.value());
            case NOT_A_MARKETPLACE -> Reply.error(new StoredError(403, "invalid_request_error", "role_not_allowed",
                    "Only marketplaces hold payments in escrow.", "escrow"));
            case CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                    "This marketplace does not accept " + spec.currency() + ".", "currency");
            case SELLER_NOT_FOUND -> Reply.error(new StoredError(404, "invalid_request_error", "resource_missing",
                    "No such seller (a merchant): '" + terms.sellerId() + "'.", "escrow[seller]"));
            case SELLER_CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                    "The seller is not paid in " + spec.currency() + ".", "escrow[seller]");
        };
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of("payment_intent"));
        String intent = ctx.queryParam("payment_intent");
        Page<Escrow> found = services.objects().list(RecordKind.ESCROW, Caller.of(ctx).participantId(), Escrow.class,
                page.limit(), page.startingAfter(), e -> intent == null || e.paymentIntentId().equals(intent));
        ctx.json(ObjectJson.list("/v1/escrows", found.data().stream().map(ObjectJson::escrow).toList(), found.hasMore()));
    }

    private void retrieve(Context ctx) {
        String id = Params.pathId(ctx, "id");
        String caller = Caller.of(ctx).participantId();
        Escrow escrow = services.objects().find(RecordKind.ESCROW, id, Escrow.class)
                .filter(e -> e.ownerId().equals(caller) || e.sellerId().equals(caller)
                        || e.paid() && e.buyerProviderId().equals(caller))
                .orElseThrow(() -> Params.notFound("escrow", id));
        ctx.json(ObjectJson.escrow(escrow));
    }

    private void confirmDelivery(Context ctx) {
        releaseBy(ctx, Escrows::confirmDelivery);
    }

    private void release(Context ctx) {
        releaseBy(ctx, Escrows::release);
    }

    private interface Releasing {
        Outcome<Escrows.ReleaseResult, Escrow> apply(SwitchState state, String callerId, String escrowId, long amount);
    }

    private void releaseBy(Context ctx, Releasing releasing) {
        String caller = Caller.of(ctx).participantId();
        String id = Params.pathId(ctx, "id");
        posts.run(ctx, () -> {
            Release request = Bodies.read(ctx, Release.class, new Release(null));
            long amount = Params.amount(request.amount(), "amount", false);
            return reply(state -> releasing.apply(state, caller, id, amount), outcome -> switch (outcome.result()) {
                case OK -> Replies.ok(RecordKind.ESCROW, outcome.value());
                case ESCROW_NOT_FOUND -> Replies.notFound("escrow", id, "id");
                case ESCROW_AWAITING_PAYMENT -> Replies.conflict("escrow_awaiting_payment",
                        "The escrow's payment intent is not paid yet.");
                case ESCROW_CLOSED -> closed(outcome.value());
                case AMOUNT_TOO_LARGE -> Replies.invalid("amount_too_large", "amount is more than the "
                        + outcome.value().outstanding() + " the escrow still holds.", "amount");
            });
        });
    }

    private void dispute(Context ctx) {
        String caller = Caller.of(ctx).participantId();
        String id = Params.pathId(ctx, "id");
        String refundId = services.newId("re_");
        posts.run(ctx, () -> reply(state -> Escrows.dispute(state, caller, id, refundId),
                outcome -> switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.ESCROW, outcome.value());
                    case ESCROW_NOT_FOUND -> Replies.notFound("escrow", id, "id");
                    case DEADLINE_PASSED -> Replies.conflict("escrow_deadline_passed",
                            "The release deadline has passed: the escrow was released to the seller.");
                    case ESCROW_CLOSED -> closed(outcome.value());
                }));
    }

    private static Reply closed(Escrow escrow) {
        return Replies.conflict("escrow_closed", "The escrow holds nothing any more; its status is "
                + ObjectJson.escrow(escrow).get("status") + ".");
    }

    private static <R extends Enum<R>> Function<SwitchState, Reply> reply(
            Function<SwitchState, Outcome<R, Escrow>> operation, Function<Outcome<R, Escrow>, Reply> reply) {
        return state -> reply.apply(operation.apply(state));
    }
}
