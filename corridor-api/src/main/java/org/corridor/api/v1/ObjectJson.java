package org.corridor.api.v1;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.escrow.Escrow;
import org.corridor.core.kyc.KycTier;
import org.corridor.core.kyc.LimitUsage;
import org.corridor.core.participant.ApiKey;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.TopUp;
import org.corridor.core.payment.PaymentError;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.payment.Refund;
import org.corridor.core.qr.QrCode;
import org.corridor.core.settlement.NetDebitCap;
import org.corridor.core.settlement.SettlementWindow;
import org.corridor.core.wallet.PaymentCode;
import org.corridor.core.wallet.WalletTransfer;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.Quote;
import org.corridor.core.fx.Rate;
import org.corridor.core.payment.PaymentConversion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.corridor.core.wallet.Withdrawal;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.StoredError;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.WebhookEndpoint;

/**
 * The JSON shape of every object, as ordered maps. A pure function of the object: the same object always
 * renders to the same bytes, which is what lets an idempotent retry and a webhook redelivery repeat the
 * first reply exactly. Times are Unix seconds ({@code created}); amounts are integer minor units.
 */
final class ObjectJson {
    /** Decimal places a rate is shown with. */
    static final int RATE_DIGITS = 10;

    private ObjectJson() {}

    static Map<String, Object> of(RecordKind kind, Object value) {
        return switch (kind) {
            case PARTICIPANT -> participant((Participant) value);
            case API_KEY -> apiKey((ApiKey) value);
            case CUSTOMER -> customer((Customer) value);
            case TOP_UP -> topUp((TopUp) value);
            case PAYMENT_INTENT -> paymentIntent((PaymentIntent) value);
            case REFUND -> refund((Refund) value);
            case EVENT -> event((Event) value);
            case WEBHOOK_ENDPOINT -> webhookEndpoint((WebhookEndpoint) value, false);
            case ERROR -> error((StoredError) value);
            case DEVICE_TOKEN -> token((DeviceToken) value);
            case CARD_AUTHORIZATION -> authorization((CardAuthorization) value);
            case QR_CODE -> qrCode((QrCode) value);
            case WALLET_TRANSFER -> walletTransfer((WalletTransfer) value);
            case WITHDRAWAL -> withdrawal((Withdrawal) value);
            case PAYMENT_CODE -> paymentCode((PaymentCode) value);
            case FX_QUOTE -> fxQuote((FxQuote) value);
            case ESCROW -> escrow((Escrow) value);
            case KYC_TIER -> kycTier((KycTier) value);
            case SETTLEMENT_WINDOW -> SettlementJson.window((SettlementWindow) value);
            case NET_DEBIT_CAP -> SettlementJson.cap((NetDebitCap) value);
            case IDEMPOTENCY, DELIVERY, CARD, FX_RESIDUE, LIMIT_USAGE ->
                    throw new IllegalArgumentException(kind + " is not shown on its own");
        };
    }

    static Map<String, Object> participant(Participant p) {
        Map<String, Object> json = object(p.id(), "participant");
        json.put("role", p.role().name().toLowerCase(Locale.ROOT));
        json.put("name", p.name());
        json.put("country", p.country());
        json.put("settlement_currency", p.settlementCurrency());
        json.put("merchant_category_code", p.merchantCategoryCode() == 0 ? null : String.format("%04d", p.merchantCategoryCode()));
        json.put("payout_account", p.payoutAccount());
        json.put("fee_basis_points", p.feeBasisPoints());
        json.put("currencies", List.copyOf(new TreeMap<>(p.accounts()).keySet()));
        json.put("metadata", new TreeMap<>(p.metadata()));
        json.put("created", seconds(p.createdAt()));
        return json;
    }

    static Map<String, Object> apiKey(ApiKey k) {
        Map<String, Object> json = object(k.id(), "api_key");
        json.put("participant", k.ownerId());
        json.put("name", k.name());
        json.put("redacted_secret", "ck_…" + k.lastFour());
        json.put("status", k.active() ? "active" : "revoked");
        json.put("created", seconds(k.createdAt()));
        json.put("revoked", k.active() ? null : seconds(k.revokedAt()));
        return json;
    }

    static Map<String, Object> customer(Customer c) {
        Map<String, Object> json = object(c.id(), "customer");
        json.put("name", c.name());
        json.put("currencies", List.copyOf(new TreeMap<>(c.accounts()).keySet()));
        json.put("metadata", new TreeMap<>(c.metadata()));
        json.put("kyc_tier", c.kycTier().isEmpty() ? null : c.kycTier());
        json.put("created", seconds(c.createdAt()));
        return json;
    }

