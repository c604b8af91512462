package org.corridor.codec.qr;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a merchant-presented payload from Corridor's merchant data, holding every field to the
 * specification's limits. A static code may carry a fixed amount; a dynamic code must carry the amount and
 * a reference label, since it stands for exactly one payment. The data objects are written in ID order and
 * the result is read back by {@link MerchantPayloadParser}, so a built payload is one a payer can scan.
 *
 * <pre>{@code
 * MerchantPayload qr = MerchantPayloadBuilder.dynamicCode()
 *         .merchantAccount(MerchantAccount.template("26", "com.corridor",
 *                 List.of(new DataObject("01", "acct_7Hq2"))))
 *         .merchantCategoryCode("5812").currency(Currency.getInstance("USD")).amountMinor(1_250)
 *         .countryCode("US").merchantName("Blue Door Cafe").merchantCity("Austin")
 *         .referenceLabel("pi_42").build();
 * String text = qr.encode();
 * }</pre>
 */
public final class MerchantPayloadBuilder {
    /** The longest merchant name, in characters. */
    public static final int MERCHANT_NAME_CHARS_MAX = 25;
    /** The longest merchant city, in characters. */
    public static final int MERCHANT_CITY_CHARS_MAX = 15;
    /** The longest postal code, in characters. */
    public static final int POSTAL_CODE_CHARS_MAX = 10;
    /** The longest bill number, reference label or terminal label, in characters. */
    public static final int ADDITIONAL_DATA_CHARS_MAX = 25;

    private final PointOfInitiation pointOfInitiation;
    private final List<MerchantAccount> merchantAccounts = new ArrayList<>();
    private String merchantCategoryCode;
    private Currency currency;
    private long amountMinor;
    private String countryCode;
    private String merchantName;
    private String merchantCity;
    private String postalCode;
    private String billNumber;
    private String referenceLabel;
    private String terminalLabel;

    private MerchantPayloadBuilder(PointOfInitiation pointOfInitiation) {
        this.pointOfInitiation = pointOfInitiation;
    }

    /** A code printed once and paid many times. */
    public static MerchantPayloadBuilder staticCode() {
        return new MerchantPayloadBuilder(PointOfInitiation.STATIC);
    }

    /** A code for one payment: {@link #amountMinor} and {@link #referenceLabel} are required. */
    public static MerchantPayloadBuilder dynamicCode() {
        return new MerchantPayloadBuilder(PointOfInitiation.DYNAMIC);
    }

    /** Adds a way to reach the merchant (IDs 02-51, each once). */
    public MerchantPayloadBuilder merchantAccount(MerchantAccount account) {
        merchantAccounts.add(Objects.requireNonNull(account, "account"));
        return this;
    }

    /** The ISO 18245 merchant category code, four digits. */
    public MerchantPayloadBuilder merchantCategoryCode(String code) {
        this.merchantCategoryCode = code;
        return this;
    }

    /** The transaction currency. */
    public MerchantPayloadBuilder currency(Currency currency) {
        this.currency = currency;
        return this;
    }

    /** The amount in the currency's minor units, positive. */
    public MerchantPayloadBuilder amountMinor(long amountMinor) {
        this.amountMinor = amountMinor;
        return this;
    }

    /** The merchant's ISO 3166-1 alpha-2 country, upper case. */
    public MerchantPayloadBuilder countryCode(String countryCode) {
        this.countryCode = countryCode;
        return this;
    }

    /** The name the payer sees, 1 to {@link #MERCHANT_NAME_CHARS_MAX} characters. */
    public MerchantPayloadBuilder merchantName(String merchantName) {
        this.merchantName = merchantName;
        return this;
    }

    /** The merchant's city, 1 to {@link #MERCHANT_CITY_CHARS_MAX} characters. */
    public MerchantPayloadBuilder merchantCity(String merchantCity) {
        this.merchantCity = merchantCity;
        return this;
    }

    /** The postal code, optional. */
    public MerchantPayloadBuilder postalCode(String postalCode) {
        this.postalCode = postalCode;
        return this;
    }

