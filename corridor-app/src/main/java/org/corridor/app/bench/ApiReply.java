package org.corridor.app.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP answer as the API benchmark sees it: the status code and the body, decoded as UTF-8. */
record ApiReply(int status, String body) {
    static final int OK = 200;
    /** The longest stretch of a body quoted in an error message. */
    private static final int BODY_QUOTE_CHARS_MAX = 300;

    boolean ok() {
        return status == OK;
    }

    JsonNode json() {
        return JsonMapper.shared().readTree(body);
    }

    /** The parsed body of a 200 answer; anything else stops the benchmark, saying what {@code step} got. */
    JsonNode expectOk(String step) {
        if (!ok()) throw new IllegalStateException(step + " answered " + status + ": " + quote());
        return json();
    }

    String quote() {
        return body.length() <= BODY_QUOTE_CHARS_MAX ? body : body.substring(0, BODY_QUOTE_CHARS_MAX) + "…";
    }
}
