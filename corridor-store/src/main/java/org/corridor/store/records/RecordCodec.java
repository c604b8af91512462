package org.corridor.store.records;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.core.Id128;
import org.corridor.core.escrow.Escrow;
import org.corridor.core.card.Card;
import org.corridor.core.card.CardAuthorization;
import org.corridor.core.card.DeviceToken;
import org.corridor.core.exchange.FxQuote;
import org.corridor.core.exchange.FxResidue;
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
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;
import org.corridor.core.payment.PaymentMethod;
import org.corridor.core.payment.Refund;
import org.corridor.core.qr.QrCode;
import org.corridor.core.settlement.NetDebitCap;
import org.corridor.core.settlement.SettlementWindow;
import org.corridor.core.wallet.PaymentCode;
import org.corridor.core.wallet.WalletTransfer;
import org.corridor.core.wallet.Withdrawal;
import org.corridor.core.state.IdempotencyRecord;
import org.corridor.core.state.RecordKind;
import org.corridor.core.state.Reply;
import org.corridor.core.state.StoredError;
import org.corridor.core.webhook.Delivery;
import org.corridor.core.webhook.DeliveryStatus;
import org.corridor.core.webhook.Event;
import org.corridor.core.webhook.SigningSecret;
import org.corridor.core.webhook.WebhookEndpoint;

/**
 * The stored form of the switch's objects: a format version, then fixed-order fields (big-endian numbers,
 * modified UTF-8 strings, enums by name so that reordering an enum never changes a stored value).
 *
 * <p>Version 2 added issuers' BIN prefixes to participants and the decline code to payment errors; version 1
 * records still decode (with neither). Version 3 added a payment intent's currency conversion, the paying device
 * token to top-ups, the funding balance (customer and currency) to device tokens and the issuer's decline code to
 * error replies, and the KYC tier to customers; older records decode without a conversion, as funding-account top-ups,
 * card tokens, errors no issuer answered and customers without a tier.
 */
public final class RecordCodec {
    private static final int FORMAT_VERSION = 3;
    private static final int FORMAT_VERSION_MIN = 1;
    /** A decoded collection longer than this means the bytes are not a record. */
    private static final int ENTRIES_MAX = 4096;
    /** A nested record (an idempotency reply, an event's object) larger than this is corrupt. */
    private static final int NESTED_BYTES_MAX = 1 << 20;

    private RecordCodec() {}