    /** The bill (invoice) number, optional. */
    public MerchantPayloadBuilder billNumber(String billNumber) {
        this.billNumber = billNumber;
        return this;
    }

    /** The payment's reference; required for a dynamic code. */
    public MerchantPayloadBuilder referenceLabel(String referenceLabel) {
        this.referenceLabel = referenceLabel;
        return this;
    }

    /** The terminal (till) label, optional. */
    public MerchantPayloadBuilder terminalLabel(String terminalLabel) {
        this.terminalLabel = terminalLabel;
        return this;
    }

    /** The payload, or the first field that breaks a rule (position {@link QrPayloadException#NO_POSITION}). */
    public MerchantPayload build() throws QrPayloadException {
        List<DataObject> objects = new ArrayList<>();
        objects.add(new DataObject(PayloadIds.PAYLOAD_FORMAT_INDICATOR, "01"));
        objects.add(new DataObject(PayloadIds.POINT_OF_INITIATION, pointOfInitiation.value()));
        addMerchantAccounts(objects);
        objects.add(new DataObject(PayloadIds.MERCHANT_CATEGORY_CODE, digits(PayloadIds.MERCHANT_CATEGORY_CODE, merchantCategoryCode, 4)));
        if (currency == null) throw refuse(QrError.FIELD_MISSING, PayloadIds.TRANSACTION_CURRENCY, "a currency is required");
        objects.add(new DataObject(PayloadIds.TRANSACTION_CURRENCY, NumericCurrencies.numeric(currency)));
        addAmount(objects);
        objects.add(new DataObject(PayloadIds.COUNTRY_CODE, country()));
        objects.add(new DataObject(PayloadIds.MERCHANT_NAME, text(PayloadIds.MERCHANT_NAME, merchantName, MERCHANT_NAME_CHARS_MAX)));
        objects.add(new DataObject(PayloadIds.MERCHANT_CITY, text(PayloadIds.MERCHANT_CITY, merchantCity, MERCHANT_CITY_CHARS_MAX)));
        if (postalCode != null) {
            objects.add(new DataObject(PayloadIds.POSTAL_CODE, text(PayloadIds.POSTAL_CODE, postalCode, POSTAL_CODE_CHARS_MAX)));
        }
        addAdditionalData(objects);
        String body = DataObject.encodeAll(objects) + MerchantPayloadParser.CRC_HEADER;
        if (body.length() + 4 > MerchantPayloadParser.PAYLOAD_CHARS_MAX) {
            throw refuse(QrError.TOO_LONG, "", "the payload would pass " + MerchantPayloadParser.PAYLOAD_CHARS_MAX + " characters");
        }
        return MerchantPayloadParser.parse(body + Crc16CcittFalse.hex(body));
    }

    private void addMerchantAccounts(List<DataObject> objects) throws QrPayloadException {
        if (merchantAccounts.isEmpty()) throw refuse(QrError.FIELD_MISSING, "", "at least one merchant account is required");
        Set<String> ids = new HashSet<>();
        List<MerchantAccount> inIdOrder = new ArrayList<>(merchantAccounts);
        inIdOrder.sort((a, b) -> a.id().compareTo(b.id()));
        for (MerchantAccount account : inIdOrder) {
            if (!DataObject.isTwoDigits(account.id()) || !PayloadIds.isMerchantAccount(Integer.parseInt(account.id()))) {
                throw refuse(QrError.FIELD_INVALID, account.id(), "a merchant account ID is 02 to 51");
            }
            if (!ids.add(account.id())) throw refuse(QrError.DUPLICATE_ID, account.id(), "each merchant account ID once");
            boolean template = Integer.parseInt(account.id()) >= PayloadIds.MERCHANT_ACCOUNT_TEMPLATE_FIRST;
            if (template != account.template().isPresent()) {
                throw refuse(QrError.TEMPLATE_MALFORMED, account.id(), "IDs 26-51 are templates, 02-25 plain values");
            }
            String identifier = account.globallyUniqueIdentifier().orElse("");
            if (template && (identifier.isBlank() || identifier.length() > MerchantAccount.GLOBALLY_UNIQUE_IDENTIFIER_CHARS_MAX)) {
                throw refuse(QrError.FIELD_INVALID, account.id(), "the globally unique identifier has 1 to "
                        + MerchantAccount.GLOBALLY_UNIQUE_IDENTIFIER_CHARS_MAX + " characters");
            }
            objects.add(new DataObject(account.id(), fits(account.id(), account.value())));
        }
    }

