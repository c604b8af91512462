package org.corridor.codec.qr;

/**
 * Why a merchant-presented payload was refused, in the order the parser checks. The {@link #code()} is the
 * stable snake_case name an API response or a log carries.
 */
public enum QrError {
    /** Longer than {@link MerchantPayloadParser#PAYLOAD_CHARS_MAX} characters. */
    TOO_LONG("too_long"),
    /** A control character or an unpaired surrogate: no scanner produces one from a real code. */
    CHARACTER_INVALID("character_invalid"),
    /** The payload does not end with {@code 6304} and four hexadecimal digits. */
    CRC_MISSING("crc_missing"),
    /** The checksum does not match: the scan or the code is damaged. */
    CRC_MISMATCH("crc_mismatch"),
    /** A data object ID that is not two digits. */
    ID_INVALID("id_invalid"),
    /** A length that is not two digits, or is {@code 00}. */
    LENGTH_INVALID("length_invalid"),
    /** A length that runs past the end of the payload. */
    LENGTH_OVERRUN("length_overrun"),
    /** No payload format indicator ({@code 00}). */
    PAYLOAD_FORMAT_MISSING("payload_format_missing"),
    /** The payload format indicator is present but not the first data object. */
    NOT_FIRST("not_first"),
    /** A payload format other than {@code 01}, the only one defined. */
    PAYLOAD_FORMAT_UNSUPPORTED("payload_format_unsupported"),
    /** A CRC ({@code 63}) before the last data object. */
    CRC_NOT_LAST("crc_not_last"),
    /** An ID that appears twice at the same level. */
    DUPLICATE_ID("duplicate_id"),
    /** A template whose content is not well-formed data objects, or lacks its mandatory sub-ID. */
    TEMPLATE_MALFORMED("template_malformed"),
    /** A mandatory data object is absent. */
    FIELD_MISSING("field_missing"),
    /** A data object whose value does not have its format (digits, letters, a known code). */
    FIELD_INVALID("field_invalid"),
    /** A value longer than its limit (writer side: the specification's limit for that field). */
    FIELD_TOO_LONG("field_too_long"),
    /** A transaction currency that is not an ISO 4217 numeric code with minor units. */
    CURRENCY_UNKNOWN("currency_unknown"),
    /** A transaction amount that is not a positive decimal within the currency's exponent. */
    AMOUNT_INVALID("amount_invalid"),
    /** A tip or convenience fee indicator without its value, or a fee value without its indicator. */
    TIP_INVALID("tip_invalid");

    private final String code;

    QrError(String code) {
        this.code = code;
    }

    /** The stable snake_case name of this error. */
    public String code() {
        return code;
    }
}