    static Map<String, Object> kycTier(KycTier t) {
        Map<String, Object> json = object(t.id(), "kyc_tier");
        json.put("name", t.name());
        Map<String, Object> limits = new TreeMap<>();
        t.limits().forEach((currency, l) -> limits.put(currency, ordered("per_payment", limit(l.perPaymentMinor()),
                "daily", limit(l.dailyMinor()), "yearly", limit(l.yearlyMinor()))));
        json.put("limits", limits);
        json.put("cross_border_yearly_usd", limit(t.crossBorderYearlyUsdMinor()));
        json.put("created", seconds(t.createdAt()));
        json.put("updated", seconds(t.updatedAt()));
        return json;
    }

    /** What a customer used of its tier's limits on the UTC day {@code day} and in the UTC year {@code year}. */
    static Map<String, Object> limitUsage(LimitUsage u) {
        return ordered("day", LocalDate.ofEpochDay(u.epochDay()).toString(), "daily", new TreeMap<>(u.dailyMinor()),
                "year", u.year(), "yearly", new TreeMap<>(u.yearlyMinor()),
                "cross_border_yearly_usd", u.crossBorderUsdMinor());
    }

    /** A limit as shown: null for none. */
    private static Long limit(long minor) {
        return minor == 0 ? null : minor;
    }

    static Map<String, Object> topUp(TopUp t) {
        Map<String, Object> json = object(t.id(), "top_up");
        json.put("customer", t.customerId());
        json.put("amount", t.amountMinor());
        json.put("currency", t.currency());
        json.put("payment_method", paymentMethod(t.paymentMethod()));
        json.put("created", seconds(t.createdAt()));
        return json;
    }

    static Map<String, Object> paymentIntent(PaymentIntent pi) {
        Map<String, Object> json = object(pi.id(), "payment_intent");
        json.put("amount", pi.amountMinor());
        json.put("amount_capturable", pi.amountCapturable());
        json.put("amount_received", pi.amountReceived());
        json.put("amount_refunded", pi.amountRefunded());
        json.put("currency", pi.currency());
        json.put("capture_method", pi.captureMethod().name().toLowerCase(Locale.ROOT));
        json.put("status", pi.status().name().toLowerCase(Locale.ROOT));
        json.put("description", pi.description());
        json.put("metadata", new TreeMap<>(pi.metadata()));
        json.put("client_secret", pi.clientSecret());
        json.put("payment_method", paymentMethod(pi.paymentMethod()));
        json.put("fee_amount", pi.feeMinor());
        json.put("last_payment_error", pi.lastPaymentError() == null ? null : paymentError(pi.lastPaymentError()));
        json.put("cancellation_reason", pi.cancellationReason().isEmpty() ? null : pi.cancellationReason());
        json.put("merchant", pi.ownerId());
        json.put("conversion", pi.conversion() == null ? null : conversion(pi.conversion()));
        json.put("created", seconds(pi.createdAt()));
        return json;
    }

    /** What the shopper paid in their own currency for a cross-currency intent. */
    private static Map<String, Object> conversion(PaymentConversion c) {
        return ordered("fx_quote", c.quoteId(), "liquidity_provider", c.providerId(), "sell_currency", c.sellCurrency(),
                "sell_amount", c.sellMinor(), "sell_amount_received", c.sellReceived(), "sell_amount_refunded",
                c.sellRefunded(), "customer_rate", decimal(c.customerRate().price()));
    }

    static Map<String, Object> fxQuote(FxQuote fx) {
        Quote q = fx.quote();
        Map<String, Object> json = object(q.id(), "fx_quote");
        json.put("sell_currency", q.sellCurrency());
        json.put("sell_amount", q.sellMinor());
        json.put("buy_currency", q.buyCurrency());
        json.put("buy_amount", q.buyMinor());
        json.put("fixed_side", q.fixedSide().name().toLowerCase(Locale.ROOT));
        json.put("mid_rate", decimal(q.midRate().price()));
        json.put("spread_bps", q.spreadBasisPoints());
        json.put("customer_rate", decimal(q.customerRate().price()));
        json.put("rate_source", q.midRate().source());
        json.put("usd_equivalent", fx.usdEquivalentMinor());
        json.put("liquidity_provider", fx.providerId());
        json.put("status", q.status().name().toLowerCase(Locale.ROOT));
        json.put("payment_intent", q.paymentId());
        json.put("expires_at", seconds(q.expiresAtNanos()));
        json.put("created", seconds(q.createdAtNanos()));
        return json;
    }

