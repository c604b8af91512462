package org.corridor.store.records;

import java.util.List;
import java.util.Map;
import org.corridor.core.Id128;
import org.corridor.core.card.AuthorizationStatus;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.card.TokenStatus;
import org.corridor.core.escrow.Escrow;
import org.corridor.core.qr.QrCode;
import org.corridor.core.wallet.PaymentCode;
import org.corridor.core.wallet.WalletTransfer;
import org.corridor.core.wallet.Withdrawal;
import org.corridor.core.kyc.KycTier;
import org.corridor.core.kyc.LimitUsage;
import org.corridor.core.kyc.TierLimits;
import org.corridor.core.participant.ApiKey;
import org.corridor.core.participant.Customer;
import org.corridor.core.participant.Participant;
import org.corridor.core.participant.ParticipantRole;
import org.corridor.core.participant.TopUp;
import org.corridor.core.payment.CaptureMethod;
import org.corridor.core.payment.PaymentError;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.exchange.FxResidue;
import org.corridor.core.settlement.NetDebitCap;
import org.corridor.core.settlement.NetPosition;
import org.corridor.core.settlement.SettlementWindow;
import org.corridor.core.settlement.WindowStatus;
import org.corridor.core.fx.FixedSide;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.QuoteRequest;
import org.corridor.core.fx.QuoteRules;
import org.corridor.core.fx.Rate;
import org.corridor.core.payment.PaymentConversion;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.payment.Refund;
import org.corridor.core.state.IdempotencyRecord;
import org.corridor.core.state.RecordChange;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.DeliveryStatus;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.SigningSecret;
import org.corridor.core.webhook.WebhookEndpoint;

/** One object of every stored kind, with every optional field set, and one with them left out. */
public final class RecordSamples {
    private RecordSamples() {}

    public static final PaymentIntent INTENT = new PaymentIntent("pi_1", "acct_m", 2_500, "USD", CaptureMethod.MANUAL,
            PaymentIntentStatus.REQUIRES_PAYMENT_METHOD, "Order 1 — 订单", Map.of("order", "1", "note", "ü"),
            "pi_1_secret_x", new PaymentMethod.CustomerBalance("cus_1"), 0, 0, 0, 0, new Id128(7, 8),
            new PaymentError("insufficient_funds", "Too low."), "", 1_795_000_000_123_456_789L, null);
    public static final PaymentIntent CARD_INTENT = new PaymentIntent("pi_3", "acct_m", 700, "CNY",
            CaptureMethod.AUTOMATIC, PaymentIntentStatus.REQUIRES_PAYMENT_METHOD, "", Map.of(), "pi_3_secret_z",
            new PaymentMethod.DeviceToken("tok_1", "unionpay", "5678", TokenDomain.CONTACTLESS, "auth_1"), 0, 0, 0, 0,
            Id128.ZERO, new PaymentError("insufficient_funds", "The card has insufficient funds.", "51"), "", 25, null);
    private static final Rate USD_CNY = new Rate("USD", "CNY", new Price(71_234, 10_000), 1_000, "file");
    private static final Rate CUSTOMER_RATE = new Rate("CNY", "USD", new Price(9_950, 71_234), 1_000, "file");
    public static final FxQuote FX_QUOTE = new FxQuote(QuoteRules.create(null, new QuoteRequest("fxq_1", "CNY", "USD",
            FixedSide.BUY, 1_000, 50, 60_000_000_000L), USD_CNY.inverse(), 2_000).value(), "acct_w", "acct_fx", 1_000);
    public static final PaymentIntent FX_INTENT = PaymentIntent.create("pi_4", "acct_m", 1_000, "USD",
            CaptureMethod.MANUAL, "", Map.of(), "pi_4_secret_q", null, 30)
            .withConversion(new PaymentConversion("fxq_1", "acct_fx", CUSTOMER_RATE, 7_160, 7_160, 716));
    public static final PaymentIntent BARE_INTENT = PaymentIntent.create("pi_2", "acct_m", 1, "JPY",
            CaptureMethod.AUTOMATIC, "", Map.of(), "pi_2_secret_y", null, 5);

