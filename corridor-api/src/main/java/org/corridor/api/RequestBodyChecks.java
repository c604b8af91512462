package org.corridor.api;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Locale;
import org.corridor.api.error.ApiException;

/**
 * What the server checks of a request body before a handler (or a parser) touches it: the declared size and
 * the media type. A body without {@code Content-Length} (chunked) is bounded while it is read instead, by
 * Javalin's {@code maxRequestSize} and {@link org.corridor.api.json.ApiJsonMapper}.
 */
final class RequestBodyChecks {
    private static final String JSON = "application/json";

    private RequestBodyChecks() {}

    /**
     * Throws 413 for a POST, PUT or PATCH whose body is too large, and 415 for one to the versioned API that is not
     * JSON (pages post HTML forms).
     */
    static void check(Context ctx) {
        HandlerType method = ctx.method();
        if (method != HandlerType.POST && method != HandlerType.PUT && method != HandlerType.PATCH) {
            return;
        }
        long declaredBytes = ctx.req().getContentLengthLong();
        boolean hasBody = declaredBytes > 0 || ctx.header("Transfer-Encoding") != null;
        if (!hasBody) {
            return;
        }
        if (declaredBytes > ApiLimits.REQUEST_BODY_BYTES_MAX) {
            throw ApiException.contentTooLarge("The request body is " + declaredBytes + " bytes; the limit is "
                    + ApiLimits.REQUEST_BODY_BYTES_MAX + " bytes.");
        }
        if (ctx.path().startsWith(ApiServer.VERSION_PREFIX + "/") && !isUtf8Json(ctx.header("Content-Type"))) {
            throw ApiException.unsupportedMediaType(
                    "Send the request body as JSON with Content-Type: application/json (UTF-8).");
        }
    }

    /** True for {@code application/json}, with no charset or with {@code charset=utf-8}. */
    static boolean isUtf8Json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].strip().equalsIgnoreCase(JSON)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = parameter.substring(equals + 1).strip().replace("\"", "");
            if (name.equals("charset") && !value.equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }
}
