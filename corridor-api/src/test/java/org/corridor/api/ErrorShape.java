package org.corridor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks that a response is an error in the one shape, and returns its message for further checks. */
final class ErrorShape {
    static final String REQUEST_ID = "req_[0-9a-f]{32}";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorShape() {}

    /** Asserts status, shape, type, code and param (null: absent); returns the message. */
    static String assertError(HttpResponse<String> response, int status, String type, String code, String param) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/json"));
        assertThat(response.headers().firstValue("Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches(REQUEST_ID));
        JsonNode body = JSON.readTree(response.body());
        assertThat(fieldNames(body)).containsExactly("error");
        JsonNode error = body.get("error");
        List<String> expected = new ArrayList<>(List.of("type", "code", "message"));
        if (param != null) {
            expected.add("param");
        }
        assertThat(fieldNames(error)).as("fields of %s", body).containsExactlyElementsOf(expected);
        assertThat(error.get("type").asString()).isEqualTo(type);
        assertThat(error.get("code").asString()).isEqualTo(code);
        if (param != null) {
            assertThat(error.get("param").asString()).isEqualTo(param);
        }
        String message = error.get("message").asString();
        assertThat(message).isNotBlank();
        return message;
    }

    /** An invalid_request_error. */
    static String assertInvalid(HttpResponse<String> response, int status, String code, String param) {
        return assertError(response, status, "invalid_request_error", code, param);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
