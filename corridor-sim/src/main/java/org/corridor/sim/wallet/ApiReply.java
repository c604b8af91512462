package org.corridor.sim.wallet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * One HTTP answer from the API: the status code and the body as JSON (a missing node when the body was empty or not
 * JSON, so that an odd error page from a proxy still yields a status to report).
 *
 * @param status the HTTP status code
 * @param body the parsed body
 */
public record ApiReply(int status, JsonNode body) {
    /** The status of a successful call. */
    public static final int OK = 200;

    /** Parses {@code bytes} as JSON, or keeps a missing node if they are not JSON. */
    static ApiReply of(int status, byte[] bytes) {
        JsonNode body;
        try {
            body = bytes.length == 0 ? MissingNode.getInstance() : JsonMapper.shared().readTree(bytes);
        } catch (JacksonException notJson) {
            body = MissingNode.getInstance();
        }
        return new ApiReply(status, body == null ? MissingNode.getInstance() : body);
    }

    /** Whether the call succeeded. */
    public boolean ok() {
        return status == OK;
    }

    /** The string at {@code field} of the body, or null if there is none. */
    public String text(String field) {
        return textOf(body.path(field));
    }

    /** The string at {@code error.field}, or null if there is none. */
    public String errorText(String field) {
        return textOf(body.path("error").path(field));
    }

    static String textOf(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }
}