    /** A token Corridor issued on a customer's balance. */
    public static final DeviceToken BALANCE_TOKEN = new DeviceToken("tok_2", "acct_w", "", "acct_operator", "corridor",
            "9990010012345678", "", "phone-2", TokenDomain.CONTACTLESS, TokenStatus.ACTIVE, new byte[] {4, 5}, 3, "", 27,
            "cus_1", "CNY");

    /** A top-up a card's token paid. */
    public static final TopUp CARD_TOP_UP = new TopUp("tu_2", "acct_w", "cus_1", 1_500, "CNY", new Id128(8, 8), 28,
            new PaymentMethod.DeviceToken("tok_1", "unionpay", "5678", TokenDomain.IN_APP, "auth_2"));

    public static List<RecordChange> everyKind() {
        return List.of(
                new RecordChange(RecordKind.PARTICIPANT, "acct_m", new Participant("acct_m", ParticipantRole.MERCHANT,
                        "Shop", "US", "USD", 5411, "US00 1234", 290, Map.of("USD", new Id128(1, 2), "CNY", new Id128(3, 4)),
                        List.of(), Map.of("k", "v"), 11)),
                new RecordChange(RecordKind.API_KEY, "key_1", new ApiKey("key_1", "acct_m", "ci", new byte[32], "abcd", 12, 0)),
                new RecordChange(RecordKind.CUSTOMER, "cus_1", new Customer("cus_1", "acct_w", "Li",
                        Map.of("CNY", new Id128(5, 6)), Map.of(), 13, "verified")),
                new RecordChange(RecordKind.TOP_UP, "tu_1", new TopUp("tu_1", "acct_w", "cus_1", 900, "CNY", new Id128(9, 9), 14, null)),
                new RecordChange(RecordKind.PAYMENT_INTENT, "pi_1", INTENT),
                new RecordChange(RecordKind.PAYMENT_INTENT, "pi_2", BARE_INTENT),
                new RecordChange(RecordKind.REFUND, "re_1", new Refund("re_1", "acct_m", "pi_1", 100, "USD", "duplicate",
                        Map.of("a", "b"), new Id128(1, 1), 15)),
                new RecordChange(RecordKind.IDEMPOTENCY, "acct_m k", new IdempotencyRecord("acct_m", "k", "f00d",
                        Reply.of(402, RecordKind.PAYMENT_INTENT, INTENT), 16)),
                new RecordChange(RecordKind.IDEMPOTENCY, "acct_m e", new IdempotencyRecord("acct_m", "e", "beef",
                        Reply.error(new StoredError(400, "invalid_request_error", "amount_invalid", "Bad.", "amount")), 17)),
                new RecordChange(RecordKind.EVENT, "evt_1", new Event("evt_1", "acct_m", "payment_intent.created",
                        RecordKind.PAYMENT_INTENT, BARE_INTENT, 18)),
                new RecordChange(RecordKind.WEBHOOK_ENDPOINT, "we_1", new WebhookEndpoint("we_1", "acct_m",
                        "https://example.com/hooks", List.of("*"),
                        List.of(new SigningSecret("whsec_new", 0), new SigningSecret("whsec_old", 99)), false, 19)),
                new RecordChange(RecordKind.DELIVERY, "evt_1/we_1", new Delivery("evt_1/we_1", "evt_1", "we_1", "acct_m",
                        DeliveryStatus.PENDING, 2, 20, 30, 500, "HTTP 500")),
                new RecordChange(RecordKind.PARTICIPANT, "acct_i", new Participant("acct_i", ParticipantRole.ISSUER,
                        "Bank", "CN", "CNY", 0, "", 0, Map.of("CNY", new Id128(3, 5)), List.of("621234", "62123456789"),
                        Map.of(), 21)),
                new RecordChange(RecordKind.CARD, "card_1", new Card("card_1", "acct_i", "unionpay", "621234", "4321",
                        12, 2031, "ab".repeat(32), "C001ABCDEFGHIJKLMNOPQRSTUVWXY", new byte[] {1, 2, 3, 4, 5, 6}, 22)),
                new RecordChange(RecordKind.DEVICE_TOKEN, "tok_1", new DeviceToken("tok_1", "acct_w", "card_1", "acct_i",
                        "unionpay", "6258190012345678", "C001ABCDEFGHIJKLMNOPQRSTUVWXY", "phone-1", TokenDomain.IN_APP,
                        TokenStatus.SUSPENDED, new byte[] {9, 8, 7}, 41, "4321", 23)),
                new RecordChange(RecordKind.DEVICE_TOKEN, "tok_2", BALANCE_TOKEN),
                new RecordChange(RecordKind.IDEMPOTENCY, "acct_w d", new IdempotencyRecord("acct_w", "d", "cafe",
                        Reply.error(new StoredError(402, "payment_error", "insufficient_funds", "Low.", "payment_method",
                                "51")), 29)),
                new RecordChange(RecordKind.TOP_UP, "tu_2", CARD_TOP_UP),
                new RecordChange(RecordKind.CARD_AUTHORIZATION, "auth_1", new CardAuthorization("auth_1", "acct_m",
                        "pi_3", "tok_1", "acct_i", 1_000_042, "TAP00001", TokenDomain.CONTACTLESS, 700, "CNY",
                        AuthorizationStatus.REVERSAL_PENDING, "00", "123456", 2, 24)),
                new RecordChange(RecordKind.PAYMENT_INTENT, "pi_3", CARD_INTENT),
                new RecordChange(RecordKind.QR_CODE, "qr_1", new QrCode("qr_1", "acct_m", 1_250, "USD", "order 7",
                        "000201010212…6304ABCD", "pi_3", 26)),
                new RecordChange(RecordKind.WALLET_TRANSFER, "wtr_1", new WalletTransfer("wtr_1", "acct_w", "cus_1", "cus_2",
                        4_200, "CNY", "dinner", new Id128(5, 5), 27)),
                new RecordChange(RecordKind.WITHDRAWAL, "wd_1", new Withdrawal("wd_1", "acct_w", "cus_1", 1_000, "CNY",
                        new Id128(6, 6), 28)),
                new RecordChange(RecordKind.PAYMENT_CODE, "pcd_1", new PaymentCode("pcd_1", "acct_w", "cus_1",
                        "281234567890123456", 90, "pi_9", 29)),
                new RecordChange(RecordKind.PAYMENT_INTENT, "pi_4", FX_INTENT),
                new RecordChange(RecordKind.FX_QUOTE, FX_QUOTE.id(), FX_QUOTE),
                new RecordChange(RecordKind.FX_RESIDUE, "fxres_CNY", new FxResidue("fxres_CNY", "CNY", new Id128(8, 8),
                        123_456_789, 31)),
                new RecordChange(RecordKind.ESCROW, "esc_1", new Escrow("esc_1", "acct_mp", "pi_4", "acct_m", 9_000,
                        "CNY", new Id128(7, 7), 3_600, 31, "acct_w", "cus_1", 9_000, 2_500, 6_500, 25, 30)),
                new RecordChange(RecordKind.KYC_TIER, "kyct_1", new KycTier("kyct_1", "acct_w", "verified",
                        Map.of("CNY", new TierLimits(500_000, 2_000_000, 0), "USD", TierLimits.NONE), 5_000_000, 30, 31)),
                new RecordChange(RecordKind.LIMIT_USAGE, "cus_1", new LimitUsage("cus_1", "acct_w", 20_420, 2025,
                        Map.of("CNY", 4_200L), Map.of("CNY", 84_200L, "USD", 7L), 1_250, 32)),
                new RecordChange(RecordKind.SETTLEMENT_WINDOW, "sw_1", new SettlementWindow("sw_1", "USD", 2,
                        WindowStatus.SETTLED, new Id128(9, 9), 40, 90, List.of(
                                new NetPosition("acct_m", new Id128(3, 3), 1_029, 10_000, -29, -1_000),
                                new NetPosition("acct_w", new Id128(4, 4), 10_000, 0, 0, 0)),
                        1_000, 29, List.of(new Id128(10, 1), new Id128(10, 2)), 32, 33, 34)),
                new RecordChange(RecordKind.NET_DEBIT_CAP, "ndc_acct_w_USD", new NetDebitCap("ndc_acct_w_USD", "acct_w",
                        "USD", 50_000, 35)));
    }
}