    static Map<String, Object> rate(Rate r) {
        return ordered("object", "fx_rate", "base", r.base(), "quote", r.quote(), "rate", decimal(r.price()),
                "source", r.source(), "as_of", seconds(r.asOfNanos()));
    }

    /** A price as a plain decimal, cut (not rounded) to {@value #RATE_DIGITS} places: for people; the quote is exact. */
    static String decimal(Price price) {
        return new BigDecimal(price.numerator()).divide(new BigDecimal(price.denominator()), RATE_DIGITS,
                RoundingMode.DOWN).stripTrailingZeros().toPlainString();
    }

    static Map<String, Object> paymentError(PaymentError error) {
        Map<String, Object> json = ordered("code", error.code(), "message", error.message());
        if (!error.declineCode().isEmpty()) json.put("decline_code", error.declineCode());
        return json;
    }

    private static Map<String, Object> paymentMethod(PaymentMethod method) {
        return switch (method) {
            case null -> null;
            case PaymentMethod.CustomerBalance balance -> ordered("type", balance.type(), "customer", balance.customerId());
            case PaymentMethod.DeviceToken token -> ordered("type", token.type(), "device_token", ordered(
                    "token", token.tokenId(), "network", token.network(), "dpan_last4", token.dpanLastFour(),
                    "entry_mode", token.entry().apiName(),
                    "authorization", token.authorizationId().isEmpty() ? null : token.authorizationId()));
        };
    }

    /** A device token as its requestor sees it: never the whole DPAN (only the enrolment reply shows it once). */
    static Map<String, Object> token(DeviceToken t) {
        Map<String, Object> json = object(t.id(), "token");
        json.put("status", t.status().apiName());
        json.put("domain", t.domain().apiName());
        json.put("device_id", t.deviceId());
        json.put("network", t.network());
        json.put("dpan_last4", t.dpanLastFour());
        json.put("par", t.fundedByBalance() ? null : t.par());
        json.put("card", t.fundedByBalance() ? null : ordered("last4", t.cardLastFour()));
        json.put("funding", t.fundedByBalance()
                ? ordered("type", "customer_balance", "customer", t.customerId(), "currency", t.currency())
                : ordered("type", "card"));
        json.put("issuer", t.issuerId());
        json.put("created", seconds(t.createdAt()));
        return json;
    }

    static Map<String, Object> walletTransfer(WalletTransfer t) {
        Map<String, Object> json = object(t.id(), "wallet_transfer");
        json.put("customer", t.fromCustomerId());
        json.put("to_customer", t.toCustomerId());
        json.put("amount", t.amountMinor());
        json.put("currency", t.currency());
        json.put("description", t.description());
        json.put("created", seconds(t.createdAt()));
        return json;
    }

    /** A payment code; its number is the shopper's to show, so only the reply that issued it carries it whole. */
    static Map<String, Object> paymentCode(PaymentCode c) {
        Map<String, Object> json = object(c.id(), "payment_code");
        json.put("customer", c.customerId());
        json.put("code_last4", c.code().substring(c.code().length() - 4));
        json.put("status", c.used() ? "used" : "active");
        json.put("payment_intent", c.used() ? c.paymentIntentId() : null);
        json.put("expires_at", seconds(c.expiresAt()));
        json.put("created", seconds(c.createdAt()));
        return json;
    }

    static Map<String, Object> escrow(Escrow e) {
        Map<String, Object> json = object(e.id(), "escrow");
        json.put("payment_intent", e.paymentIntentId());
        json.put("marketplace", e.ownerId());
        json.put("seller", e.sellerId());
        json.put("amount", e.amountMinor());
        json.put("currency", e.currency());
        json.put("status", e.status().name().toLowerCase(Locale.ROOT));
        json.put("amount_held", e.amountHeld());
        json.put("amount_released", e.amountReleased());
        json.put("amount_refunded", e.amountRefunded());
        json.put("fee", e.feeMinor());
        json.put("release_after_seconds", e.releaseAfterSeconds());
        json.put("release_at", e.paid() ? seconds(e.releaseAt()) : null);
        json.put("buyer_wallet_provider", e.paid() ? e.buyerProviderId() : null);
        json.put("customer", e.customerId().isEmpty() ? null : e.customerId());
        json.put("created", seconds(e.createdAt()));
        return json;
    }

