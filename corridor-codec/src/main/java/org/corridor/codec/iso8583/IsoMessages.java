package org.corridor.codec.iso8583;

import com.solab.iso8583.IsoMessage;
import com.solab.iso8583.IsoType;
import com.solab.iso8583.MessageFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes {@link CardMessage}s to ISO 8583:1987 bytes and decodes bytes back, with j8583 doing the field
 * work from the layouts in {@value #CONFIG_RESOURCE}.
 *
 * <p>Decoding treats its input as hostile: it is bounded by {@link #MESSAGE_BYTES_MAX}, every failure comes
 * out as an {@link IsoFormatException} whose message never quotes the input, and a message must use exactly
 * the bytes it was given. An instance is safe to share between threads once built: j8583's factory is frozen
 * and only read.
 */
public final class IsoMessages {
    /** The classpath resource holding the field layouts. */
    public static final String CONFIG_RESOURCE = "iso8583/corridor-1987.xml";
    /** The largest encoded message accepted or produced; a full Corridor message is under 700 bytes. */
    public static final int MESSAGE_BYTES_MAX = 1024;
    /** The shortest possible message: a four-digit MTI and the eight-byte primary bitmap. */
    public static final int MESSAGE_BYTES_MIN = 12;

    private static final int[] FIELDS = {2, 3, 4, 7, 11, 12, 13, 14, 18, 22, 37, 38, 39, 41, 42, 49, 55, 70};
    private static final Map<Integer, Currency> CURRENCIES_BY_NUMERIC_CODE = currenciesByNumericCode();

    private final MessageFactory<IsoMessage> factory;

    /** Reads the field layouts from {@value #CONFIG_RESOURCE}. */
    public IsoMessages() {
        factory = new MessageFactory<>();
        factory.setCharacterEncoding(StandardCharsets.US_ASCII.name());
        factory.setUseBinaryBitmap(true);
        try {
            factory.setConfigPath(CONFIG_RESOURCE);
        } catch (IOException missing) {
            throw new UncheckedIOException("cannot read " + CONFIG_RESOURCE, missing);
        }
        factory.freeze();
    }

    /** The message's bytes, without a length prefix (see {@link LengthPrefixFraming}). */
    public byte[] encode(CardMessage message) {
        IsoMessage iso = factory.newMessage(message.mti().code());
        iso.setBinaryBitmap(true);
        iso.setCharacterEncoding(StandardCharsets.US_ASCII.name());
        setText(iso, 2, IsoType.LLVAR, 19, message.pan());
        setText(iso, 3, IsoType.NUMERIC, 6, message.processingCode());
        if (message.amountMinor() != null) {
            iso.setValue(4, String.format("%012d", message.amountMinor()), IsoType.NUMERIC, 12);
        }
        setText(iso, 7, IsoType.NUMERIC, 10, message.transmissionDateTime());
        if (message.stan() != null) iso.setValue(11, String.format("%06d", message.stan()), IsoType.NUMERIC, 6);
        setText(iso, 12, IsoType.NUMERIC, 6, message.localTime());
        setText(iso, 13, IsoType.NUMERIC, 4, message.localDate());
        setText(iso, 14, IsoType.NUMERIC, 4, message.expiry());
        setText(iso, 18, IsoType.NUMERIC, 4, message.merchantCategoryCode());
        setText(iso, 22, IsoType.NUMERIC, 3, message.posEntryMode());
        setText(iso, 37, IsoType.ALPHA, 12, message.retrievalReferenceNumber());
        setText(iso, 38, IsoType.ALPHA, 6, message.authorizationCode());
        setText(iso, 39, IsoType.ALPHA, 2, message.responseCode());
        setText(iso, 41, IsoType.ALPHA, 8, message.terminalId());
        setText(iso, 42, IsoType.ALPHA, 15, message.merchantId());
        if (message.currency() != null) {
            iso.setValue(49, String.format("%03d", message.currency().getNumericCode()), IsoType.NUMERIC, 3);
        }
        byte[] emvData = message.emvData();
        if (emvData != null) iso.setValue(55, emvData, IsoType.LLLBIN, 0);
        setText(iso, 70, IsoType.NUMERIC, 3, message.networkManagementCode());
        byte[] bytes = iso.writeData();
        if (bytes.length > MESSAGE_BYTES_MAX) {
            throw new IllegalStateException("encoded message has " + bytes.length + " bytes, over " + MESSAGE_BYTES_MAX);
        }
        return bytes;
    }

    /**
     * The typed view of one message's bytes (without a length prefix).
     *
     * @throws IsoFormatException when the bytes are not exactly one well-formed message of a type Corridor
     *     speaks, with every data element in its format
     */
    public CardMessage decode(byte[] bytes) throws IsoFormatException {
        if (bytes == null) throw new IsoFormatException("message is missing");
        if (bytes.length < MESSAGE_BYTES_MIN || bytes.length > MESSAGE_BYTES_MAX) {
            throw new IsoFormatException("message must have " + MESSAGE_BYTES_MIN + " to " + MESSAGE_BYTES_MAX
                    + " bytes, has " + bytes.length);
        }
        // The type is checked before j8583 sees the bytes: for a type without a layout it logs the whole
        // message, PAN included.
        Mti mti = parseMti(bytes);
        IsoMessage iso = parse(bytes);
        if (iso.getType() != mti.code()) throw new IsoFormatException("message type changed while parsing");
        for (int field = 2; field <= 128; field++) {
            if (iso.hasField(field) && !known(field)) {
                throw new IsoFormatException("DE" + field + " is not in Corridor's layout");
            }
        }
        CardMessage message = toCardMessage(mti, iso);
        int encodedLength = encode(message).length;
        if (encodedLength != bytes.length) {
            throw new IsoFormatException("message has " + (bytes.length - encodedLength) + " bytes left after its last field");
        }
        return message;
    }

    private static Mti parseMti(byte[] bytes) throws IsoFormatException {
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) throw new IsoFormatException("MTI must be four ASCII digits");
            code = (code << 4) | digit;
        }
        final int parsed = code;
        return Mti.of(parsed).orElseThrow(
                () -> new IsoFormatException("MTI " + String.format("%04x", parsed) + " is not one Corridor speaks"));
    }

    private IsoMessage parse(byte[] bytes) throws IsoFormatException {
        IsoMessage iso;
        try {
            iso = factory.parseMessage(bytes, 0);
        } catch (ParseException malformed) {
            // j8583's messages can quote the input, which may hold a PAN: report only where it stopped.
            throw new IsoFormatException("malformed message near byte " + malformed.getErrorOffset());
        } catch (IOException | RuntimeException malformed) {
            throw new IsoFormatException("malformed message (" + malformed.getClass().getSimpleName() + ")");
        }
        if (iso == null) throw new IsoFormatException("malformed message: a field outside the layout");
        return iso;
    }

    private static CardMessage toCardMessage(Mti mti, IsoMessage iso) throws IsoFormatException {
        try {
            CardMessage.Builder builder = CardMessage.builder(mti)
                    .pan(text(iso, 2))
                    .processingCode(text(iso, 3))
                    .transmissionDateTime(text(iso, 7))
                    .localTime(text(iso, 12))
                    .localDate(text(iso, 13))
                    .expiry(text(iso, 14))
                    .merchantCategoryCode(text(iso, 18))
                    .posEntryMode(text(iso, 22))
                    .retrievalReferenceNumber(text(iso, 37))
                    .authorizationCode(text(iso, 38))
                    .responseCode(text(iso, 39))
                    .terminalId(text(iso, 41))
                    .merchantId(text(iso, 42))
                    .networkManagementCode(text(iso, 70));
            if (iso.hasField(4)) builder.amountMinor(number(iso, 4));
            if (iso.hasField(11)) builder.stan((int) number(iso, 11));
            if (iso.hasField(49)) builder.currency(currency(number(iso, 49)));
            if (iso.hasField(55)) builder.emvData(bytes(iso, 55));
            return builder.build();
        } catch (IllegalArgumentException | ClassCastException malformed) {
            throw new IsoFormatException(malformed instanceof IllegalArgumentException
                    ? malformed.getMessage()
                    : "a data element has the wrong type");
        }
    }

    private static void setText(IsoMessage iso, int field, IsoType type, int length, String value) {
        if (value != null) iso.setValue(field, value, type, length);
    }

    /** A text element with the right-hand space padding removed, or {@code null} when absent. */
    private static String text(IsoMessage iso, int field) {
        if (!iso.hasField(field)) return null;
        Object value = iso.getObjectValue(field);
        if (!(value instanceof String text)) throw new IllegalArgumentException("DE" + field + " is not text");
        return iso.getField(field).getType() == IsoType.ALPHA ? text.stripTrailing() : text;
    }

    private static long number(IsoMessage iso, int field) {
        String digits = text(iso, field);
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("DE" + field + " must be digits only");
        }
        return Long.parseLong(digits);
    }

    private static byte[] bytes(IsoMessage iso, int field) {
        Object value = iso.getObjectValue(field);
        if (!(value instanceof byte[] bytes)) throw new IllegalArgumentException("DE" + field + " is not binary");
        return bytes;
    }

    private static Currency currency(long numericCode) {
        Currency currency = CURRENCIES_BY_NUMERIC_CODE.get((int) numericCode);
        if (currency == null) throw new IllegalArgumentException("DE49 " + numericCode + " is not an ISO 4217 currency");
        return currency;
    }

    private static boolean known(int field) {
        for (int candidate : FIELDS) {
            if (candidate == field) return true;
        }
        return false;
    }

    private static Map<Integer, Currency> currenciesByNumericCode() {
        Map<Integer, Currency> byCode = new HashMap<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            int code = currency.getNumericCode();
            if (code <= 0 || currency.getDefaultFractionDigits() < 0) continue;
            // Keep one currency per number, chosen the same way on every run whatever the set's order.
            byCode.merge(code, currency, (a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()) <= 0 ? a : b);
        }
        return Map.copyOf(byCode);
    }
}
