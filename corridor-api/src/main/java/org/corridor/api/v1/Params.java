package org.corridor.api.v1;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridor.api.error.ApiException;
import org.corridor.core.kyc.KycTier;
import org.corridor.core.money.Currencies;
import org.corridor.core.port.ObjectReader;
import org.corridor.core.state.ObjectIds;

/** Checks of request parameters, each with its named limit and a 400 that names the parameter. */
final class Params {
    /** The largest amount accepted: 10^12 - 1 minor units (about ten billion dollars, a trillion yen). */
    static final long AMOUNT_MINOR_MAX = 999_999_999_999L;
    static final int METADATA_KEYS_MAX = 50;
    static final int METADATA_KEY_CHARS_MAX = 40;
    static final int METADATA_VALUE_CHARS_MAX = 500;
    static final int DESCRIPTION_CHARS_MAX = 1_000;
    static final int NAME_CHARS_MAX = 200;
    static final int PAGE_LIMIT_DEFAULT = 10;
    static final int CURRENCIES_MAX = 32;

    private Params() {}

    static long amount(Long amount, String param, boolean required) {
        if (amount == null) {
            if (required) throw missing(param);
            return 0;
        }
        if (amount < 1 || amount > AMOUNT_MINOR_MAX) {
            throw ApiException.badRequest("amount_invalid", param + " must be an integer number of minor units from 1 to "
                    + AMOUNT_MINOR_MAX + ".", param);
        }
        return amount;
    }

    /** An ISO 4217 code in either case, returned upper case. */
    static String currency(String code, String param) {
        if (code == null) throw missing(param);
        return Currencies.parse(code).map(c -> c.getCurrencyCode()).orElseThrow(() -> ApiException.badRequest(
                "currency_invalid", param + " must be an ISO 4217 currency code such as USD or CNY.", param));
    }

    static String text(String value, String param, int charsMax, boolean required) {
        if (value == null) {
            if (required) throw missing(param);
            return "";
        }
        if (value.length() > charsMax) {
            throw ApiException.badRequest("parameter_too_long", param + " is longer than " + charsMax + " characters.", param);
        }
        if (value.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
            throw ApiException.badRequest("parameter_invalid", param + " must not contain control characters.", param);
        }
        return value;
    }

    static Map<String, String> metadata(Map<String, String> metadata) {
        if (metadata == null) return Map.of();
        if (metadata.size() > METADATA_KEYS_MAX) {
            throw ApiException.badRequest("metadata_invalid", "metadata holds at most " + METADATA_KEYS_MAX + " keys.",
                    "metadata");
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            String param = "metadata[" + bounded(entry.getKey()) + "]";
            if (entry.getKey().isEmpty() || entry.getKey().length() > METADATA_KEY_CHARS_MAX) {
                throw ApiException.badRequest("metadata_invalid",
                        "metadata keys are 1 to " + METADATA_KEY_CHARS_MAX + " characters.", "metadata");
            }
            if (entry.getValue() == null) {
                throw ApiException.badRequest("metadata_invalid", "metadata values are strings.", param);
            }
            text(entry.getValue(), param, METADATA_VALUE_CHARS_MAX, true);
        }
        return Map.copyOf(metadata);
    }

    /** Currencies a participant or customer holds: 1 to {@link #CURRENCIES_MAX} ISO 4217 codes, duplicates folded. */
    static List<String> currencies(List<String> given) {
        if (given == null || given.isEmpty()) throw missing("currencies");
        if (given.size() > CURRENCIES_MAX) {
            throw ApiException.badRequest("parameter_invalid", "currencies holds at most " + CURRENCIES_MAX + " codes.",
                    "currencies");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : given) codes.add(currency(code, "currencies"));
        return new ArrayList<>(codes);
    }

    /** 404 for an object the caller does not own or that does not exist: the same answer for both. */
    static ApiException notFound(String what, String id) {
        return ApiException.notFound("resource_missing", "No such " + what + ": '" + id + "'.", "id");
    }

    /** A prefixed object id given by the client: bounded, and of the right prefix. */
    static String id(String value, String prefix, String param) {
        if (value == null) throw missing(param);
        if (value.length() > ObjectIds.ID_CHARS_MAX || !value.startsWith(prefix)) {
            throw ApiException.badRequest("parameter_invalid", param + " must be an id starting with " + prefix + ".", param);
        }
        return value;
    }

    /** A KYC tier's name: 1 to {@link KycTier#NAME_CHARS_MAX} of {@code [a-z0-9_]}; if not required, left out is "". */
    static String kycTier(String value, String param, boolean required) {
        if (value == null) {
            if (required) throw missing(param);
            return "";
        }
        if (!required && value.isEmpty()) return "";
        if (!KycTier.validName(value)) {
            throw ApiException.badRequest("parameter_invalid", param + " must be 1 to " + KycTier.NAME_CHARS_MAX
                    + " characters of a-z, 0-9 and _.", param);
        }
        return value;
    }

    /** {@code limit} and {@code starting_after}, refusing any query parameter not in {@code allowed}. */
    record PageRequest(int limit, String startingAfter) {}

    static PageRequest page(Context ctx, Set<String> allowed) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!name.equals("limit") && !name.equals("starting_after") && !allowed.contains(name)) {
                throw ApiException.badRequest("parameter_unknown", "Unknown query parameter: " + bounded(name) + ".", bounded(name));
            }
        }
        int limit = PAGE_LIMIT_DEFAULT;
        String given = ctx.queryParam("limit");
        if (given != null) {
            try {
                limit = Integer.parseInt(given);
            } catch (NumberFormatException notNumber) {
                limit = -1;
            }
            if (limit < 1 || limit > ObjectReader.PAGE_LIMIT_MAX) {
                throw ApiException.badRequest("parameter_invalid",
                        "limit must be an integer from 1 to " + ObjectReader.PAGE_LIMIT_MAX + ".", "limit");
            }
        }
        String after = ctx.queryParam("starting_after");
        if (after != null && (after.isEmpty() || after.length() > ObjectIds.ID_CHARS_MAX)) {
            throw ApiException.badRequest("parameter_invalid", "starting_after must be an object id.", "starting_after");
        }
        return new PageRequest(limit, after);
    }

    /** A path parameter: bounded before it is used or echoed. */
    static String pathId(Context ctx, String name) {
        String value = ctx.pathParam(name);
        if (value.length() > ObjectIds.ID_CHARS_MAX) {
            throw ApiException.notFound("resource_missing", "No such object.", name);
        }
        return value;
    }

    static ApiException missing(String param) {
        return ApiException.badRequest("parameter_missing", "Missing required parameter: " + param + ".", param);
    }

    private static String bounded(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
