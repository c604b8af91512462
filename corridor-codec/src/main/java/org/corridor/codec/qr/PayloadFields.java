package org.corridor.codec.qr;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The field rules of a merchant-presented payload, applied to data objects that already have a valid
 * structure and checksum: placement of {@code 00} and {@code 63}, unique IDs, templates, mandatory fields,
 * then each field's format.
 *
 * <p>The merchant name and city are not held to the specification's 25 and 15 characters here: codes in the
 * field exceed them (the published vector in DOMAIN.md has a 16-character city) and a payer must still be
 * able to pay such a merchant. {@link MerchantPayloadBuilder} keeps to those limits.
 */
final class PayloadFields {
    /** The fields every payload must have besides a merchant account, in the order they are reported. */
    private static final List<String> MANDATORY = List.of(PayloadIds.MERCHANT_CATEGORY_CODE,
            PayloadIds.TRANSACTION_CURRENCY, PayloadIds.COUNTRY_CODE, PayloadIds.MERCHANT_NAME,
            PayloadIds.MERCHANT_CITY);
    private static final String SUPPORTED_FORMAT = "01";
    private static final String TIP_PROMPT = "01";
    private static final String FEE_FIXED = "02";
    private static final String FEE_PERCENTAGE = "03";
    /** A percentage fee is 00.01 to 99.99, read as hundredths. */
    private static final int PERCENTAGE_CHARS_MAX = 5;
    private static final long PERCENTAGE_HUNDREDTHS_MAX = 9_999;

    private PayloadFields() {}

    static MerchantPayload interpret(int[] codePoints, List<TlvReader.Located> located, String crc)
            throws QrPayloadException {
        int crcAt = codePoints.length - MerchantPayloadParser.CRC_OBJECT_CHARS;
        checkPayloadFormat(located);
        checkCrcPlacement(located, crcAt);
        Map<String, TlvReader.Located> byId = uniqueIds(located, null);
        List<TlvReader.Located> content = located.subList(0, located.size() - 1);
        Map<String, Template> templates = templates(codePoints, content);
        List<MerchantAccount> accounts = merchantAccounts(content, templates);
        checkMandatory(byId, accounts, crcAt);
        Optional<PointOfInitiation> method = pointOfInitiation(byId);
        checkDigits(byId.get(PayloadIds.MERCHANT_CATEGORY_CODE), 4);
        Currency currency = currency(byId.get(PayloadIds.TRANSACTION_CURRENCY));
        OptionalLong amountMinor = amount(byId.get(PayloadIds.TRANSACTION_AMOUNT), currency);
        checkTip(byId, currency);
        checkCountry(byId.get(PayloadIds.COUNTRY_CODE));
        checkNotBlank(byId.get(PayloadIds.MERCHANT_NAME));
        checkNotBlank(byId.get(PayloadIds.MERCHANT_CITY));
        List<DataObject> objects = new ArrayList<>(content.size());
        for (TlvReader.Located object : content) objects.add(object.object());
        String body = new String(codePoints, 0, codePoints.length - 4);
        return new MerchantPayload(objects, templates, accounts, method, currency, amountMinor, body, crc);
    }

    private static void checkPayloadFormat(List<TlvReader.Located> located) throws QrPayloadException {
        TlvReader.Located first = located.getFirst();
        if (!first.object().id().equals(PayloadIds.PAYLOAD_FORMAT_INDICATOR)) {
            for (TlvReader.Located object : located) {
                if (object.object().id().equals(PayloadIds.PAYLOAD_FORMAT_INDICATOR)) {
                    throw new QrPayloadException(QrError.NOT_FIRST, object.position(), PayloadIds.PAYLOAD_FORMAT_INDICATOR,
                            "the payload format indicator comes first");
                }
            }
            throw new QrPayloadException(QrError.PAYLOAD_FORMAT_MISSING, 0, PayloadIds.PAYLOAD_FORMAT_INDICATOR,
                    "a payload starts with its format indicator");
        }
        if (!first.object().value().equals(SUPPORTED_FORMAT)) {
            throw new QrPayloadException(QrError.PAYLOAD_FORMAT_UNSUPPORTED, first.valueStart(),
                    PayloadIds.PAYLOAD_FORMAT_INDICATOR, "only payload format 01 is defined");
        }
    }

