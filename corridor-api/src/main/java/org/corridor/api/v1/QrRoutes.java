package org.corridor.api.v1;

import static org.corridor.api.Access.PARTICIPANT;

import io.javalin.http.Context;
import java.util.Set;
import org.corridor.api.RouteGroup;
import org.corridor.api.Routes;
import org.corridor.api.auth.Caller;
import org.corridor.api.error.ApiException;
import org.corridor.core.participant.Participant;
import org.corridor.core.port.Page;
import org.corridor.core.port.QrPayloads;
import org.corridor.core.qr.QrCode;
import org.corridor.core.qr.QrOperations;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;

/**
 * Merchant-presented QR codes (EMVCo): a merchant makes a static code (the shopper enters the amount) or a dynamic one
 * (amount and reference inside, paid once); a wallet provider pays a scanned code for its customer from the customer's
 * balance. A scanned payload is checked whole (format, lengths, templates, CRC) before anything is looked up.
 */
final class QrRoutes implements RouteGroup {
    /** The longest payload accepted from a scan (the EMVCo maximum). */
    static final int PAYLOAD_CHARS_MAX = 512;
    /** EMVCo 62/05 holds 25 characters. */
    static final int REFERENCE_CHARS_MAX = 25;
    /** The city a merchant's codes show, from its metadata; its country code when it has none. */
    static final String CITY_METADATA_KEY = "city";

    record CreateQr(Long amount, String currency, String reference) {}

    record PayQr(String payload, String customer, Long amount) {}

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
            String customer = Params.id(request.customer(), "cus_", "customer");
            long amount = Params.amount(request.amount(), "amount", false);
            QrPayloads.Scanned scanned;
            try {
                scanned = services.qr().read(payload);
            } catch (QrPayloads.Unreadable unreadable) {
                throw ApiException.badRequest("qr_code_invalid", "The scanned payload is not a valid Corridor QR code ("
                        + unreadable.code() + ").", "payload");
            }
            return state -> {
                var paid = QrOperations.pay(state, caller, scanned.qrId(), scanned.merchantId(), scanned.currency(),
                        amount, customer, intentId, clientSecret);
                return switch (paid.result()) {
                    case OK -> Replies.ok(RecordKind.PAYMENT_INTENT, paid.value());
                    case QR_CODE_NOT_FOUND -> Replies.notFound("qr_code", scanned.qrId(), "payload");
                    case QR_CODE_USED -> Replies.conflict("qr_code_used", "This dynamic QR code was paid already.");
                    case AMOUNT_MISSING -> Replies.invalid("parameter_missing",
                            "A static QR code is paid with an amount the shopper enters.", "amount");
                    case AMOUNT_MISMATCH -> Replies.invalid("amount_mismatch",
                            "amount differs from the amount inside this dynamic QR code.", "amount");
                    case CUSTOMER_NOT_FOUND -> Replies.notFound("customer", customer, "customer");
                    case CURRENCY_NOT_SUPPORTED -> Replies.invalid("currency_not_supported",
                            "The customer holds no balance in " + scanned.currency() + ".", "customer");
                    case DECLINED -> Reply.of(402, RecordKind.PAYMENT_INTENT, paid.value());
                };
            };
        });
    }
}
