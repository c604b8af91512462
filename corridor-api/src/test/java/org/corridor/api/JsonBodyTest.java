package org.corridor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.corridor.api.ErrorShape.assertInvalid;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict JSON reader, end to end: each refusal is a 400 that points at the parameter or the position. */
@Timeout(60)
class JsonBodyTest {
    private static final String ECHO = "/v1/test/echo";

    private static ApiServer server;
    private static ApiClient client;

    @BeforeAll
    static void start() {
        server = new ApiServer("127.0.0.1", 0, List.of(new TestRoutes())).start();
        client = new ApiClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aValidBodyIsReadAndAnsweredInSnakeCase() {
        String body = "{\"text\":\"hi\",\"amount_minor\":-9223372036854775808,\"urgent\":true,"
                + "\"item\":{\"name\":\"tea\",\"quantity\":2},\"items\":[{\"name\":\"cup\",\"quantity\":1}],"
                + "\"details\":{\"any\":[1,2.5,\"x\",null]}}";
        HttpResponse<String> response = client.postJson(ECHO, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void malformedJsonPointsAtTheLineAndColumn() {
        String message = assertInvalid(client.postJson(ECHO, "{\n  \"text\": \"a\",\n  oops\n}"), 400,
                "json_invalid", null);
        assertThat(message).contains("line 3, column 3").contains("Unexpected character");
        assertThat(message).doesNotContain("Source", "REDACTED", "tools.jackson", "StreamReadFeature");
    }

    @Test
    void truncatedJsonSaysSo() {
        String message = assertInvalid(client.postJson(ECHO, "{\"text\":\"a\""), 400, "json_invalid", null);
        assertThat(message).contains("ends before").doesNotContain("Source", "REDACTED");
    }

    @Test
    void contentAfterTheBodyIsRefused() {
        assertInvalid(client.postJson(ECHO, "{\"text\":\"a\"} {}"), 400, "json_invalid", null);
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefused() {
        for (String body : List.of("[]", "\"text\"", "42", "null")) {
            HttpResponse<String> response = client.postJson(ECHO, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertInvalid(response, 400, "json_invalid", null);
        }
    }

    @Test
    void anEmptyBodyIsMissing() {
        assertInvalid(client.postJson(ECHO, ""), 400, "body_missing", null);
        assertInvalid(client.postJson("/v1/test/echo_stream", ""), 400, "body_missing", null);
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        // The body object is level 1; "details" adds JSON_DEPTH_MAX - 1 levels of arrays.
        HttpResponse<String> response = client.postJson(ECHO, nested(ApiLimits.JSON_DEPTH_MAX - 1));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void nestingPastTheLimitIsRefused() {
        String message = assertInvalid(client.postJson(ECHO, nested(ApiLimits.JSON_DEPTH_MAX)), 400,
                "json_too_deep", null);
        assertThat(message).contains(Integer.toString(ApiLimits.JSON_DEPTH_MAX));
        assertInvalid(client.postJson("/v1/test/echo_stream", nested(ApiLimits.JSON_DEPTH_MAX)), 400,
                "json_too_deep", null);
    }

    @Test
    void unknownFieldsAreRefusedByPath() {
        String message = assertInvalid(client.postJson(ECHO, "{\"text\":\"a\",\"colour\":\"red\"}"), 400,
                "parameter_unknown", "colour");
        assertThat(message).contains("colour").doesNotContain("org.corridor", "Echo", "known properties");
        assertInvalid(client.postJson(ECHO, "{\"item\":{\"name\":\"a\",\"size\":1}}"), 400, "parameter_unknown",
                "item.size");
        assertInvalid(client.postJson(ECHO, "{\"items\":[{\"name\":\"a\"},{\"weight\":1}]}"), 400,
                "parameter_unknown", "items[1].weight");
        assertInvalid(client.postJson(ECHO, "{\"amountMinor\":1}"), 400, "parameter_unknown", "amountMinor");
    }

    @Test
    void duplicateKeysAreRefused() {
        String message = assertInvalid(client.postJson(ECHO, "{\"text\":\"a\",\"text\":\"b\"}"), 400,
                "json_duplicate_key", "text");
        assertThat(message).contains("text");
        assertInvalid(client.postJson(ECHO, "{\"details\":{\"k\":1,\"k\":2}}"), 400, "json_duplicate_key",
                "details.k");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "{\"amount_minor\":1.5}                  | parameter_invalid_integer | amount_minor",
        "{\"amount_minor\":1.0}                  | parameter_invalid_integer | amount_minor",
        "{\"amount_minor\":1e3}                  | parameter_invalid_integer | amount_minor",
        "{\"amount_minor\":\"12\"}               | parameter_invalid_integer | amount_minor",
        "{\"amount_minor\":true}                 | parameter_invalid_integer | amount_minor",
        "{\"amount_minor\":null}                 | parameter_invalid_integer | amount_minor",
        "{\"amount_minor\":9223372036854775808}  | parameter_invalid_integer | amount_minor",
        "{\"amount_minor\":123456789012345678901234567} | json_number_too_long | NULL",
        "{\"items\":[{\"quantity\":0.5}]}        | parameter_invalid_integer | items[0].quantity",
        "{\"text\":12}                           | parameter_invalid         | text",
        "{\"text\":true}                         | parameter_invalid         | text",
        "{\"text\":{}}                           | parameter_invalid         | text",
        "{\"urgent\":1}                          | parameter_invalid         | urgent",
        "{\"urgent\":\"true\"}                   | parameter_invalid         | urgent",
        "{\"items\":{}}                          | parameter_invalid         | items",
        "{\"text\":\"longer than twenty characters\"} | parameter_too_long   | text",
    })
    void aValueOfTheWrongKindIsRefusedByPath(String body, String code, String param) {
        String message = assertInvalid(client.postJson(ECHO, body), 400, code, param);
        assertThat(message).doesNotContain("org.corridor", "java.", "`", "Cannot deserialize");
    }

    @Test
    void theStreamingReaderIsAsStrict() {
        assertInvalid(client.postJson("/v1/test/echo_stream", "{\"colour\":1}"), 400, "parameter_unknown",
                "colour");
        HttpResponse<String> response = client.postJson("/v1/test/echo_stream", "{\"text\":\"a\"}");
        assertThat(response.statusCode()).isEqualTo(200);
    }

    /** A valid echo body whose {@code details} nests {@code levels} arrays. */
    private static String nested(int levels) {
        return "{\"details\":" + "[".repeat(levels) + "]".repeat(levels) + "}";
    }
}
