package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.Set;
import java.util.function.Function;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.port.CardRails;
import org.corridor.core.port.Page;
import org.corridor.core.port.QrPayloads;
import org.corridor.core.qr.QrCode;
import org.corridor.core.qr.QrOperations;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.state.SwitchState;

/**
 * Merchant-presented QR codes (EMVCo): a merchant makes a static code (the shopper enters the amount) or a dynamic one
 * (amount and reference inside, paid once); a wallet provider pays a scanned code for its customer from the customer's
 * balance, or with a device token in the shopper's phone (through the card rails, as a merchant's confirmation with the
 * token is). A scanned payload is checked whole (format, lengths, templates, CRC) before anything is looked up.
 */
final class QrRoutes implements RouteGroup {
    /** The longest payload accepted from a scan (the EMVCo maximum). */
    static final int PAYLOAD_CHARS_MAX = 512;
    /** EMVCo 62/05 holds 25 characters. */
    static final int REFERENCE_CHARS_MAX = 25;
    /** The city a merchant's codes show, from its metadata; its country code when it has none. */
    static final String CITY_METADATA_KEY = "city";

    record CreateQr(Long amount, String currency, String reference) {}

    record PayQr(String payload, String customer, Long amount, PaymentIntentRoutes.PaymentMethodParam paymentMethod) {}

    private final V1Services services;
    private final IdempotentPosts posts;

    QrRoutes(V1Services services, IdempotentPosts posts) {
        this.services = services;
        this.posts = posts;
    }

    @Override
    public void addTo(Routes routes) {
        routes.post("/qr_codes", PARTICIPANT, this::create);
        routes.get("/qr_codes", PARTICIPANT, this::list);
        routes.get("/qr_codes/{id}", PARTICIPANT, this::retrieve);
        routes.post("/qr_payments", PARTICIPANT, this::pay);
    }

