package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.escrow.Escrows;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.payment.FxChoice;
import org.corridor.core.payment.PaymentOperations;
import org.corridor.core.port.CardRails;
import org.corridor.core.port.Page;
import org.corridor.core.state.Outcome;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.state.SwitchState;

/**
 * Payment intents, the Stripe lifecycle: create, confirm with a payment method, capture (all or part),
 * cancel. Each step moves money through the ledger in the same write as the intent's new state.
 */
final class PaymentIntentRoutes implements RouteGroup {
    static final int CLIENT_SECRET_CHARS_MAX = 128;
    static final String DEVICE_TOKEN = "device_token";
    static final Set<String> CANCELLATION_REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer", "abandoned");

    record DeviceTokenParam(String dpan, Integer atc, String cryptogram, String unpredictableNumber, String entryMode,
            String terminalId) {}

    record PaymentMethodParam(String type, String customer, DeviceTokenParam deviceToken) {}

    record CreateIntent(Long amount, String currency, String captureMethod, String description,
            Map<String, String> metadata, PaymentMethodParam paymentMethod, EscrowRoutes.EscrowParam escrow) {}

    record Confirm(PaymentMethodParam paymentMethod, String clientSecret, String fxQuote) {}

    record Capture(Long amountToCapture) {}

    record Cancel(String cancellationReason) {}

    private final V1Services services;
    private final IdempotentPosts posts;
    private final MarketRates market;

    PaymentIntentRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
        this.market = new MarketRates(services);
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/payment_intents", PARTICIPANT, this::create);
        routes.get("/payment_intents", PARTICIPANT, this::list);
        routes.get("/payment_intents/{id}", PARTICIPANT, this::retrieve);
        routes.post("/payment_intents/{id}/confirm", PARTICIPANT, this::confirm);
        routes.post("/payment_intents/{id}/capture", PARTICIPANT, this::capture);
        routes.post("/payment_intents/{id}/cancel", PARTICIPANT, this::cancel);
    }

    private void create(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String id = services.newId("pi_");
        String clientSecret = id + "_secret_" + services.newSecret();
        posts.run(ctx, () -> {
            CreateIntent request = Bodies.required(ctx, CreateIntent.class);
            long amount = Params.amount(request.amount(), "amount", true);
            String currency = Params.currency(request.currency(), "currency");
            CaptureMethod captureMethod = captureMethod(request.captureMethod());
            String description = Params.text(request.description(), "description", Params.DESCRIPTION_CHARS_MAX, false);
            Map<String, String> metadata = Params.metadata(request.metadata());
            PaymentMethod method = paymentMethod(request.paymentMethod(), false);
            Escrows.Terms escrow = EscrowRoutes.terms(request.escrow(), id);
            return state -> {
                PaymentIntent spec = PaymentIntent.create(id, owner, amount, currency, captureMethod, description,
                        metadata, clientSecret, method, state.now());
                if (escrow != null) return EscrowRoutes.create(state, spec, escrow);
                var created = PaymentOperations.create(state, spec);
                if (!created.ok()) {
                    return switch (created.result()) {
                        case NOT_A_MERCHANT -> Reply.error(new StoredError(403, "invalid_request_error",
                                "role_not_allowed", "Only merchants and marketplaces create payment intents.", ""));
                        case CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                                "This merchant does not accept " + currency + ".", "currency");
                        case OK -> throw new IllegalStateException();
                    };
                }
                return Replies.ok(RecordKind.PAYMENT_INTENT, created.value());
            };
        });
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of("status"));
        String status = ctx.queryParam("status");
        PaymentIntentStatus wanted = status == null ? null : status(status);
        Page<PaymentIntent> found = services.objects().list(RecordKind.PAYMENT_INTENT, Caller.of(ctx).participantId(),
                PaymentIntent.class, page.limit(), page.startingAfter(), pi -> wanted == null || pi.status() == wanted);
        ctx.json(ObjectJson.list("/v1/payment_intents", found.data().stream().map(ObjectJson::paymentIntent).toList(),
                found.hasMore()));
    }

    private void retrieve(Context ctx) {
        String id = Params.pathId(ctx, "id");
        PaymentIntent intent = services.objects().find(RecordKind.PAYMENT_INTENT, id, PaymentIntent.class)
                .filter(pi -> pi.ownerId().equals(Caller.of(ctx).participantId()))
                .orElseThrow(() -> Params.notFound("payment_intent", id));
        ctx.json(ObjectJson.paymentIntent(intent));
    }

    private void confirm(Context ctx) {
        String caller = Caller.of(ctx).participantId();
        String id = Params.pathId(ctx, "id");
        posts.run(ctx, () -> {
            Confirm request = Bodies.read(ctx, Confirm.class, new Confirm(null, null, null));
            String secret = Params.text(request.clientSecret(), "client_secret", CLIENT_SECRET_CHARS_MAX, false);
            String clientSecret = secret.isEmpty() ? null : secret;
            if (request.paymentMethod() != null && DEVICE_TOKEN.equals(request.paymentMethod().type())) {
                CardRails.TokenPresentment presented = TokenPresentments.of(request.paymentMethod().deviceToken());
                var booking = services.cards().authorize(caller, id, clientSecret, presented);
                return state -> confirmReply(booking.apply(state), id, null, null);
            }
            PaymentMethod method = paymentMethod(request.paymentMethod(), false);
            FxChoice fx = fxChoice(request.fxQuote(), method, id);
            return state -> confirmReply(PaymentOperations.confirm(state, caller, id, clientSecret, method, fx), id,
                    method, request.fxQuote());
        });
    }

    /**
     * The quote the wallet provider names, or else the at-market conversion should its customer hold no balance in
     * the intent's currency (read from the committed intent and customer; the command checks both again).
     */
    private FxChoice fxChoice(String quoteId, PaymentMethod method, String intentId) {
        if (quoteId != null) return new FxChoice.Quoted(Params.id(quoteId, "fxq_", "fx_quote"));
        var intent = services.objects().find(RecordKind.PAYMENT_INTENT, intentId, PaymentIntent.class);
        if (intent.isEmpty()) return FxChoice.NONE;
        PaymentMethod paying = method != null ? method : intent.get().paymentMethod();
        if (!(paying instanceof PaymentMethod.CustomerBalance balance)) return FxChoice.NONE;
        return market.atMarket(balance.customerId(), intent.get().currency(), intent.get().amountMinor());
    }

    private static Reply confirmReply(Outcome<PaymentOperations.ConfirmResult, PaymentIntent> outcome, String id,
            PaymentMethod given, String quoteId) {
        PaymentIntent intent = outcome.value();
        return switch (outcome.result()) {
            case OK -> Replies.ok(RecordKind.PAYMENT_INTENT, intent);
            case PAYMENT_INTENT_NOT_FOUND -> Replies.notFound("payment_intent", id, "id");
            case PAYMENT_INTENT_UNEXPECTED_STATE -> unexpectedState(intent, "confirm");
            case PAYMENT_METHOD_MISSING -> Replies.invalid("parameter_missing",
                    "Missing required parameter: payment_method.", "payment_method");
            case CUSTOMER_NOT_FOUND -> Reply.error(new StoredError(404, "invalid_request_error", "resource_missing",
                    "No such customer: '" + customerOf(given != null ? given : intent.paymentMethod()) + "'.",
                    "payment_method[customer]"));
            case CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                    "The customer holds no balance in " + intent.currency() + " or in a currency a current rate converts"
                            + " to it.", "payment_method[customer]");
            case QUOTE_NOT_FOUND -> Replies.notFound("fx_quote", quoteId, "fx_quote");
            case QUOTE_MISMATCH -> Replies.invalid("fx_quote_mismatch",
                    "The quote buys another currency or amount than this payment intent's.", "fx_quote");
            case QUOTE_USED -> Replies.conflict("fx_quote_used", "This quote was used by another payment.");
            case QUOTE_EXPIRED -> Replies.conflict("fx_quote_expired", "This quote expired; take a new one.");
            case FX_UNAVAILABLE -> Reply.error(new StoredError(422, "invalid_request_error", "fx_liquidity_unavailable",
                    "No FX liquidity provider converts the customer's currency to " + intent.currency() + ".",
                    "payment_method[customer]"));
            case DECLINED -> Reply.of(402, RecordKind.PAYMENT_INTENT, intent);
        };
    }

    private static String customerOf(PaymentMethod method) {
        return method instanceof PaymentMethod.CustomerBalance balance ? balance.customerId() : "";
    }

    private void capture(Context ctx) {
        String caller = Caller.of(ctx).participantId();
        String id = Params.pathId(ctx, "id");
        posts.run(ctx, () -> {
            Capture request = Bodies.read(ctx, Capture.class, new Capture(null));
            long amount = Params.amount(request.amountToCapture(), "amount_to_capture", false);
            return command(state -> PaymentOperations.capture(state, caller, id, amount), outcome -> switch (outcome.result()) {
                case OK -> Replies.ok(RecordKind.PAYMENT_INTENT, outcome.value());
                case PAYMENT_INTENT_NOT_FOUND -> Replies.notFound("payment_intent", id, "id");
                case PAYMENT_INTENT_UNEXPECTED_STATE -> unexpectedState(outcome.value(), "capture");
                case AMOUNT_TOO_LARGE -> Replies.invalid("amount_too_large", "amount_to_capture is more than the "
                        + outcome.value().amountCapturable() + " that may be captured.", "amount_to_capture");
                case RESERVATION_EXPIRED -> Replies.conflict("payment_intent_authorization_expired",
                        "The reservation expired before it was captured; the payment intent is canceled.");
            });
        });
    }

    private void cancel(Context ctx) {
        String caller = Caller.of(ctx).participantId();
        String id = Params.pathId(ctx, "id");
        posts.run(ctx, () -> {
            Cancel request = Bodies.read(ctx, Cancel.class, new Cancel(null));
            String reason = request.cancellationReason() == null ? "requested_by_customer" : request.cancellationReason();
            if (!CANCELLATION_REASONS.contains(reason)) {
                throw ApiException.badRequest("parameter_invalid", "cancellation_reason must be one of duplicate,"
                        + " fraudulent, requested_by_customer, abandoned.", "cancellation_reason");
            }
            return command(state -> PaymentOperations.cancel(state, caller, id, reason), outcome -> switch (outcome.result()) {
                case OK -> Replies.ok(RecordKind.PAYMENT_INTENT, outcome.value());
                case PAYMENT_INTENT_NOT_FOUND -> Replies.notFound("payment_intent", id, "id");
                case PAYMENT_INTENT_UNEXPECTED_STATE -> unexpectedState(outcome.value(), "cancel");
            });
        });
    }

    private static <R extends Enum<R>, T> Function<SwitchState, Reply> command(
            Function<SwitchState, Outcome<R, T>> operation, Function<Outcome<R, T>, Reply> reply) {
        return state -> reply.apply(operation.apply(state));
    }

    static Reply unexpectedState(PaymentIntent intent, String action) {
        String status = intent.status().name().toLowerCase(Locale.ROOT);
        return Replies.conflict("payment_intent_unexpected_state",
                "You cannot " + action + " this payment intent because its status is " + status + ".");
    }

    private static CaptureMethod captureMethod(String given) {
        if (given == null || given.equals("automatic")) return CaptureMethod.AUTOMATIC;
        if (given.equals("manual")) return CaptureMethod.MANUAL;
        throw ApiException.badRequest("parameter_invalid", "capture_method must be automatic or manual.", "capture_method");
    }

    private static PaymentIntentStatus status(String given) {
        for (PaymentIntentStatus status : PaymentIntentStatus.values()) {
            if (status.name().toLowerCase(Locale.ROOT).equals(given)) return status;
        }
        throw ApiException.badRequest("parameter_invalid", "status is not a payment intent status.", "status");
    }

    private static PaymentMethod paymentMethod(PaymentMethodParam param, boolean required) {
        if (param == null) {
            if (required) throw Params.missing("payment_method");
            return null;
        }
        if (DEVICE_TOKEN.equals(param.type())) {
            throw ApiException.badRequest("payment_method_unsupported", "A device_token is given at confirmation, with"
                    + " its one-time cryptogram over the amount.", "payment_method[type]");
        }
        if (!"customer_balance".equals(param.type())) {
            throw ApiException.badRequest("payment_method_unsupported",
                    "payment_method[type] must be customer_balance or device_token.", "payment_method[type]");
        }
        return new PaymentMethod.CustomerBalance(Params.id(param.customer(), "cus_", "payment_method[customer]"));
    }
}