    private static void checkCrcPlacement(List<TlvReader.Located> located, int crcAt) throws QrPayloadException {
        for (int i = 0; i < located.size() - 1; i++) {
            if (located.get(i).object().id().equals(PayloadIds.CRC)) {
                throw new QrPayloadException(QrError.CRC_NOT_LAST, located.get(i).position(), PayloadIds.CRC,
                        "the checksum is the last data object");
            }
        }
        TlvReader.Located last = located.getLast();
        if (!last.object().id().equals(PayloadIds.CRC) || last.position() != crcAt) {
            // The trailing 6304.... sits inside another object's value: there is no checksum object.
            throw new QrPayloadException(QrError.CRC_MISSING, crcAt, PayloadIds.CRC,
                    "the last data object is not the checksum");
        }
    }

    private static Map<String, TlvReader.Located> uniqueIds(List<TlvReader.Located> located, String templateId)
            throws QrPayloadException {
        Map<String, TlvReader.Located> byId = new HashMap<>();
        for (TlvReader.Located object : located) {
            if (byId.putIfAbsent(object.object().id(), object) != null) {
                throw new QrPayloadException(QrError.DUPLICATE_ID, object.position(), object.object().id(),
                        templateId == null ? "an ID appears once" : "a sub-ID appears once in template " + templateId);
            }
        }
        return byId;
    }

    private static Map<String, Template> templates(int[] codePoints, List<TlvReader.Located> content)
            throws QrPayloadException {
        Map<String, Template> templates = new HashMap<>();
        for (TlvReader.Located object : content) {
            int id = object.idNumber();
            if (!PayloadIds.isTemplate(id)) continue;
            String templateId = object.object().id();
            int end = object.valueStart() + object.object().valueChars();
            List<TlvReader.Located> fields = TlvReader.read(codePoints, object.valueStart(), end, QrError.TEMPLATE_MALFORMED);
            Map<String, TlvReader.Located> bySubId = uniqueIds(fields, templateId);
            if (PayloadIds.isIdentifiedTemplate(id)) {
                requireSubId(bySubId, PayloadIds.GLOBALLY_UNIQUE_IDENTIFIER, object);
            } else if (templateId.equals(PayloadIds.MERCHANT_LANGUAGE)) {
                requireSubId(bySubId, PayloadIds.LANGUAGE_PREFERENCE, object);
                requireSubId(bySubId, PayloadIds.MERCHANT_NAME_ALTERNATE, object);
            }
            List<DataObject> subObjects = new ArrayList<>(fields.size());
            for (TlvReader.Located field : fields) subObjects.add(field.object());
            templates.put(templateId, new Template(subObjects));
        }
        return templates;
    }

    private static void requireSubId(Map<String, TlvReader.Located> bySubId, String subId, TlvReader.Located template)
            throws QrPayloadException {
        if (!bySubId.containsKey(subId)) {
            throw new QrPayloadException(QrError.TEMPLATE_MALFORMED, template.position(), template.object().id(),
                    "the template lacks its mandatory sub-ID " + subId);
        }
    }

    private static List<MerchantAccount> merchantAccounts(List<TlvReader.Located> content, Map<String, Template> templates) {
        List<MerchantAccount> accounts = new ArrayList<>();
        for (TlvReader.Located object : content) {
            if (!PayloadIds.isMerchantAccount(object.idNumber())) continue;
            DataObject account = object.object();
            accounts.add(new MerchantAccount(account.id(), account.value(), Optional.ofNullable(templates.get(account.id()))));
        }
        return accounts;
    }

    private static void checkMandatory(Map<String, TlvReader.Located> byId, List<MerchantAccount> accounts, int crcAt)
            throws QrPayloadException {
        if (accounts.isEmpty()) {
            throw new QrPayloadException(QrError.FIELD_MISSING, crcAt, "", "no merchant account information (02-51)");
        }
        for (String id : MANDATORY) {
            if (!byId.containsKey(id)) {
                throw new QrPayloadException(QrError.FIELD_MISSING, crcAt, id, "a mandatory data object is absent");
            }
        }
    }

