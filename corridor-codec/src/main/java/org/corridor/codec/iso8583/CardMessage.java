package org.corridor.codec.iso8583;

import java.util.Arrays;
import java.util.Currency;
import java.util.Objects;

/**
 * A typed view of one ISO 8583:1987 message as Corridor uses it. A {@code null} component means the data
 * element is absent. The constructor checks every present element against its wire format (length and
 * character class), so an instance can always be encoded; it does not check business rules such as the PAN's
 * Luhn digit or which elements a message type requires.
 *
 * @param mti message type indicator
 * @param pan DE2 primary account number, 12 to 19 digits
 * @param processingCode DE3, six digits ("000000" purchase of goods and services)
 * @param amountMinor DE4 transaction amount in the minor units of {@code currency}, 0 to 999,999,999,999
 * @param transmissionDateTime DE7, {@code MMddHHmmss} in UTC
 * @param stan DE11 system trace audit number, 0 to 999,999
 * @param localTime DE12, {@code HHmmss} at the card acceptor
 * @param localDate DE13, {@code MMdd} at the card acceptor
 * @param expiry DE14 card expiry, {@code yyMM}
 * @param merchantCategoryCode DE18, four digits
 * @param posEntryMode DE22, three digits: PAN entry mode (07 contactless chip, 81 e-commerce) then PIN capability
 * @param retrievalReferenceNumber DE37, 1 to 12 printable characters
 * @param authorizationCode DE38, 1 to 6 printable characters
 * @param responseCode DE39, two printable characters ("00" approved)
 * @param terminalId DE41, 1 to 8 printable characters
 * @param merchantId DE42, 1 to 15 printable characters
 * @param currency DE49 transaction currency, sent as its ISO 4217 numeric code
 * @param emvData DE55 EMV data as BER-TLV bytes, 1 to {@link #EMV_DATA_BYTES_MAX} bytes
 * @param networkManagementCode DE70, three digits ("301" echo test)
 */