    private void create(Context ctx) {
        String owner = Caller.of(ctx).participantId();
        String id = services.newId("qr_");
        posts.run(ctx, () -> {
            CreateQr request = Bodies.required(ctx, CreateQr.class);
            long amount = Params.amount(request.amount(), "amount", false);
            String currency = Params.currency(request.currency(), "currency");
            String reference = Params.text(request.reference(), "reference", REFERENCE_CHARS_MAX, false);
            if (!reference.isEmpty() && (reference.isBlank() || !printable(reference))) {
                throw ApiException.badRequest("parameter_invalid", "reference must be printable ASCII, not only spaces.",
                        "reference");
            }
            if (amount == 0 && !reference.isEmpty()) {
                throw ApiException.badRequest("parameter_invalid", "A static code (no amount) has no reference.",
                        "reference");
            }
            String label = amount > 0 && reference.isEmpty() ? id.substring(id.length() - 12) : reference;
            Participant merchant = services.objects().find(RecordKind.PARTICIPANT, owner, Participant.class).orElseThrow();
            if (!merchant.role().acceptsPayments()) return state -> notAMerchant();
            String name = printable(merchant.name()) ? merchant.name() : "MERCHANT " + owner.substring(owner.length() - 8);
            String city = merchant.metadata().getOrDefault(CITY_METADATA_KEY, merchant.country());
            String payload = services.qr().write(id, owner, name, merchant.country(),
                    printable(city) && !city.isBlank() ? city : merchant.country(), merchant.merchantCategoryCode(),
                    currency, amount, label);
            return state -> {
                var created = QrOperations.create(state, new QrCode(id, owner, amount, currency, label, payload, "", 0));
                return switch (created.result()) {
                    case OK -> Replies.ok(RecordKind.QR_CODE, created.value());
                    case NOT_A_MERCHANT -> notAMerchant();
                    case CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                            "This merchant does not accept " + currency + ".", "currency");
                };
            };
        });
    }

    /** What an EMVCo payload's names may hold: printable ASCII. */
    private static boolean printable(String text) {
        return text.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
    }

    private static Reply notAMerchant() {
        return Reply.error(new StoredError(403, "invalid_request_error", "role_not_allowed",
                "Only merchants and marketplaces make QR codes.", ""));
    }

    private void list(Context ctx) {
        Params.PageRequest page = Params.page(ctx, Set.of());
        Page<QrCode> found = services.objects().list(RecordKind.QR_CODE, Caller.of(ctx).participantId(), QrCode.class,
                page.limit(), page.startingAfter(), qr -> true);
        ctx.json(ObjectJson.list("/v1/qr_codes", found.data().stream().map(ObjectJson::qrCode).toList(),
                found.hasMore()));
    }

    private void retrieve(Context ctx) {
        String id = Params.pathId(ctx, "id");
        QrCode qr = services.objects().find(RecordKind.QR_CODE, id, QrCode.class)
                .filter(q -> q.ownerId().equals(Caller.of(ctx).participantId()))
                .orElseThrow(() -> Params.notFound("qr_code", id));
        ctx.json(ObjectJson.qrCode(qr));
    }

    private void pay(Context ctx) {
        String caller = Caller.of(ctx).participantId();
        String intentId = services.newId("pi_");
        String clientSecret = intentId + "_secret_" + services.newSecret();
        posts.run(ctx, () -> {
            PayQr request = Bodies.required(ctx, PayQr.class);
            String payload = Params.text(request.payload(), "payload", PAYLOAD_CHARS_MAX, true);
            if (request.paymentMethod() != null && request.customer() != null) {
                throw ApiException.badRequest("parameter_invalid", "Give customer or payment_method, not both.",
                        "payment_method");
            }
            CardRails.TokenPresentment presented = request.paymentMethod() == null ? null
                    : TokenPresentments.ofMethod(request.paymentMethod());
            String customer = presented != null ? "" : Params.id(request.customer(), "cus_", "customer");
            long amount = Params.amount(request.amount(), "amount", false);
            QrPayloads.Scanned scanned = scan(payload);
            if (presented != null) return payWithToken(caller, scanned, amount, intentId, clientSecret, presented);
            return state -> {
                var paid = QrOperations.pay(state, caller, scanned.qrId(), scanned.merchantId(), scanned.currency(),
                        amount, customer, intentId, clientSecret);
                return payReply(paid.result(), paid.value(), scanned, customer);
            };
        });
    }

    /**
     * The phone's token wallet scanned the code: the merchant's intent is made (holding a dynamic code), then paid
     * through the card rails exactly as a merchant's confirmation with the token, and the code kept or freed.
     */
    private Function<SwitchState, Reply> payWithToken(String caller, QrPayloads.Scanned scanned, long amount,
            String intentId, String clientSecret, CardRails.TokenPresentment presented) {
        if (!walletProvider(caller)) return state -> notAWalletProvider();
        var opened = services.commands().execute(state -> QrOperations.open(state, scanned.qrId(),
                scanned.merchantId(), scanned.currency(), amount, intentId, clientSecret));
        if (!opened.ok()) {
            Reply refused = payReply(opened.result(), null, scanned, "");
            return state -> refused;
        }
        var booking = services.cards().authorize(caller, intentId, clientSecret, presented);
        return state -> {
            var paid = booking.apply(state);
            QrOperations.settle(state, scanned.qrId(), paid.value());
            return switch (paid.result()) {
                case OK -> Replies.ok(RecordKind.PAYMENT_INTENT, paid.value());
                case DECLINED -> Reply.of(402, RecordKind.PAYMENT_INTENT, paid.value());
                case PAYMENT_INTENT_NOT_FOUND, PAYMENT_INTENT_UNEXPECTED_STATE, PAYMENT_METHOD_MISSING,
                        CUSTOMER_NOT_FOUND, CURRENCY_NOT_SUPPORTED, QUOTE_NOT_FOUND, QUOTE_MISMATCH, QUOTE_USED,
                        QUOTE_EXPIRED, FX_UNAVAILABLE ->
                        throw new IllegalStateException("a fresh intent confirms: " + paid.result());
            };
        };
    }

    private static Reply payReply(QrOperations.PayResult result, PaymentIntent intent, QrPayloads.Scanned scanned,
            String customer) {
        return switch (result) {
            case OK -> Replies.ok(RecordKind.PAYMENT_INTENT, intent);
            case QR_CODE_NOT_FOUND -> Replies.notFound("qr_code", scanned.qrId(), "payload");
            case QR_CODE_USED -> Replies.conflict("qr_code_used", "This dynamic QR code was paid already.");
            case AMOUNT_MISSING -> Replies.invalid("parameter_missing",
                    "A static QR code is paid with an amount the shopper enters.", "amount");
            case AMOUNT_MISMATCH -> Replies.invalid("amount_mismatch",
                    "amount differs from the amount inside this dynamic QR code.", "amount");
            case CUSTOMER_NOT_FOUND -> Replies.notFound("customer", customer, "customer");
            case CURRENCY_NOT_SUPPORTED -> Replies.noBalanceIn(scanned.currency(), "customer");
            case DECLINED -> Reply.of(402, RecordKind.PAYMENT_INTENT, intent);
        };
    }

    private QrPayloads.Scanned scan(String payload) {
        try {
            return services.qr().read(payload);
        } catch (QrPayloads.Unreadable unreadable) {
            throw ApiException.badRequest("qr_code_invalid", "The scanned payload is not a valid Corridor QR code ("
                    + unreadable.code() + ").", "payload");
        }
    }

    private boolean walletProvider(String participantId) {
        return services.objects().find(RecordKind.PARTICIPANT, participantId, Participant.class)
                .filter(p -> p.role() == ParticipantRole.WALLET_PROVIDER).isPresent();
    }

    private static Reply notAWalletProvider() {
        return Reply.error(new StoredError(403, "invalid_request_error", "role_not_allowed",
                "Only wallet providers pay QR codes with a device token.", ""));
    }
}
