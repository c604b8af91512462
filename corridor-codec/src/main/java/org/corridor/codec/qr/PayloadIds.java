package org.corridor.codec.qr;

/**
 * The data object IDs of a merchant-presented payload and of its templates, as the specification assigns
 * them, with the ranges that decide how an ID is read.
 */
public final class PayloadIds {
    public static final String PAYLOAD_FORMAT_INDICATOR = "00";
    public static final String POINT_OF_INITIATION = "01";
    public static final String MERCHANT_CATEGORY_CODE = "52";
    public static final String TRANSACTION_CURRENCY = "53";
    public static final String TRANSACTION_AMOUNT = "54";
    public static final String TIP_OR_CONVENIENCE_INDICATOR = "55";
    public static final String CONVENIENCE_FEE_FIXED = "56";
    public static final String CONVENIENCE_FEE_PERCENTAGE = "57";
    public static final String COUNTRY_CODE = "58";
    public static final String MERCHANT_NAME = "59";
    public static final String MERCHANT_CITY = "60";
    public static final String POSTAL_CODE = "61";
    public static final String ADDITIONAL_DATA = "62";
    public static final String CRC = "63";
    public static final String MERCHANT_LANGUAGE = "64";

    /** Sub-ID {@code 00} of a merchant account or unreserved template: who defines the rest of it. */
    public static final String GLOBALLY_UNIQUE_IDENTIFIER = "00";

    /** Sub-IDs of the additional data template ({@code 62}). */
    public static final String BILL_NUMBER = "01";
    public static final String MOBILE_NUMBER = "02";
    public static final String STORE_LABEL = "03";
    public static final String LOYALTY_NUMBER = "04";
    public static final String REFERENCE_LABEL = "05";
    public static final String CUSTOMER_LABEL = "06";
    public static final String TERMINAL_LABEL = "07";
    public static final String PURPOSE_OF_TRANSACTION = "08";

    /** Sub-IDs of the merchant information language template ({@code 64}). */
    public static final String LANGUAGE_PREFERENCE = "00";
    public static final String MERCHANT_NAME_ALTERNATE = "01";
    public static final String MERCHANT_CITY_ALTERNATE = "02";

    /** Merchant account information: 02-25 are primitive values kept for card networks. */
    static final int MERCHANT_ACCOUNT_PRIMITIVE_FIRST = 2;
    static final int MERCHANT_ACCOUNT_PRIMITIVE_LAST = 25;
    /** Merchant account information: 26-51 are templates led by a globally unique identifier. */
    static final int MERCHANT_ACCOUNT_TEMPLATE_FIRST = 26;
    static final int MERCHANT_ACCOUNT_TEMPLATE_LAST = 51;
    /** Unreserved templates, free for a domestic scheme, also led by a globally unique identifier. */
    static final int UNRESERVED_TEMPLATE_FIRST = 80;
    static final int UNRESERVED_TEMPLATE_LAST = 99;

    private PayloadIds() {}

    static boolean isMerchantAccount(int id) {
        return id >= MERCHANT_ACCOUNT_PRIMITIVE_FIRST && id <= MERCHANT_ACCOUNT_TEMPLATE_LAST;
    }

    /** A template whose sub-ID {@code 00} is a globally unique identifier. */
    static boolean isIdentifiedTemplate(int id) {
        return (id >= MERCHANT_ACCOUNT_TEMPLATE_FIRST && id <= MERCHANT_ACCOUNT_TEMPLATE_LAST)
                || (id >= UNRESERVED_TEMPLATE_FIRST && id <= UNRESERVED_TEMPLATE_LAST);
    }

    /** Any top-level ID whose value is itself data objects. */
    static boolean isTemplate(int id) {
        return isIdentifiedTemplate(id) || id == 62 || id == 64;
    }
}
