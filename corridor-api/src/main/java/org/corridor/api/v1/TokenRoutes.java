package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenOperations;
import org.corridor.core.card.TokenOperations.LifecycleAction;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.port.CardRails;
import org.corridor.core.port.Page;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;

/**
 * Device tokens: a wallet provider (the token requestor) enrols a card for one device and one domain, or has Corridor
 * issue a token on one of its customers' balances, and suspends, resumes or deletes the token. Enrolment verifies the
 * card with its issuer first. The issuing reply is the only place the whole DPAN and the token's cryptogram key are
 * shown; a replay of it shows neither. Merchants (and wallet providers, for top-ups) read their card authorizations
 * here too.
 */
final class TokenRoutes implements RouteGroup {
    static final int DEVICE_ID_CHARS_MAX = 64;
    static final int CARDHOLDER_NAME_CHARS_MAX = 128;
    static final int CARD_NUMBER_CHARS_MAX = 19;
    static final int EXPIRY_YEAR_MIN = 2000;
    static final int EXPIRY_YEAR_MAX = 2099;

    /** The card as sent; its number is a clear PAN, so it never prints. */
    record CardParam(String number, Integer expMonth, Integer expYear, String cardholderName) {
        @Override
        public String toString() {
            return "CardParam[number hidden]";
        }
    }

    record Enrol(CardParam card, String deviceId, String domain) {
        @Override
        public String toString() {
            return "Enrol[" + deviceId + ", " + domain + "]";
        }
    }

    record IssueOnBalance(String currency, String deviceId, String domain) {}

    private final V1Services services;
    private final IdempotentPosts posts;

    TokenRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/tokens", PARTICIPANT, this::enrol);
        routes.post("/customers/{id}/tokens", PARTICIPANT, this::issueOnBalance);
        routes.get("/tokens", PARTICIPANT, this::list);
        routes.get("/tokens/{id}", PARTICIPANT, this::retrieve);
        routes.post("/tokens/{id}/suspend", PARTICIPANT, ctx -> change(ctx, LifecycleAction.SUSPEND));
        routes.post("/tokens/{id}/resume", PARTICIPANT, ctx -> change(ctx, LifecycleAction.RESUME));
        routes.post("/tokens/{id}/delete", PARTICIPANT, ctx -> change(ctx, LifecycleAction.DELETE));
        routes.get("/card_authorizations", PARTICIPANT, this::listAuthorizations);
        routes.get("/card_authorizations/{id}", PARTICIPANT, this::retrieveAuthorization);
    }

    private void enrol(Context ctx) {
        String requestor = Caller.of(ctx).participantId();
        String tokenId = services.newId("tok_");
        String[] keyHex = new String[1];
        Reply reply = posts.run(ctx, services.cards()::requestFingerprint, () -> {
            Enrol request = Bodies.required(ctx, Enrol.class);
            CardRails.CardDetails card = card(request.card());
            String deviceId = deviceId(request.deviceId());
            TokenDomain domain = domain(request.domain(), "domain");
            boolean walletProvider = services.objects().find(RecordKind.PARTICIPANT, requestor, Participant.class)
                    .filter(p -> p.role() == ParticipantRole.WALLET_PROVIDER).isPresent();
            if (!walletProvider) return state -> notAWalletProvider();
            CardRails.Enrolment enrolment = services.cards().verify(requestor, tokenId, card, deviceId, domain);
            if (enrolment instanceof CardRails.Enrolment.Refused refused) {
                Reply refusal = refusal(refused);
                return state -> refusal;
            }
            CardRails.Enrolment.Verified verified = (CardRails.Enrolment.Verified) enrolment;
            keyHex[0] = verified.tokenKeyHex();
            return state -> {
                var enrolled = TokenOperations.enrol(state, verified.card(), verified.token());
                return switch (enrolled.result()) {
                    case OK -> Replies.ok(RecordKind.DEVICE_TOKEN, enrolled.value());
                    case NOT_A_WALLET_PROVIDER -> notAWalletProvider();
                    case ISSUER_NOT_FOUND -> cardError("issuer_unknown", "No issuer holds this card's BIN.");
                    case DPAN_TAKEN -> dpanTaken();
                };
            };
        });
        showOnce(ctx, reply, tokenId, keyHex[0]);
    }

    /**
     * The first reply to an issuing request is the one place the whole DPAN and the token's key are shown; a replay of
     * it (the key is no longer known) shows neither.
     */
    private static void showOnce(Context ctx, Reply reply, String tokenId, String keyHex) {
        if (reply.body() instanceof DeviceToken token && token.id().equals(tokenId) && keyHex != null) {
            Map<String, Object> json = ObjectJson.token(token);
            json.put("dpan", token.dpan());
            json.put("token_key", keyHex);
            ctx.json(json);
        }
    }

    /**
     * A wallet provider has Corridor issue a device token on its customer's balance in one currency: Corridor is the
     * token's issuer, and a payment with it draws on that balance. Device, domain and lifecycle are every token's.
     */
    private void issueOnBalance(Context ctx) {
        String requestor = Caller.of(ctx).participantId();
        String customerId = Params.pathId(ctx, "id");
        String tokenId = services.newId("tok_");
        String[] keyHex = new String[1];
        Reply reply = posts.run(ctx, () -> {
            IssueOnBalance request = Bodies.required(ctx, IssueOnBalance.class);
            String currency = Params.currency(request.currency(), "currency");
            String deviceId = deviceId(request.deviceId());
            TokenDomain domain = domain(request.domain(), "domain");
            CardRails.BalanceToken issued = services.cards().newBalanceToken(requestor, tokenId, customerId, currency,
                    deviceId, domain);
            keyHex[0] = issued.tokenKeyHex();
            return state -> {
                var outcome = TokenOperations.issueOnBalance(state, issued.token());
                return switch (outcome.result()) {
                    case OK -> Replies.ok(RecordKind.DEVICE_TOKEN, outcome.value());
                    case CUSTOMER_NOT_FOUND -> Replies.notFound("customer", customerId, "id");
                    case CURRENCY_NOT_SUPPORTED -> Replies.noBalanceIn(currency, "currency");
                    case DPAN_TAKEN -> dpanTaken();
                };
            };
        });
        showOnce(ctx, reply, tokenId, keyHex[0]);
    }

    private static Reply dpanTaken() {
        return Replies.conflict("dpan_collision",
                "The drawn device PAN is in use; retry the request with a new Idempotency-Key.");
    }

    private static Reply refusal(CardRails.Enrolment.Refused refused) {
        return switch (refused.reason()) {
            case CARD_NUMBER_INVALID -> Replies.invalid("invalid_number", "card[number] is not a valid card number.",
                    "card[number]");
            case CARD_EXPIRED -> cardError("expired_card", "The card has expired.");
            case CARD_NETWORK_UNSUPPORTED -> Replies.invalid("card_network_unsupported",
                    "The card is not Visa, Mastercard or UnionPay.", "card[number]");
            case ISSUER_UNKNOWN -> cardError("issuer_unknown", "No issuer holds this card's BIN.");
            case ISSUER_UNAVAILABLE -> cardError("issuer_unavailable",
                    "The card's issuer did not answer the verification; try again.");
            case CARD_DECLINED -> cardError("card_declined",
                    "The issuer declined to verify the card (response code " + refused.declineCode() + ").");
        };
    }

    private static Reply cardError(String code, String message) {
        return Reply.error(new StoredError(402, "payment_error", code, message, ""));
    }

    private static Reply notAWalletProvider() {
        return Reply.error(new StoredError(403, "invalid_request_error", "role_not_allowed",
                "Only wallet providers enrol device tokens.", ""));
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of());
        Page<DeviceToken> found = services.objects().list(RecordKind.DEVICE_TOKEN, Caller.of(ctx).participantId(),
                DeviceToken.class, page.limit(), page.startingAfter(), t -> true);
        ctx.json(ObjectJson.list("/v1/tokens", found.data().stream().map(ObjectJson::token).toList(), found.hasMore()));
    }

    private void retrieve(Context ctx) {
        String id = Params.pathId(ctx, "id");
        DeviceToken token = services.objects().find(RecordKind.DEVICE_TOKEN, id, DeviceToken.class)
                .filter(t -> t.ownerId().equals(Caller.of(ctx).participantId()))
                .orElseThrow(() -> Params.notFound("token", id));
        ctx.json(ObjectJson.token(token));
    }

    private void change(Context ctx, LifecycleAction action) {
        String caller = Caller.of(ctx).participantId();
        String id = Params.pathId(ctx, "id");
        posts.run(ctx, () -> state -> {
            var changed = TokenOperations.change(state, caller, id, action);
            return switch (changed.result()) {
                case OK -> Replies.ok(RecordKind.DEVICE_TOKEN, changed.value());
                case TOKEN_NOT_FOUND -> Replies.notFound("token", id, "id");
                case TOKEN_UNEXPECTED_STATE -> Replies.conflict("token_unexpected_state", "You cannot "
                        + action.name().toLowerCase(Locale.ROOT) + " this token because its status is "
                        + changed.value().status().apiName() + ".");
            };
        });
    }

    private void listAuthorizations(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of());
        Page<CardAuthorization> found = services.objects().list(RecordKind.CARD_AUTHORIZATION,
                Caller.of(ctx).participantId(), CardAuthorization.class, page.limit(), page.startingAfter(), a -> true);
        ctx.json(ObjectJson.list("/v1/card_authorizations",
                found.data().stream().map(ObjectJson::authorization).toList(), found.hasMore()));
    }

    private void retrieveAuthorization(Context ctx) {
        String id = Params.pathId(ctx, "id");
        CardAuthorization authorization = services.objects()
                .find(RecordKind.CARD_AUTHORIZATION, id, CardAuthorization.class)
                .filter(a -> a.ownerId().equals(Caller.of(ctx).participantId()))
                .orElseThrow(() -> Params.notFound("card_authorization", id));
        ctx.json(ObjectJson.authorization(authorization));
    }

    /** The card as given; the number is checked for shape only, and no message ever repeats it. */
    private static CardRails.CardDetails card(CardParam card) {
        if (card == null) throw Params.missing("card");
        String number = card.number();
        if (number == null) throw Params.missing("card[number]");
        if (number.length() > CARD_NUMBER_CHARS_MAX || number.chars().anyMatch(c -> c < '0' || c > '9')) {
            throw ApiException.badRequest("invalid_number", "card[number] must be 12 to 19 digits.", "card[number]");
        }
        if (card.expMonth() == null) throw Params.missing("card[exp_month]");
        if (card.expMonth() < 1 || card.expMonth() > 12) {
            throw ApiException.badRequest("invalid_expiry_month", "card[exp_month] must be 1 to 12.", "card[exp_month]");
        }
        if (card.expYear() == null) throw Params.missing("card[exp_year]");
        if (card.expYear() < EXPIRY_YEAR_MIN || card.expYear() > EXPIRY_YEAR_MAX) {
            throw ApiException.badRequest("invalid_expiry_year", "card[exp_year] must be " + EXPIRY_YEAR_MIN + " to "
                    + EXPIRY_YEAR_MAX + ".", "card[exp_year]");
        }
        String name = Params.text(card.cardholderName(), "card[cardholder_name]", CARDHOLDER_NAME_CHARS_MAX, false);
        return new CardRails.CardDetails(number, card.expMonth(), card.expYear(), name);
    }

    private static String deviceId(String given) {
        if (given == null) throw Params.missing("device_id");
        if (given.isEmpty() || given.length() > DEVICE_ID_CHARS_MAX || given.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw ApiException.badRequest("parameter_invalid", "device_id must be 1 to " + DEVICE_ID_CHARS_MAX
                    + " visible ASCII characters.", "device_id");
        }
        return given;
    }

    static TokenDomain domain(String given, String param) {
        if (given == null) throw Params.missing(param);
        return TokenDomain.ofApiName(given).orElseThrow(() -> ApiException.badRequest("parameter_invalid",
                param + " must be contactless or in_app.", param));
    }
}