public record CardMessage(
        Mti mti,
        String pan,
        String processingCode,
        Long amountMinor,
        String transmissionDateTime,
        Integer stan,
        String localTime,
        String localDate,
        String expiry,
        String merchantCategoryCode,
        String posEntryMode,
        String retrievalReferenceNumber,
        String authorizationCode,
        String responseCode,
        String terminalId,
        String merchantId,
        Currency currency,
        byte[] emvData,
        String networkManagementCode) {

    /** The largest DE4 amount: twelve digits. */
    public static final long AMOUNT_MINOR_MAX = 999_999_999_999L;
    /** The largest DE11 trace number: six digits. */
    public static final int STAN_MAX = 999_999;
    /** The largest DE55 payload Corridor carries (an EMV online message rarely passes 255 bytes). */
    public static final int EMV_DATA_BYTES_MAX = 255;
    /** DE22 PAN entry mode for a contactless chip read. */
    public static final String PAN_ENTRY_CONTACTLESS = "07";
    /** DE22 PAN entry mode for an e-commerce (card not present) payment. */
    public static final String PAN_ENTRY_ECOMMERCE = "81";
    /** DE70 network management code of an echo test. */
    public static final String NETWORK_MANAGEMENT_ECHO = "301";

    public CardMessage {
        Objects.requireNonNull(mti, "mti");
        digits("DE2 PAN", pan, 12, 19);
        digits("DE3 processing code", processingCode, 6, 6);
        if (amountMinor != null && (amountMinor < 0 || amountMinor > AMOUNT_MINOR_MAX)) {
            throw new IllegalArgumentException("DE4 amount must be 0 to " + AMOUNT_MINOR_MAX + " minor units");
        }
        digits("DE7 transmission date and time", transmissionDateTime, 10, 10);
        if (stan != null && (stan < 0 || stan > STAN_MAX)) {
            throw new IllegalArgumentException("DE11 STAN must be 0 to " + STAN_MAX);
        }
        digits("DE12 local time", localTime, 6, 6);
        digits("DE13 local date", localDate, 4, 4);
        digits("DE14 expiry", expiry, 4, 4);
        digits("DE18 merchant category code", merchantCategoryCode, 4, 4);
        digits("DE22 POS entry mode", posEntryMode, 3, 3);
        text("DE37 retrieval reference number", retrievalReferenceNumber, 1, 12);
        text("DE38 authorization code", authorizationCode, 1, 6);
        text("DE39 response code", responseCode, 2, 2);
        text("DE41 terminal id", terminalId, 1, 8);
        text("DE42 merchant id", merchantId, 1, 15);
        if (currency != null && (currency.getNumericCode() <= 0 || currency.getNumericCode() > 999)) {
            throw new IllegalArgumentException("DE49 currency has no ISO 4217 numeric code: " + currency);
        }
        if (emvData != null) {
            if (emvData.length == 0 || emvData.length > EMV_DATA_BYTES_MAX) {
                throw new IllegalArgumentException("DE55 must have 1 to " + EMV_DATA_BYTES_MAX + " bytes");
            }
            emvData = emvData.clone();
        }
        digits("DE70 network management code", networkManagementCode, 3, 3);
    }

    /** A builder with every data element absent. */
    public static Builder builder(Mti mti) {
        return new Builder(mti);
    }

    /** A copy of the DE55 bytes, or {@code null} when absent. */
    @Override
    public byte[] emvData() {
        return emvData == null ? null : emvData.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardMessage that
                && mti == that.mti
                && Objects.equals(pan, that.pan)
                && Objects.equals(processingCode, that.processingCode)
                && Objects.equals(amountMinor, that.amountMinor)
                && Objects.equals(transmissionDateTime, that.transmissionDateTime)
                && Objects.equals(stan, that.stan)
                && Objects.equals(localTime, that.localTime)
                && Objects.equals(localDate, that.localDate)
                && Objects.equals(expiry, that.expiry)
                && Objects.equals(merchantCategoryCode, that.merchantCategoryCode)
                && Objects.equals(posEntryMode, that.posEntryMode)
                && Objects.equals(retrievalReferenceNumber, that.retrievalReferenceNumber)
                && Objects.equals(authorizationCode, that.authorizationCode)
                && Objects.equals(responseCode, that.responseCode)
                && Objects.equals(terminalId, that.terminalId)
                && Objects.equals(merchantId, that.merchantId)
                && Objects.equals(currency, that.currency)
                && Arrays.equals(emvData, that.emvData)
                && Objects.equals(networkManagementCode, that.networkManagementCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mti, pan, stan, terminalId, retrievalReferenceNumber) * 31 + Arrays.hashCode(emvData);
    }

    /** Names the present elements without their secrets: the PAN shows first six and last four digits. */
    @Override
    public String toString() {
        return "CardMessage[" + mti.digits()
                + (pan == null ? "" : ", DE2=" + maskPan(pan))
                + (processingCode == null ? "" : ", DE3=" + processingCode)
                + (amountMinor == null ? "" : ", DE4=" + amountMinor)
                + (transmissionDateTime == null ? "" : ", DE7=" + transmissionDateTime)
                + (stan == null ? "" : ", DE11=" + stan)
                + (localTime == null ? "" : ", DE12=" + localTime)
                + (localDate == null ? "" : ", DE13=" + localDate)
                + (expiry == null ? "" : ", DE14=****")
                + (merchantCategoryCode == null ? "" : ", DE18=" + merchantCategoryCode)
                + (posEntryMode == null ? "" : ", DE22=" + posEntryMode)
                + (retrievalReferenceNumber == null ? "" : ", DE37=" + retrievalReferenceNumber)
                + (authorizationCode == null ? "" : ", DE38=" + authorizationCode)
                + (responseCode == null ? "" : ", DE39=" + responseCode)
                + (terminalId == null ? "" : ", DE41=" + terminalId)
                + (merchantId == null ? "" : ", DE42=" + merchantId)
                + (currency == null ? "" : ", DE49=" + currency.getCurrencyCode())
                + (emvData == null ? "" : ", DE55=" + emvData.length + " bytes")
                + (networkManagementCode == null ? "" : ", DE70=" + networkManagementCode)
                + "]";
    }

    /** The PAN with all but its first six and last four digits replaced by {@code *}. */
    static String maskPan(String pan) {
        return pan.substring(0, 6) + "*".repeat(pan.length() - 10) + pan.substring(pan.length() - 4);
    }

    private static void digits(String name, String value, int lengthMin, int lengthMax) {
        if (value == null) return;
        checkLength(name, value, lengthMin, lengthMax);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException(name + " must be digits only");
        }
    }

    private static void text(String name, String value, int lengthMin, int lengthMax) {
        if (value == null) return;
        checkLength(name, value, lengthMin, lengthMax);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) throw new IllegalArgumentException(name + " must be printable ASCII");
        }
        if (value.charAt(value.length() - 1) == ' ') {
            // The wire pads with spaces on the right, so a trailing space would not survive a round trip.
            throw new IllegalArgumentException(name + " must not end with a space");
        }
    }

    private static void checkLength(String name, String value, int lengthMin, int lengthMax) {
        if (value.length() < lengthMin || value.length() > lengthMax) {
            throw new IllegalArgumentException(lengthMin == lengthMax
                    ? name + " must have " + lengthMin + " characters"
                    : name + " must have " + lengthMin + " to " + lengthMax + " characters");
        }
    }

    /** Builds a {@link CardMessage} one data element at a time; unset elements stay absent. */
    public static final class Builder {
        private final Mti mti;
        private String pan;
        private String processingCode;
        private Long amountMinor;
        private String transmissionDateTime;
        private Integer stan;
        private String localTime;
        private String localDate;
        private String expiry;
        private String merchantCategoryCode;
        private String posEntryMode;
        private String retrievalReferenceNumber;
        private String authorizationCode;
        private String responseCode;
        private String terminalId;
        private String merchantId;
        private Currency currency;
        private byte[] emvData;
        private String networkManagementCode;

        private Builder(Mti mti) {
            this.mti = mti;
        }

        public Builder pan(String value) { pan = value; return this; }
        public Builder processingCode(String value) { processingCode = value; return this; }
        public Builder amountMinor(long value) { amountMinor = value; return this; }
        public Builder transmissionDateTime(String value) { transmissionDateTime = value; return this; }
        public Builder stan(int value) { stan = value; return this; }
        public Builder localTime(String value) { localTime = value; return this; }
        public Builder localDate(String value) { localDate = value; return this; }
        public Builder expiry(String value) { expiry = value; return this; }
        public Builder merchantCategoryCode(String value) { merchantCategoryCode = value; return this; }
        public Builder posEntryMode(String value) { posEntryMode = value; return this; }
        public Builder retrievalReferenceNumber(String value) { retrievalReferenceNumber = value; return this; }
        public Builder authorizationCode(String value) { authorizationCode = value; return this; }
        public Builder responseCode(String value) { responseCode = value; return this; }
        public Builder terminalId(String value) { terminalId = value; return this; }
        public Builder merchantId(String value) { merchantId = value; return this; }
        public Builder currency(Currency value) { currency = value; return this; }
        public Builder emvData(byte[] value) { emvData = value; return this; }
        public Builder networkManagementCode(String value) { networkManagementCode = value; return this; }

        /** The message; throws {@link IllegalArgumentException} naming the first malformed element. */
        public CardMessage build() {
            return new CardMessage(mti, pan, processingCode, amountMinor, transmissionDateTime, stan, localTime,
                    localDate, expiry, merchantCategoryCode, posEntryMode, retrievalReferenceNumber,
                    authorizationCode, responseCode, terminalId, merchantId, currency, emvData,
                    networkManagementCode);
        }
    }
}
