package org.corridor.api.v1;

import java.util.HexFormat;
import org.corridor.api.error.ApiException;
import org.corridor.core.card.AtcRule;
import org.corridor.core.card.TokenDomain;
import org.corridor.core.port.CardRails;

/**
 * Reads {@code payment_method[device_token]}: what a merchant's terminal (or app) got from the phone. Each field is
 * checked for shape; the DPAN is never repeated in a message.
 */
final class TokenPresentments {
    static final int DPAN_DIGITS_MIN = 12;
    static final int DPAN_DIGITS_MAX = 19;
    static final int CRYPTOGRAM_HEX_CHARS = 16;
    static final int UNPREDICTABLE_NUMBER_HEX_CHARS = 8;
    static final int TERMINAL_ID_CHARS_MAX = 8;
    /** DE41 when a tap's terminal is not named. */
    static final String TERMINAL_IN_STORE_DEFAULT = "TAP00001";
    /** DE41 of in-app payments, which have no terminal. */
    static final String TERMINAL_IN_APP_DEFAULT = "INAPP001";

    private static final String PREFIX = "payment_method[device_token]";

    private TokenPresentments() {}

    /** A {@code payment_method} that must be a device token: where a QR payment or a top-up takes one. */
    static CardRails.TokenPresentment ofMethod(PaymentIntentRoutes.PaymentMethodParam method) {
        if (!PaymentIntentRoutes.DEVICE_TOKEN.equals(method.type())) {
            throw ApiException.badRequest("payment_method_unsupported", "payment_method[type] must be device_token.",
                    "payment_method[type]");
        }
        return of(method.deviceToken());
    }

    static CardRails.TokenPresentment of(PaymentIntentRoutes.DeviceTokenParam given) {
        if (given == null) throw Params.missing(PREFIX);
        String dpan = given.dpan();
        if (dpan == null) throw Params.missing(PREFIX + "[dpan]");
        if (dpan.length() < DPAN_DIGITS_MIN || dpan.length() > DPAN_DIGITS_MAX
                || dpan.chars().anyMatch(c -> c < '0' || c > '9')) {
            throw invalid("dpan", "must be " + DPAN_DIGITS_MIN + " to " + DPAN_DIGITS_MAX + " digits");
        }
        if (given.atc() == null) throw Params.missing(PREFIX + "[atc]");
        if (given.atc() < 1 || given.atc() > AtcRule.ATC_MAX) throw invalid("atc", "must be 1 to " + AtcRule.ATC_MAX);
        byte[] cryptogram = hex(given.cryptogram(), CRYPTOGRAM_HEX_CHARS, "cryptogram");
        byte[] unpredictable = hex(given.unpredictableNumber(), UNPREDICTABLE_NUMBER_HEX_CHARS, "unpredictable_number");
        int unpredictableNumber = ((unpredictable[0] & 0xFF) << 24) | ((unpredictable[1] & 0xFF) << 16)
                | ((unpredictable[2] & 0xFF) << 8) | (unpredictable[3] & 0xFF);
        TokenDomain entry = TokenRoutes.domain(given.entryMode(), PREFIX + "[entry_mode]");
        String terminal = given.terminalId();
        if (terminal == null) {
            terminal = entry == TokenDomain.CONTACTLESS ? TERMINAL_IN_STORE_DEFAULT : TERMINAL_IN_APP_DEFAULT;
        } else if (terminal.isEmpty() || terminal.length() > TERMINAL_ID_CHARS_MAX
                || terminal.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw invalid("terminal_id", "must be 1 to " + TERMINAL_ID_CHARS_MAX + " visible ASCII characters");
        }
        return new CardRails.TokenPresentment(dpan, given.atc(), cryptogram, unpredictableNumber, entry, terminal);
    }

    private static byte[] hex(String value, int chars, String field) {
        if (value == null) throw Params.missing(PREFIX + "[" + field + "]");
        if (value.length() != chars || !value.chars().allMatch(c -> HexFormat.isHexDigit(c))) {
            throw invalid(field, "must be " + chars + " hex digits");
        }
        return HexFormat.of().parseHex(value);
    }

    private static ApiException invalid(String field, String rule) {
        return ApiException.badRequest("parameter_invalid", PREFIX + "[" + field + "] " + rule + ".",
                PREFIX + "[" + field + "]");
    }
}
