package org.corridor.sim.issuer.control;

import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body read strictly as one JSON object: a duplicate key, trailing text or a field the route does
 * not know is refused rather than guessed at, and each field is read with its bounds, naming the field in any
 * refusal. The size bound is enforced before parsing, by {@link ControlServer}.
 */
final class JsonBody {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final JsonNode object;

    private JsonBody(JsonNode object) {
        this.object = object;
    }

    /**
     * Parses {@code body}, which must be a JSON object whose fields are all in {@code fields}; an empty body
     * reads as {@code {}} when {@code emptyAllowed}.
     */
    static JsonBody parse(byte[] body, Set<String> fields, boolean emptyAllowed) {
        if (body.length == 0) {
            if (emptyAllowed) return new JsonBody(JSON.createObjectNode());
            throw ControlRefusal.invalidJson("the body must be a JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException malformed) {
            throw ControlRefusal.invalidJson("the body is not valid JSON: " + firstLine(malformed.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) throw ControlRefusal.invalidJson("the body must be a JSON object");
        for (String name : node.propertyNames()) {
            if (!fields.contains(name)) throw ControlRefusal.unknownParameter(name);
        }
        return new JsonBody(node);
    }

    /** Whether {@code field} is present and not {@code null}. */
    boolean has(String field) {
        JsonNode value = object.get(field);
        return value != null && !value.isNull();
    }

    /** The string {@code field}; refused when absent, {@code null} or not a string. */
    String requiredString(String field) {
        if (!has(field)) throw ControlRefusal.missing(field);
        return optionalString(field);
    }

    /** The string {@code field}, or {@code null} when absent or {@code null}; refused when not a string. */
    String optionalString(String field) {
        if (!has(field)) return null;
        JsonNode value = object.get(field);
        if (!value.isString()) throw ControlRefusal.invalid(field, "must be a string");
        return value.stringValue();
    }

    /** The integer {@code field}, from {@code min} to {@code max}; refused when absent or out of bounds. */
    int requiredInt(String field, int min, int max) {
        if (!has(field)) throw ControlRefusal.missing(field);
        JsonNode value = object.get(field);
        String rule = "must be an integer from " + min + " to " + max;
        if (!value.isIntegralNumber() || !value.canConvertToInt()) throw ControlRefusal.invalid(field, rule);
        int number = value.intValue();
        if (number < min || number > max) throw ControlRefusal.invalid(field, rule);
        return number;
    }

    private static String firstLine(String message) {
        if (message == null) return "unreadable";
        int end = message.indexOf('\n');
        return ControlRefusal.echo(end < 0 ? message : message.substring(0, end));
    }
}