    public static byte[] encode(RecordKind kind, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT_VERSION);
            write(out, kind, value);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** Decodes what {@link #encode} wrote; bytes that are not such a record throw {@link IllegalArgumentException}. */
    public static Object decode(RecordKind kind, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version < FORMAT_VERSION_MIN || version > FORMAT_VERSION) throw new IOException("format version " + version);
            Object value = read(in, kind, version);
            if (in.read() != -1) throw new IOException("bytes after the last field");
            return value;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("a stored " + kind.storedName() + " is corrupt: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, RecordKind kind, Object value) throws IOException {
        switch (kind) {
            case PARTICIPANT -> writeParticipant(out, (Participant) value);
            case API_KEY -> writeApiKey(out, (ApiKey) value);
            case CUSTOMER -> writeCustomer(out, (Customer) value);
            case TOP_UP -> writeTopUp(out, (TopUp) value);
            case PAYMENT_INTENT -> writeIntent(out, (PaymentIntent) value);
            case REFUND -> writeRefund(out, (Refund) value);
            case IDEMPOTENCY -> writeIdempotency(out, (IdempotencyRecord) value);
            case EVENT -> writeEvent(out, (Event) value);
            case WEBHOOK_ENDPOINT -> writeEndpoint(out, (WebhookEndpoint) value);
            case DELIVERY -> writeDelivery(out, (Delivery) value);
            case ERROR -> writeError(out, (StoredError) value);
            case CARD -> CardRecords.writeCard(out, (Card) value);
            case DEVICE_TOKEN -> CardRecords.writeToken(out, (DeviceToken) value);
            case CARD_AUTHORIZATION -> CardRecords.writeAuthorization(out, (CardAuthorization) value);
            case QR_CODE -> writeQrCode(out, (QrCode) value);
            case WALLET_TRANSFER -> writeWalletTransfer(out, (WalletTransfer) value);
            case WITHDRAWAL -> writeWithdrawal(out, (Withdrawal) value);
            case PAYMENT_CODE -> writePaymentCode(out, (PaymentCode) value);
            case FX_QUOTE -> FxRecords.writeQuote(out, (FxQuote) value);
            case FX_RESIDUE -> FxRecords.writeResidue(out, (FxResidue) value);
            case ESCROW -> writeEscrow(out, (Escrow) value);
            case KYC_TIER -> writeTier(out, (KycTier) value);
            case LIMIT_USAGE -> writeUsage(out, (LimitUsage) value);
            case SETTLEMENT_WINDOW -> SettlementRecords.writeWindow(out, (SettlementWindow) value);
            case NET_DEBIT_CAP -> SettlementRecords.writeCap(out, (NetDebitCap) value);
        }
    }

    private static Object read(DataInputStream in, RecordKind kind, int version) throws IOException {
        return switch (kind) {
            case PARTICIPANT -> readParticipant(in, version);
            case API_KEY -> readApiKey(in);
            case CUSTOMER -> readCustomer(in, version);
            case TOP_UP -> new TopUp(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readUTF(), readId(in),
                    in.readLong(), version >= 3 ? readMethod(in) : null);
            case PAYMENT_INTENT -> readIntent(in, version);
            case REFUND -> new Refund(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readUTF(),
                    in.readUTF(), readStrings(in), readId(in), in.readLong());
            case IDEMPOTENCY -> readIdempotency(in);
            case EVENT -> readEvent(in);
            case WEBHOOK_ENDPOINT -> readEndpoint(in);
            case DELIVERY -> new Delivery(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                    DeliveryStatus.valueOf(in.readUTF()), in.readInt(), in.readLong(), in.readLong(), in.readInt(),
                    in.readUTF());
            case ERROR -> new StoredError(in.readInt(), in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                    version >= 3 ? in.readUTF() : "");
            case CARD -> CardRecords.readCard(in);
            case DEVICE_TOKEN -> CardRecords.readToken(in, version);
            case CARD_AUTHORIZATION -> CardRecords.readAuthorization(in);
            case QR_CODE -> new QrCode(in.readUTF(), in.readUTF(), in.readLong(), in.readUTF(), in.readUTF(), in.readUTF(),
                    in.readUTF(), in.readLong());
            case WALLET_TRANSFER -> new WalletTransfer(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(),
                    in.readUTF(), in.readUTF(), readId(in), in.readLong());
            case WITHDRAWAL -> new Withdrawal(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readUTF(),
                    readId(in), in.readLong());
            case PAYMENT_CODE -> new PaymentCode(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(),
                    in.readUTF(), in.readLong());
            case FX_QUOTE -> FxRecords.readQuote(in);
            case FX_RESIDUE -> FxRecords.readResidue(in);
            case ESCROW -> new Escrow(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readUTF(),
                    readId(in), in.readLong(), in.readLong(), in.readUTF(), in.readUTF(), in.readLong(), in.readLong(),
                    in.readLong(), in.readLong(), in.readLong());
            case KYC_TIER -> readTier(in);
            case LIMIT_USAGE -> new LimitUsage(in.readUTF(), in.readUTF(), in.readLong(), in.readInt(), readMap(in,
                    DataInputStream::readLong), readMap(in, DataInputStream::readLong), in.readLong(), in.readLong());
            case SETTLEMENT_WINDOW -> SettlementRecords.readWindow(in);
            case NET_DEBIT_CAP -> SettlementRecords.readCap(in);
        };
    }

    private static void writeParticipant(DataOutputStream out, Participant p) throws IOException {
        out.writeUTF(p.id());
        out.writeUTF(p.role().name());
        out.writeUTF(p.name());
        out.writeUTF(p.country());
        out.writeUTF(p.settlementCurrency());
        out.writeInt(p.merchantCategoryCode());
        out.writeUTF(p.payoutAccount());
        out.writeInt(p.feeBasisPoints());
        writeAccounts(out, p.accounts());
        writeStrings(out, p.metadata());
        out.writeLong(p.createdAt());
        writeList(out, p.binPrefixes());
    }

    private static Participant readParticipant(DataInputStream in, int version) throws IOException {
        String id = in.readUTF();
        ParticipantRole role = ParticipantRole.valueOf(in.readUTF());
        String name = in.readUTF();
        String country = in.readUTF();
        String settlement = in.readUTF();
        int mcc = in.readInt();
        String payout = in.readUTF();
        int fee = in.readInt();
        Map<String, Id128> accounts = readAccounts(in);
        Map<String, String> metadata = readStrings(in);
        long createdAt = in.readLong();
        List<String> bins = version >= 2 ? readList(in) : List.of();
        return new Participant(id, role, name, country, settlement, mcc, payout, fee, accounts, bins, metadata, createdAt);
    }

    private static void writeApiKey(DataOutputStream out, ApiKey k) throws IOException {
        out.writeUTF(k.id());
        out.writeUTF(k.ownerId());
        out.writeUTF(k.name());
        writeBytes(out, k.secretHash());
        out.writeUTF(k.lastFour());
        out.writeLong(k.createdAt());
        out.writeLong(k.revokedAt());
    }

    private static ApiKey readApiKey(DataInputStream in) throws IOException {
        return new ApiKey(in.readUTF(), in.readUTF(), in.readUTF(), readBytes(in), in.readUTF(), in.readLong(),
                in.readLong());
    }

    private static void writeCustomer(DataOutputStream out, Customer c) throws IOException {
        out.writeUTF(c.id());
        out.writeUTF(c.ownerId());
        out.writeUTF(c.name());
        writeAccounts(out, c.accounts());
        writeStrings(out, c.metadata());
        out.writeLong(c.createdAt());
        out.writeUTF(c.kycTier());
    }

    private static Customer readCustomer(DataInputStream in, int version) throws IOException {
        return new Customer(in.readUTF(), in.readUTF(), in.readUTF(), readAccounts(in), readStrings(in), in.readLong(),
                version >= 3 ? in.readUTF() : "");
    }

    private static void writeTier(DataOutputStream out, KycTier t) throws IOException {
        out.writeUTF(t.id());
        out.writeUTF(t.ownerId());
        out.writeUTF(t.name());
        writeMap(out, t.limits(), (to, limits) -> {
            to.writeLong(limits.perPaymentMinor());
            to.writeLong(limits.dailyMinor());
            to.writeLong(limits.yearlyMinor());
        });
        out.writeLong(t.crossBorderYearlyUsdMinor());
        out.writeLong(t.createdAt());
        out.writeLong(t.updatedAt());
    }

    private static KycTier readTier(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String owner = in.readUTF();
        String name = in.readUTF();
        Map<String, TierLimits> limits = readMap(in, from -> new TierLimits(from.readLong(), from.readLong(),
                from.readLong()));
        return new KycTier(id, owner, name, limits, in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeUsage(DataOutputStream out, LimitUsage u) throws IOException {
        out.writeUTF(u.id());
        out.writeUTF(u.ownerId());
        out.writeLong(u.epochDay());
        out.writeInt(u.year());
        writeMap(out, u.dailyMinor(), DataOutputStream::writeLong);
        writeMap(out, u.yearlyMinor(), DataOutputStream::writeLong);
        out.writeLong(u.crossBorderUsdMinor());
        out.writeLong(u.createdAt());
    }


    private static void writeTopUp(DataOutputStream out, TopUp t) throws IOException {
        out.writeUTF(t.id());
        out.writeUTF(t.ownerId());
        out.writeUTF(t.customerId());
        out.writeLong(t.amountMinor());
        out.writeUTF(t.currency());
        writeId(out, t.transferId());
        out.writeLong(t.createdAt());
        writeMethod(out, t.paymentMethod());
    }

    private static void writeIntent(DataOutputStream out, PaymentIntent pi) throws IOException {
        out.writeUTF(pi.id());
        out.writeUTF(pi.ownerId());
        out.writeLong(pi.amountMinor());
        out.writeUTF(pi.currency());
        out.writeUTF(pi.captureMethod().name());
        out.writeUTF(pi.status().name());
        out.writeUTF(pi.description());
        writeStrings(out, pi.metadata());
        out.writeUTF(pi.clientSecret());
        writeMethod(out, pi.paymentMethod());
        out.writeLong(pi.amountCapturable());
        out.writeLong(pi.amountReceived());
        out.writeLong(pi.amountRefunded());
        out.writeLong(pi.feeMinor());
        writeId(out, pi.reservationId());
        out.writeBoolean(pi.lastPaymentError() != null);
        if (pi.lastPaymentError() != null) {
            out.writeUTF(pi.lastPaymentError().code());
            out.writeUTF(pi.lastPaymentError().message());
            out.writeUTF(pi.lastPaymentError().declineCode());
        }
        out.writeUTF(pi.cancellationReason());
        out.writeLong(pi.createdAt());
        FxRecords.writeConversion(out, pi.conversion());
    }

    private static PaymentIntent readIntent(DataInputStream in, int version) throws IOException {
        return new PaymentIntent(in.readUTF(), in.readUTF(), in.readLong(), in.readUTF(),
                CaptureMethod.valueOf(in.readUTF()), PaymentIntentStatus.valueOf(in.readUTF()), in.readUTF(),
                readStrings(in), in.readUTF(), readMethod(in), in.readLong(), in.readLong(), in.readLong(),
                in.readLong(), readId(in), in.readBoolean() ? readError(in, version) : null, in.readUTF(),
                in.readLong(), version >= 3 ? FxRecords.readConversion(in) : null);
    }

    private static PaymentError readError(DataInputStream in, int version) throws IOException {
        String code = in.readUTF();
        String message = in.readUTF();
        return new PaymentError(code, message, version >= 2 ? in.readUTF() : "");
    }

    private static void writeMethod(DataOutputStream out, PaymentMethod method) throws IOException {
        switch (method) {
            case null -> out.writeUTF("");
            case PaymentMethod.CustomerBalance balance -> {
                out.writeUTF(balance.type());
                out.writeUTF(balance.customerId());
            }
            case PaymentMethod.DeviceToken token -> {
                out.writeUTF(token.type());
                CardRecords.writeMethod(out, token);
            }
        }
    }

    private static PaymentMethod readMethod(DataInputStream in) throws IOException {
        String type = in.readUTF();
        return switch (type) {
            case "" -> null;
            case "customer_balance" -> new PaymentMethod.CustomerBalance(in.readUTF());
            case "device_token" -> CardRecords.readMethod(in);
            default -> throw new IOException("unknown payment method type " + type);
        };
    }

    private static void writeQrCode(DataOutputStream out, QrCode q) throws IOException {
        out.writeUTF(q.id());
        out.writeUTF(q.ownerId());
        out.writeLong(q.amountMinor());
        out.writeUTF(q.currency());
        out.writeUTF(q.reference());
        out.writeUTF(q.payload());
        out.writeUTF(q.paymentIntentId());
        out.writeLong(q.createdAt());
    }

    private static void writeWalletTransfer(DataOutputStream out, WalletTransfer t) throws IOException {
        out.writeUTF(t.id());
        out.writeUTF(t.ownerId());
        out.writeUTF(t.fromCustomerId());
        out.writeUTF(t.toCustomerId());
        out.writeLong(t.amountMinor());
        out.writeUTF(t.currency());
        out.writeUTF(t.description());
        writeId(out, t.transferId());
        out.writeLong(t.createdAt());
    }

    private static void writePaymentCode(DataOutputStream out, PaymentCode c) throws IOException {
        out.writeUTF(c.id());
        out.writeUTF(c.ownerId());
        out.writeUTF(c.customerId());
        out.writeUTF(c.code());
        out.writeLong(c.expiresAt());
        out.writeUTF(c.paymentIntentId());
        out.writeLong(c.createdAt());
    }

    private static void writeEscrow(DataOutputStream out, Escrow e) throws IOException {
        out.writeUTF(e.id());
        out.writeUTF(e.ownerId());
        out.writeUTF(e.paymentIntentId());
        out.writeUTF(e.sellerId());
        out.writeLong(e.amountMinor());
        out.writeUTF(e.currency());
        writeId(out, e.accountId());
        out.writeLong(e.releaseAfterSeconds());
        out.writeLong(e.releaseAt());
        out.writeUTF(e.buyerProviderId());
        out.writeUTF(e.customerId());
        out.writeLong(e.amountHeld());
        out.writeLong(e.amountReleased());
        out.writeLong(e.amountRefunded());
        out.writeLong(e.feeMinor());
        out.writeLong(e.createdAt());
    }

    private static void writeWithdrawal(DataOutputStream out, Withdrawal w) throws IOException {
        out.writeUTF(w.id());
        out.writeUTF(w.ownerId());
        out.writeUTF(w.customerId());
        out.writeLong(w.amountMinor());
        out.writeUTF(w.currency());
        writeId(out, w.transferId());
        out.writeLong(w.createdAt());
    }

    private static void writeRefund(DataOutputStream out, Refund r) throws IOException {
        out.writeUTF(r.id());
        out.writeUTF(r.ownerId());
        out.writeUTF(r.paymentIntentId());
        out.writeLong(r.amountMinor());
        out.writeUTF(r.currency());
        out.writeUTF(r.reason());
        writeStrings(out, r.metadata());
        writeId(out, r.transferId());
        out.writeLong(r.createdAt());
    }

    private static void writeIdempotency(DataOutputStream out, IdempotencyRecord r) throws IOException {
        out.writeUTF(r.ownerId());
        out.writeUTF(r.key());
        out.writeUTF(r.fingerprint());
        out.writeInt(r.reply().status());
        writeNested(out, r.reply().bodyKind(), r.reply().body());
        out.writeLong(r.createdAt());
    }

    private static IdempotencyRecord readIdempotency(DataInputStream in) throws IOException {
        String owner = in.readUTF();
        String key = in.readUTF();
        String fingerprint = in.readUTF();
        int status = in.readInt();
        RecordKind bodyKind = RecordKind.ofStoredName(in.readUTF());
        Object body = decode(bodyKind, readBytes(in));
        return new IdempotencyRecord(owner, key, fingerprint, new Reply(status, bodyKind, body), in.readLong());
    }

    private static void writeEvent(DataOutputStream out, Event e) throws IOException {
        out.writeUTF(e.id());
        out.writeUTF(e.ownerId());
        out.writeUTF(e.type());
        writeNested(out, e.objectKind(), e.object());
        out.writeLong(e.createdAt());
    }

    private static Event readEvent(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String owner = in.readUTF();
        String type = in.readUTF();
        RecordKind kind = RecordKind.ofStoredName(in.readUTF());
        Object object = decode(kind, readBytes(in));
        return new Event(id, owner, type, kind, object, in.readLong());
    }

    private static void writeEndpoint(DataOutputStream out, WebhookEndpoint e) throws IOException {
        out.writeUTF(e.id());
        out.writeUTF(e.ownerId());
        out.writeUTF(e.url());
        out.writeInt(e.enabledEvents().size());
        for (String type : e.enabledEvents()) out.writeUTF(type);
        out.writeInt(e.secrets().size());
        for (SigningSecret secret : e.secrets()) {
            out.writeUTF(secret.secret());
            out.writeLong(secret.expiresAt());
        }
        out.writeBoolean(e.disabled());
        out.writeLong(e.createdAt());
    }

    private static WebhookEndpoint readEndpoint(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String owner = in.readUTF();
        String url = in.readUTF();
        List<String> types = new ArrayList<>();
        for (int i = 0, n = count(in); i < n; i++) types.add(in.readUTF());
        List<SigningSecret> secrets = new ArrayList<>();
        for (int i = 0, n = count(in); i < n; i++) secrets.add(new SigningSecret(in.readUTF(), in.readLong()));
        return new WebhookEndpoint(id, owner, url, types, secrets, in.readBoolean(), in.readLong());
    }

    private static void writeDelivery(DataOutputStream out, Delivery d) throws IOException {
        out.writeUTF(d.id());
        out.writeUTF(d.eventId());
        out.writeUTF(d.endpointId());
        out.writeUTF(d.ownerId());
        out.writeUTF(d.status().name());
        out.writeInt(d.attempts());
        out.writeLong(d.firstAttemptAt());
        out.writeLong(d.nextAttemptAt());
        out.writeInt(d.lastStatusCode());
        out.writeUTF(d.lastError());
    }

    private static void writeError(DataOutputStream out, StoredError e) throws IOException {
        out.writeInt(e.status());
        out.writeUTF(e.type());
        out.writeUTF(e.code());
        out.writeUTF(e.message());
        out.writeUTF(e.param());
        out.writeUTF(e.declineCode());
    }

    private static void writeNested(DataOutputStream out, RecordKind kind, Object value) throws IOException {
        out.writeUTF(kind.storedName());
        writeBytes(out, encode(kind, value));
    }

    private static void writeAccounts(DataOutputStream out, Map<String, Id128> accounts) throws IOException {
        writeMap(out, accounts, RecordCodec::writeId);
    }

    private static Map<String, Id128> readAccounts(DataInputStream in) throws IOException {
        return readMap(in, RecordCodec::readId);
    }

    private static void writeStrings(DataOutputStream out, Map<String, String> map) throws IOException {
        writeMap(out, map, DataOutputStream::writeUTF);
    }

    private static Map<String, String> readStrings(DataInputStream in) throws IOException {
        return readMap(in, from -> from.readUTF());
    }

    /** Writes one value of a map. */
    @FunctionalInterface
    private interface ValueWriter<V> {
        void write(DataOutputStream out, V value) throws IOException;
    }

    /** Reads one value of a map. */
    @FunctionalInterface
    private interface ValueReader<V> {
        V read(DataInputStream in) throws IOException;
    }

    /** A map keyed by strings: its size, then each key and value in key order, so that equal maps encode alike. */
    private static <V> void writeMap(DataOutputStream out, Map<String, V> map, ValueWriter<V> value) throws IOException {
        out.writeInt(map.size());
        for (Map.Entry<String, V> entry : new TreeMap<>(map).entrySet()) {
            out.writeUTF(entry.getKey());
            value.write(out, entry.getValue());
        }
    }

    private static <V> Map<String, V> readMap(DataInputStream in, ValueReader<V> value) throws IOException {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0, n = count(in); i < n; i++) map.put(in.readUTF(), value.read(in));
        return map;
    }

    static void writeList(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) out.writeUTF(value);
    }

    static List<String> readList(DataInputStream in) throws IOException {
        List<String> values = new ArrayList<>();
        for (int i = 0, n = count(in); i < n; i++) values.add(in.readUTF());
        return values;
    }

    static void writeId(DataOutputStream out, Id128 id) throws IOException {
        out.writeLong(id.high());
        out.writeLong(id.low());
    }

    static Id128 readId(DataInputStream in) throws IOException {
        return new Id128(in.readLong(), in.readLong());
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > NESTED_BYTES_MAX) throw new IOException("a field of " + length + " bytes");
        return in.readNBytes(length);
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > ENTRIES_MAX) throw new IOException("a collection of " + n + " entries");
        return n;
    }
}
