package org.corridor.services.qr;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.corridor.codec.qr.DataObject;
import org.corridor.codec.qr.MerchantAccount;
import org.corridor.codec.qr.MerchantPayload;
import org.corridor.codec.qr.MerchantPayloadBuilder;
import org.corridor.codec.qr.MerchantPayloadParser;
import org.corridor.codec.qr.QrPayloadException;
import org.corridor.core.port.QrPayloads;

/**
 * {@link QrPayloads} with the codec's EMVCo builder and parser. Corridor's merchant account template is ID
 * {@value #TEMPLATE_ID}: sub-ID 00 its globally unique id, 01 the merchant's participant id, 02 the code's id.
 */
public final class EmvQrPayloads implements QrPayloads {
    static final String TEMPLATE_ID = "26";
    static final String MERCHANT_FIELD = "01";
    static final String CODE_FIELD = "02";

    @Override
    public String write(String qrId, String merchantId, String merchantName, String country, String city,
            int merchantCategoryCode, String currency, long amountMinor, String reference) {
        MerchantPayloadBuilder builder = amountMinor == 0 ? MerchantPayloadBuilder.staticCode()
                : MerchantPayloadBuilder.dynamicCode().amountMinor(amountMinor).referenceLabel(reference);
        builder.merchantAccount(MerchantAccount.template(TEMPLATE_ID, GLOBALLY_UNIQUE_ID,
                        List.of(new DataObject(MERCHANT_FIELD, merchantId), new DataObject(CODE_FIELD, qrId))))
                .merchantCategoryCode(String.format("%04d", merchantCategoryCode))
                .currency(Currency.getInstance(currency))
                .countryCode(country)
                .merchantName(fit(merchantName, MerchantPayloadBuilder.MERCHANT_NAME_CHARS_MAX))
                .merchantCity(fit(city, MerchantPayloadBuilder.MERCHANT_CITY_CHARS_MAX));
        try {
            return builder.build().encode();
        } catch (QrPayloadException unfit) {
            throw new IllegalArgumentException("the merchant's data does not fit a QR payload: " + unfit.getMessage(), unfit);
        }
    }

    @Override
    public Scanned read(String payload) throws Unreadable {
        MerchantPayload read;
        try {
            read = MerchantPayloadParser.parse(payload);
        } catch (QrPayloadException unreadable) {
            throw new Unreadable(unreadable.error().code(), unreadable.getMessage());
        }
        List<String> ids = new ArrayList<>();
        for (MerchantAccount account : read.merchantAccounts()) {
            if (account.template().isEmpty() || !account.globallyUniqueIdentifier().orElse("").equals(GLOBALLY_UNIQUE_ID)) {
                continue;
            }
            ids.add(account.template().get().value(MERCHANT_FIELD).orElse(""));
            ids.add(account.template().get().value(CODE_FIELD).orElse(""));
        }
        if (ids.size() != 2 || ids.contains("")) {
            throw new Unreadable("not_a_corridor_code", "The QR code names no Corridor merchant account.");
        }
        return new Scanned(ids.get(0), ids.get(1), read.currency().getCurrencyCode(), read.amountMinor().orElse(0),
                read.referenceLabel().orElse(""));
    }

    /** Names and cities longer than a payload holds are cut, as printed receipts cut them. */
    private static String fit(String text, int charsMax) {
        return text.length() <= charsMax ? text : text.substring(0, charsMax);
    }
}