    private void addAmount(List<DataObject> objects) throws QrPayloadException {
        if (amountMinor == 0) {
            if (pointOfInitiation == PointOfInitiation.DYNAMIC) {
                throw refuse(QrError.FIELD_MISSING, PayloadIds.TRANSACTION_AMOUNT, "a dynamic code carries its amount");
            }
            return;
        }
        String amount = QrAmount.format(amountMinor, currency).orElseThrow(() -> refuse(QrError.AMOUNT_INVALID,
                PayloadIds.TRANSACTION_AMOUNT, "a positive amount of at most " + QrAmount.AMOUNT_CHARS_MAX + " characters"));
        objects.add(new DataObject(PayloadIds.TRANSACTION_AMOUNT, amount));
    }

    private void addAdditionalData(List<DataObject> objects) throws QrPayloadException {
        if (pointOfInitiation == PointOfInitiation.DYNAMIC && referenceLabel == null) {
            throw refuse(QrError.FIELD_MISSING, PayloadIds.ADDITIONAL_DATA, "a dynamic code carries a reference label (62/05)");
        }
        List<DataObject> fields = new ArrayList<>();
        addOptional(fields, PayloadIds.BILL_NUMBER, billNumber);
        addOptional(fields, PayloadIds.REFERENCE_LABEL, referenceLabel);
        addOptional(fields, PayloadIds.TERMINAL_LABEL, terminalLabel);
        if (fields.isEmpty()) return;
        objects.add(new DataObject(PayloadIds.ADDITIONAL_DATA, fits(PayloadIds.ADDITIONAL_DATA, DataObject.encodeAll(fields))));
    }

    private static void addOptional(List<DataObject> fields, String subId, String value) throws QrPayloadException {
        if (value != null) fields.add(new DataObject(subId, text(PayloadIds.ADDITIONAL_DATA, value, ADDITIONAL_DATA_CHARS_MAX)));
    }

    private String country() throws QrPayloadException {
        if (countryCode == null) throw refuse(QrError.FIELD_MISSING, PayloadIds.COUNTRY_CODE, "a country is required");
        if (countryCode.length() != 2 || !countryCode.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw refuse(QrError.FIELD_INVALID, PayloadIds.COUNTRY_CODE, "the country is two upper-case letters");
        }
        return countryCode;
    }

    private static String digits(String id, String value, int count) throws QrPayloadException {
        if (value == null) throw refuse(QrError.FIELD_MISSING, id, "a mandatory field is absent");
        if (value.length() != count || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw refuse(QrError.FIELD_INVALID, id, "the value is " + count + " digits");
        }
        return value;
    }

    /**
     * A text field in the specification's common character set (printable ASCII): names in other scripts
     * belong in the language template.
     */
    private static String text(String id, String value, int charsMax) throws QrPayloadException {
        if (value == null || value.isBlank()) throw refuse(QrError.FIELD_MISSING, id, "the field is empty");
        if (value.length() > charsMax) throw refuse(QrError.FIELD_TOO_LONG, id, "at most " + charsMax + " characters");
        if (!value.chars().allMatch(c -> c >= 0x20 && c <= 0x7E)) {
            throw refuse(QrError.FIELD_INVALID, id, "printable ASCII only");
        }
        return value;
    }

    private static String fits(String id, String value) throws QrPayloadException {
        if (value.codePointCount(0, value.length()) > DataObject.VALUE_CHARS_MAX) {
            throw refuse(QrError.FIELD_TOO_LONG, id, "a value has at most " + DataObject.VALUE_CHARS_MAX + " characters");
        }
        return value;
    }

    private static QrPayloadException refuse(QrError error, String id, String detail) {
        return new QrPayloadException(error, QrPayloadException.NO_POSITION, id, detail);
    }
}
