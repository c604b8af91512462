package org.corridor.codec.qr;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A valid merchant-presented payload: every data object in the order it was written (unknown IDs included,
 * so that {@link #encode()} gives back the scanned string), with typed views of the fields Corridor uses.
 * Made only by {@link MerchantPayloadParser} and {@link MerchantPayloadBuilder}, so every instance has passed
 * the same checks.
 */
public final class MerchantPayload {
    private final List<DataObject> objects;
    private final Map<String, DataObject> byId;
    private final Map<String, Template> templates;
    private final List<MerchantAccount> merchantAccounts;
    private final Optional<PointOfInitiation> pointOfInitiation;
    private final Currency currency;
    private final OptionalLong amountMinor;
    private final String crc;
    private final String encoded;

    MerchantPayload(List<DataObject> objects, Map<String, Template> templates, List<MerchantAccount> merchantAccounts,
            Optional<PointOfInitiation> pointOfInitiation, Currency currency, OptionalLong amountMinor, String body,
            String crc) {
        this.objects = List.copyOf(objects);
        this.byId = index(this.objects);
        this.templates = Map.copyOf(templates);
        this.merchantAccounts = List.copyOf(merchantAccounts);
        this.pointOfInitiation = pointOfInitiation;
        this.currency = currency;
        this.amountMinor = amountMinor;
        this.crc = crc;
        this.encoded = body + crc;
    }

    private static Map<String, DataObject> index(List<DataObject> objects) {
        java.util.HashMap<String, DataObject> byId = new java.util.HashMap<>();
        for (DataObject object : objects) byId.put(object.id(), object);
        return Map.copyOf(byId);
    }

    /** The top-level data objects in payload order, without the CRC. */
    public List<DataObject> objects() {
        return objects;
    }

    /** The value of top-level ID {@code id}, whether Corridor interprets it or not. */
    public Optional<String> value(String id) {
        return Optional.ofNullable(byId.get(id)).map(DataObject::value);
    }

    /** Static or dynamic; absent when the code does not say (the ID is optional). */
    public Optional<PointOfInitiation> pointOfInitiation() {
        return pointOfInitiation;
    }

    /** The merchant account information objects (IDs 02-51) in payload order; at least one. */
    public List<MerchantAccount> merchantAccounts() {
        return merchantAccounts;
    }

    /** The merchant account with ID {@code id}, if present. */
    public Optional<MerchantAccount> merchantAccount(String id) {
        return merchantAccounts.stream().filter(account -> account.id().equals(id)).findFirst();
    }

    /** The ISO 18245 merchant category code, four digits. */
    public String merchantCategoryCode() {
        return byId.get(PayloadIds.MERCHANT_CATEGORY_CODE).value();
    }

    /** The transaction currency. */
    public Currency currency() {
        return currency;
    }

    /** The amount in the currency's minor units; absent when the payer is to enter it. */
    public OptionalLong amountMinor() {
        return amountMinor;
    }

    /** The merchant's ISO 3166-1 alpha-2 country. */
    public String countryCode() {
        return byId.get(PayloadIds.COUNTRY_CODE).value();
    }

    /** The merchant's name as the payer sees it. */
    public String merchantName() {
        return byId.get(PayloadIds.MERCHANT_NAME).value();
    }

    /** The merchant's city. */
    public String merchantCity() {
        return byId.get(PayloadIds.MERCHANT_CITY).value();
    }

    /** The postal code, if given. */
    public Optional<String> postalCode() {
        return value(PayloadIds.POSTAL_CODE);
    }

    /** The parsed content of template {@code id} (62, 64, 26-51, 80-99), if present. */
    public Optional<Template> template(String id) {
        return Optional.ofNullable(templates.get(id));
    }

    /** The additional data template ({@code 62}), if present. */
    public Optional<Template> additionalData() {
        return template(PayloadIds.ADDITIONAL_DATA);
    }

    /** The bill (invoice) number, sub-ID 01 of the additional data. */
    public Optional<String> billNumber() {
        return additionalData().flatMap(t -> t.value(PayloadIds.BILL_NUMBER));
    }

    /** The reference label, sub-ID 05 of the additional data: the reference of a dynamic payment. */
    public Optional<String> referenceLabel() {
        return additionalData().flatMap(t -> t.value(PayloadIds.REFERENCE_LABEL));
    }

    /** The terminal label, sub-ID 07 of the additional data. */
    public Optional<String> terminalLabel() {
        return additionalData().flatMap(t -> t.value(PayloadIds.TERMINAL_LABEL));
    }

    /** The merchant information language template ({@code 64}), if present. */
    public Optional<Template> languageTemplate() {
        return template(PayloadIds.MERCHANT_LANGUAGE);
    }

    /** The four upper-case hexadecimal digits of the checksum. */
    public String crc() {
        return crc;
    }

    /**
     * The payload string: for a parsed payload, the scanned string itself (a lower-case checksum comes back
     * upper-case).
     */
    public String encode() {
        return encoded;
    }

    @Override
    public String toString() {
        return encoded;
    }
}
