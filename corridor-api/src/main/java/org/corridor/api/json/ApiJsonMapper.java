package org.corridor.api.json;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.corridor.api.ApiLimits;
import org.corridor.api.error.ApiException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Javalin's JSON mapper, backed by Jackson 3 as {@link StrictJson} configures it. Javalin ships a Jackson 3
 * adapter of its own; this one exists because reading a body must answer the client: a refused body becomes a
 * 400 {@link ApiException} that names the parameter or the position, and a body read as a stream is bounded
 * like one read whole ({@code ctx.bodyStreamAsClass} would otherwise bypass Javalin's size limit).
 */
public final class ApiJsonMapper implements io.javalin.json.JsonMapper {
    private final JsonMapper jackson;

    /** A mapper over {@code jackson}, which should come from {@link StrictJson#newMapper()}. */
    public ApiJsonMapper(JsonMapper jackson) {
        this.jackson = jackson;
    }

    @Override
    public String toJsonString(Object value, Type type) {
        return jackson.writeValueAsString(value);
    }

    @Override
    public InputStream toJsonStream(Object value, Type type) {
        return new ByteArrayInputStream(jackson.writeValueAsBytes(value));
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        if (json.isBlank()) {
            throw missingBody();
        }
        try {
            return present(jackson.readValue(json, jackson.constructType(targetType)));
        } catch (JacksonException refused) {
            throw JsonProblems.translate(refused);
        }
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        byte[] body = BoundedRead.readAll(json, ApiLimits.REQUEST_BODY_BYTES_MAX);
        if (body.length == 0) {
            throw missingBody();
        }
        try {
            return present(jackson.readValue(body, jackson.constructType(targetType)));
        } catch (JacksonException refused) {
            throw JsonProblems.translate(refused);
        }
    }

    /** A body of {@code null} binds to nothing: refused like any other body that is not an object. */
    private static <T> T present(T value) {
        if (value == null) {
            throw ApiException.badRequest("json_invalid", "The request body must be a JSON object.", null);
        }
        return value;
    }

    private static ApiException missingBody() {
        return ApiException.badRequest("body_missing",
                "The request has no body; send a JSON object with Content-Type: application/json.", null);
    }
}
