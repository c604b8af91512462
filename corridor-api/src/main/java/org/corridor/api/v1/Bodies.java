package org.corridor.api.v1;

import io.javalin.http.Context;
import org.corridor.api.error.ApiException;

/** Request bodies: an empty body is the request with every parameter left out. */
final class Bodies {
    private Bodies() {}

    static <T> T read(Context ctx, Class<T> type, T whenEmpty) {
        return ctx.bodyAsBytes().length == 0 ? whenEmpty : ctx.bodyAsClass(type);
    }

    /** A body that must hold something. */
    static <T> T required(Context ctx, Class<T> type) {
        if (ctx.bodyAsBytes().length == 0) {
            throw ApiException.badRequest("body_missing", "This request needs a JSON body.", null);
        }
        return ctx.bodyAsClass(type);
    }
}