    static Map<String, Object> withdrawal(Withdrawal w) {
        Map<String, Object> json = object(w.id(), "withdrawal");
        json.put("customer", w.customerId());
        json.put("amount", w.amountMinor());
        json.put("currency", w.currency());
        json.put("created", seconds(w.createdAt()));
        return json;
    }

    static Map<String, Object> qrCode(QrCode q) {
        Map<String, Object> json = object(q.id(), "qr_code");
        json.put("type", q.dynamic() ? "dynamic" : "static");
        json.put("amount", q.dynamic() ? q.amountMinor() : null);
        json.put("currency", q.currency());
        json.put("reference", q.reference().isEmpty() ? null : q.reference());
        json.put("payload", q.payload());
        json.put("status", q.used() ? "used" : "active");
        json.put("payment_intent", q.used() ? q.paymentIntentId() : null);
        json.put("created", seconds(q.createdAt()));
        return json;
    }

    static Map<String, Object> authorization(CardAuthorization a) {
        Map<String, Object> json = object(a.id(), "card_authorization");
        boolean topUp = a.paymentIntentId().startsWith(TopUp.ID_PREFIX);
        json.put("payment_intent", topUp ? null : a.paymentIntentId());
        json.put("top_up", topUp ? a.paymentIntentId() : null);
        json.put("token", a.tokenId());
        json.put("issuer", a.issuerId());
        json.put("amount", a.amountMinor());
        json.put("currency", a.currency());
        json.put("status", a.status().name().toLowerCase(Locale.ROOT));
        json.put("response_code", a.responseCode().isEmpty() ? null : a.responseCode());
        json.put("approval_code", a.approvalCode().isEmpty() ? null : a.approvalCode());
        json.put("trace_number", a.traceNumber());
        json.put("terminal_id", a.terminalId());
        json.put("reversal_attempts", a.reversalAttempts());
        json.put("created", seconds(a.createdAt()));
        return json;
    }

    static Map<String, Object> refund(Refund r) {
        Map<String, Object> json = object(r.id(), "refund");
        json.put("payment_intent", r.paymentIntentId());
        json.put("amount", r.amountMinor());
        json.put("currency", r.currency());
        json.put("status", "succeeded");
        json.put("reason", r.reason().isEmpty() ? null : r.reason());
        json.put("metadata", new TreeMap<>(r.metadata()));
        json.put("created", seconds(r.createdAt()));
        return json;
    }

    static Map<String, Object> event(Event e) {
        Map<String, Object> json = object(e.id(), "event");
        json.put("type", e.type());
        json.put("created", seconds(e.createdAt()));
        json.put("data", ordered("object", of(e.objectKind(), e.object())));
        return json;
    }

    /** An endpoint; its current signing secret only when {@code withSecret} (on creation and rotation). */
    static Map<String, Object> webhookEndpoint(WebhookEndpoint e, boolean withSecret) {
        Map<String, Object> json = object(e.id(), "webhook_endpoint");
        json.put("url", e.url());
        json.put("enabled_events", e.enabledEvents());
        json.put("status", e.disabled() ? "disabled" : "enabled");
        json.put("created", seconds(e.createdAt()));
        if (withSecret) json.put("secret", e.secrets().getFirst().secret());
        return json;
    }

    static Map<String, Object> delivery(Delivery d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("webhook_endpoint", d.endpointId());
        json.put("status", d.status().name().toLowerCase(Locale.ROOT));
        json.put("attempts", d.attempts());
        json.put("next_attempt", d.nextAttemptAt() == 0 ? null : seconds(d.nextAttemptAt()));
        json.put("last_status_code", d.lastStatusCode() == 0 ? null : d.lastStatusCode());
        json.put("last_error", d.lastError().isEmpty() ? null : d.lastError());
        return json;
    }

    static Map<String, Object> error(StoredError e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", e.type());
        detail.put("code", e.code());
        detail.put("message", e.message());
        if (!e.param().isEmpty()) detail.put("param", e.param());
        if (!e.declineCode().isEmpty()) detail.put("decline_code", e.declineCode());
        return ordered("error", detail);
    }

    static Map<String, Object> list(String url, List<Map<String, Object>> data, boolean hasMore) {
        return ordered("object", "list", "url", url, "has_more", hasMore, "data", data);
    }

    private static Map<String, Object> object(String id, String type) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", type);
        return json;
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return json;
    }

    static long seconds(long nanos) {
        return Math.floorDiv(nanos, 1_000_000_000L);
    }
}
