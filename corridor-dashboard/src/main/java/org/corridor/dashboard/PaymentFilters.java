package org.corridor.dashboard;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.corridor.core.payment.PaymentIntent;
import org.corridor.core.payment.PaymentIntentStatus;

/**
 * The payments page's filters, from its query string; an empty field filters nothing.
 *
 * @param status a {@link PaymentIntentStatus} in lower case, or empty
 * @param currency an ISO 4217 code, or empty
 * @param merchant a participant id, or empty
 * @param method a {@link Rail} in lower case, or empty
 */
public record PaymentFilters(String status, String currency, String merchant, String method) {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern ID = Pattern.compile("[a-z]+_[0-9a-z]{1,60}");

    /** The filters a request asks for; 400 for a value no intent could have. */
    static PaymentFilters of(Context ctx) {
        String status = param(ctx, "status");
        String currency = param(ctx, "currency").toUpperCase(Locale.ROOT);
        String merchant = param(ctx, "merchant");
        String method = param(ctx, "method");
        if (!status.isEmpty() && !isEnum(PaymentIntentStatus.class, status)) {
            throw new BadRequestResponse("unknown status");
        }
        if (!currency.isEmpty() && !CURRENCY.matcher(currency).matches()) throw new BadRequestResponse("bad currency");
        if (!merchant.isEmpty() && !ID.matcher(merchant).matches()) throw new BadRequestResponse("bad merchant id");
        if (!method.isEmpty() && !isEnum(Rail.class, method)) throw new BadRequestResponse("unknown method");
        return new PaymentFilters(status, currency, merchant, method);
    }

    /** Whether {@code intent} passes every filter set. */
    Predicate<PaymentIntent> test() {
        return intent -> (status.isEmpty() || Format.name(intent.status()).equals(status))
                && (currency.isEmpty() || intent.currency().equals(currency))
                && (merchant.isEmpty() || intent.ownerId().equals(merchant))
                && (method.isEmpty() || Format.name(Rail.of(intent)).equals(method));
    }

    /** The query string of these filters and {@code cursor}, for the link to the next page. */
    public String nextQuery(String cursor) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("status", status);
        fields.put("currency", currency);
        fields.put("merchant", merchant);
        fields.put("method", method);
        fields.put("starting_after", cursor);
        StringBuilder query = new StringBuilder();
        fields.forEach((name, value) -> {
            if (value.isEmpty()) return;
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    private static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null ? "" : value.strip();
    }

    private static <E extends Enum<E>> boolean isEnum(Class<E> type, String lowerCase) {
        for (E constant : type.getEnumConstants()) {
            if (Format.name(constant).equals(lowerCase)) return true;
        }
        return false;
    }
}