    private static Optional<PointOfInitiation> pointOfInitiation(Map<String, TlvReader.Located> byId)
            throws QrPayloadException {
        TlvReader.Located object = byId.get(PayloadIds.POINT_OF_INITIATION);
        if (object == null) return Optional.empty();
        Optional<PointOfInitiation> method = PointOfInitiation.of(object.object().value());
        if (method.isEmpty()) throw invalid(object, "the point of initiation is 11 or 12");
        return method;
    }

    private static void checkDigits(TlvReader.Located object, int digits) throws QrPayloadException {
        String value = object.object().value();
        if (value.length() != digits || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(object, "the value is " + digits + " digits");
        }
    }

    private static Currency currency(TlvReader.Located object) throws QrPayloadException {
        checkDigits(object, 3);
        return NumericCurrencies.of(object.object().value()).orElseThrow(() -> new QrPayloadException(
                QrError.CURRENCY_UNKNOWN, object.valueStart(), object.object().id(), "not an ISO 4217 numeric code"));
    }

    private static OptionalLong amount(TlvReader.Located object, Currency currency) throws QrPayloadException {
        if (object == null) return OptionalLong.empty();
        OptionalLong minor = QrAmount.parseMinor(object.object().value(), currency);
        if (minor.isEmpty()) {
            throw new QrPayloadException(QrError.AMOUNT_INVALID, object.valueStart(), object.object().id(),
                    "a positive decimal of at most " + QrAmount.AMOUNT_CHARS_MAX + " characters with at most "
                            + Math.max(0, currency.getDefaultFractionDigits()) + " decimals");
        }
        return minor;
    }

    private static void checkTip(Map<String, TlvReader.Located> byId, Currency currency) throws QrPayloadException {
        TlvReader.Located indicator = byId.get(PayloadIds.TIP_OR_CONVENIENCE_INDICATOR);
        TlvReader.Located fixed = byId.get(PayloadIds.CONVENIENCE_FEE_FIXED);
        TlvReader.Located percentage = byId.get(PayloadIds.CONVENIENCE_FEE_PERCENTAGE);
        String kind = indicator == null ? "" : indicator.object().value();
        if (indicator != null && !Set.of(TIP_PROMPT, FEE_FIXED, FEE_PERCENTAGE).contains(kind)) {
            throw tip(indicator, "the indicator is 01, 02 or 03");
        }
        if (fixed != null && !kind.equals(FEE_FIXED)) throw tip(fixed, "a fixed fee needs indicator 02");
        if (percentage != null && !kind.equals(FEE_PERCENTAGE)) throw tip(percentage, "a percentage needs indicator 03");
        if (kind.equals(FEE_FIXED)) {
            if (fixed == null) throw tip(indicator, "indicator 02 needs a fixed fee (56)");
            if (QrAmount.parseMinor(fixed.object().value(), currency).isEmpty()) throw tip(fixed, "the fee is an amount");
        }
        if (kind.equals(FEE_PERCENTAGE)) {
            if (percentage == null) throw tip(indicator, "indicator 03 needs a percentage (57)");
            String value = percentage.object().value();
            OptionalLong hundredths = QrAmount.parseScaled(value, 2);
            if (value.length() > PERCENTAGE_CHARS_MAX || hundredths.isEmpty() || hundredths.getAsLong() > PERCENTAGE_HUNDREDTHS_MAX) {
                throw tip(percentage, "the percentage is 00.01 to 99.99");
            }
        }
    }

    private static void checkCountry(TlvReader.Located object) throws QrPayloadException {
        String value = object.object().value();
        if (value.length() != 2 || !value.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw invalid(object, "the country is two upper-case letters");
        }
    }

    private static void checkNotBlank(TlvReader.Located object) throws QrPayloadException {
        if (object.object().value().isBlank()) throw invalid(object, "the value is not blank");
    }

    private static QrPayloadException invalid(TlvReader.Located object, String detail) {
        return new QrPayloadException(QrError.FIELD_INVALID, object.valueStart(), object.object().id(), detail);
    }

    private static QrPayloadException tip(TlvReader.Located object, String detail) {
        return new QrPayloadException(QrError.TIP_INVALID, object.position(), object.object().id(), detail);
    }
}
