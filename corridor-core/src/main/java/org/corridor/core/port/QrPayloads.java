package org.corridor.core.port;

/**
 * EMVCo merchant-presented QR payloads as the API needs them: written for a merchant's code, and read back from a
 * scan. The payload's merchant account template (ID 26, globally unique id {@value #GLOBALLY_UNIQUE_ID}) carries the
 * merchant's participant id and the code's id.
 */
public interface QrPayloads {
    /** The globally unique identifier of Corridor's merchant account template. */
    String GLOBALLY_UNIQUE_ID = "org.corridor";

    /** What a payload says, once read and checked. */
    record Scanned(String merchantId, String qrId, String currency, long amountMinor, String reference) {}

    /** A payload that cannot be read: {@code code} is the reader's (such as {@code crc_mismatch}), {@code at} where. */
    final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;

        public Unreadable(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The payload of a code: static when {@code amountMinor} is 0, dynamic (amount and reference inside) otherwise.
     *
     * @throws IllegalArgumentException when the merchant's data does not fit a payload (a name over 25 characters…)
     */
    String write(String qrId, String merchantId, String merchantName, String country, String city,
            int merchantCategoryCode, String currency, long amountMinor, String reference);

    /** Reads a scanned payload; one that is not Corridor's (no template with its id) is unreadable too. */
    Scanned read(String payload) throws Unreadable;
}
