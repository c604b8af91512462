package org.corridor.sim.wallet;

import org.corridor.vault.Pan;
import org.corridor.vault.cryptogram.TokenKey;

/**
 * The answer to an enrolment: on success the provisioned token's id, device PAN, network and key (each shown only in
 * this one reply); otherwise the error. A 200 answer missing any of those fields, or carrying a malformed device PAN
 * or key, counts as failed with code {@value #MALFORMED_REPLY}.
 *
 * @param result the status, ids and error fields
 * @param dpan the device PAN, or null unless provisioned
 * @param network the card network ({@code visa}, ...), or null
 * @param tokenKey the token key, or null unless provisioned
 */
public record Enrolment(ApiResult result, String dpan, String network, TokenKey tokenKey) {
    /** The error code given to a 200 answer the wallet cannot use. */
    public static final String MALFORMED_REPLY = "malformed_reply";

    /** Reads the fields the wallet needs from {@code reply}. */
    static Enrolment of(ApiReply reply) {
        ApiResult result = ApiResult.of(reply);
        if (!result.ok()) return new Enrolment(result, null, null, null);
        String dpan = reply.text("dpan");
        String keyHex = reply.text("token_key");
        boolean usable = result.id() != null && Pan.isValid(dpan) && keyHex != null
                && keyHex.length() == TokenKey.KEY_HEX_CHARS && isIdSafe(result.id());
        TokenKey key = null;
        if (usable) {
            try {
                key = TokenKey.fromHex(keyHex);
            } catch (IllegalArgumentException notHex) {
                usable = false;
            }
        }
        if (!usable) {
            return new Enrolment(new ApiResult(result.httpStatus(), result.id(), result.objectStatus(), null,
                    MALFORMED_REPLY, null), null, null, null);
        }
        return new Enrolment(result, dpan, reply.text("network"), key);
    }

    private static boolean isIdSafe(String id) {
        try {
            ApiPaths.requireId(id, "token id");
            return true;
        } catch (IllegalArgumentException unsafe) {
            return false;
        }
    }

    /** Whether a token was provisioned and can be put on the phone. */
    public boolean provisioned() {
        return result.ok() && tokenKey != null;
    }

    /** The token id, or null. */
    public String tokenId() {
        return result.id();
    }

    /** The device PAN masked, and the key's check value only. */
    @Override
    public String toString() {
        return "Enrolment[" + result + ", " + CardNumbers.mask(dpan) + ", " + network + ", " + tokenKey + "]";
    }
}
