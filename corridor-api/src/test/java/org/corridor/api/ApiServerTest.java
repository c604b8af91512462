package org.corridor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.corridor.api.ErrorShape.REQUEST_ID;
import static org.corridor.api.ErrorShape.assertError;
import static org.corridor.api.ErrorShape.assertInvalid;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.corridor.api.error.ErrorStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/** The real server on a random port, over plain HTTP: conventions, limits and every error path. */
@Timeout(60)
class ApiServerTest {
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
    void healthAnswersOk() {
        HttpResponse<String> response = client.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\",\"checks\":{}}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id)
                .matches(REQUEST_ID));
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void everyResponseHasItsOwnRequestId() throws Exception {
        List<String> paths = List.of("/health", "/nowhere", "/v1/test/status/CONFLICT", "/openapi.yaml");
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 200; i++) {
                String path = paths.get(i % paths.size());
                calls.add(callers.submit(() -> client.get(path)));
            }
        }
        Set<String> ids = new HashSet<>();
        for (Future<HttpResponse<String>> call : calls) {
            String id = call.get().headers().firstValue("Request-Id").orElseThrow();
            assertThat(id).matches(REQUEST_ID);
            ids.add(id);
        }
        assertThat(ids).hasSize(calls.size());
    }

    @Test
    void aRequestIdSentByTheClientIsIgnored() {
        HttpResponse<String> response = client.send(client.request("/health")
                .header("Request-Id", "req_chosen_by_the_client").GET().build());
        assertThat(response.headers().allValues("Request-Id")).singleElement()
                .satisfies(id -> assertThat(id).matches(REQUEST_ID));
    }

    @Test
    void unknownRouteIs404InTheErrorShape() {
        String message = assertInvalid(client.get("/v1/nowhere"), 404, "url_unrecognized", null);
        assertThat(message).contains("GET /v1/nowhere");
        assertInvalid(client.get("/health/"), 404, "url_unrecognized", null);
        assertInvalid(client.get("/HEALTH"), 404, "url_unrecognized", null);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> response = client.send(client.request("/health")
                .DELETE().build());
        String message = assertInvalid(response, 405, "method_not_allowed", null);
        assertThat(message).contains("DELETE").contains("/health");
        assertThat(response.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertInvalid(client.postJson("/health", "{}"), 405, "method_not_allowed", null);
        assertInvalid(client.get("/v1/test/echo"), 405, "method_not_allowed", null);
    }

    @Test
    void headAnswersWhereGetDoes() {
        HttpResponse<String> response = client.send(client.request("/health")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Request-Id")).isPresent();
    }

    @Test
    void declaredBodyOverTheLimitIs413() {
        byte[] body = jsonOfBytes(ApiLimits.REQUEST_BODY_BYTES_MAX + 1);
        HttpResponse<String> response = client.send(client.request("/v1/test/echo")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        String message = assertInvalid(response, 413, "body_too_large", null);
        assertThat(message).contains(Integer.toString(ApiLimits.REQUEST_BODY_BYTES_MAX));
    }

    @Test
    void declaredBodyOverTheLimitIsRefusedBeforeAnyOfItIsSent() throws IOException {
        // Headers only: the server must answer from Content-Length alone, without waiting for the body.
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.setSoTimeout((int) ApiClient.CALL_TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/test/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 413 ");
            assertThat(head).containsIgnoringCase("Request-Id: req_");
        }
    }

    @Test
    void aBodyTrickledInTooSlowlyIs408InTheErrorShape() throws Exception {
        for (String path : List.of("/v1/test/echo", "/v1/test/echo_stream")) {
            try (Socket socket = new Socket(server.host(), server.port())) {
                socket.setSoTimeout((int) ApiClient.CALL_TIMEOUT.toMillis());
                OutputStream out = socket.getOutputStream();
                out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100\r\n\r\n{\"te").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // Four bytes, then a pause: far below REQUEST_BODY_BYTES_PER_SECOND_MIN however slow the machine.
                Thread.sleep(1_500);
                out.write("xt\":".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(socket.getInputStream());
                assertThat(head).as(path).startsWith("HTTP/1.1 408 ");
                assertThat(head).containsIgnoringCase("Content-Type: application/json")
                        .containsIgnoringCase("Request-Id: req_");
            }
        }
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        for (String path : List.of("/v1/test/echo", "/v1/test/echo_stream")) {
            byte[] body = jsonOfBytes(ApiLimits.REQUEST_BODY_BYTES_MAX + 1);
            HttpResponse<String> response = client.send(client.request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
            assertThat(response.request().headers().firstValue("Content-Length")).isEmpty();
            assertInvalid(response, 413, "body_too_large", null);
        }
    }

    @Test
    void chunkedBodyAtTheLimitIsRead() {
        byte[] body = jsonOfBytes(ApiLimits.REQUEST_BODY_BYTES_MAX);
        HttpResponse<String> response = client.send(client.request("/v1/test/echo")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void bodyThatIsNotJsonIs415() {
        for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=iso-8859-1", "application/jsonx")) {
            HttpResponse<String> response = client.send(client.request("/v1/test/echo")
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a\"}")).build());
            assertInvalid(response, 415, "content_type_unsupported", null);
        }
        HttpResponse<String> noType = client.send(client.request("/v1/test/ignore_body")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertInvalid(noType, 415, "content_type_unsupported", null);
    }

    @Test
    void jsonContentTypesAreAccepted() {
        for (String contentType : List.of("application/json", "application/json; charset=utf-8",
                "Application/JSON;charset=\"UTF-8\"")) {
            HttpResponse<String> response = client.send(client.request("/v1/test/echo")
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a\"}")).build());
            assertThat(response.statusCode()).as(contentType).isEqualTo(200);
        }
    }

    @Test
    void aFaultIs500WithoutInternalDetailAndIsLoggedWithTheRequestId() {
        Logger log = (Logger) LoggerFactory.getLogger(ErrorMapping.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        log.addAppender(captured);
        try {
            for (String path : List.of("/v1/test/fault", "/v1/test/fatal")) {
                HttpResponse<String> response = client.get(path);
                assertError(response, 500, "api_error", "internal_error", null);
                assertThat(response.body()).doesNotContain(TestRoutes.SECRET, "Exception", "Error:", "java.",
                        "org.corridor", "10.0.0.7");
                String requestId = response.headers().firstValue("Request-Id").orElseThrow();
                assertThat(captured.list).anySatisfy(event -> {
                    assertThat(event.getFormattedMessage()).contains(requestId);
                    assertThat(event.getThrowableProxy().getMessage()).contains(TestRoutes.SECRET);
                });
            }
        } finally {
            log.detachAppender(captured);
        }
    }

    @ParameterizedTest
    @EnumSource(ErrorStatus.class)
    void everyDocumentedStatusHasTheErrorShape(ErrorStatus status) {
        HttpResponse<String> response = client.get("/v1/test/status/" + status.name());
        boolean aboutParam = status.code() < 500 && status != ErrorStatus.TOO_MANY_REQUESTS;
        assertError(response, status.code(), status.defaultType().wireName(), "test_" + status.code(),
                aboutParam ? "some_param" : null);
        if (status == ErrorStatus.TOO_MANY_REQUESTS || status == ErrorStatus.SERVICE_UNAVAILABLE) {
            assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
        } else {
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    @Test
    void javalinsOwnAnswersAndValidatorsUseTheErrorShape() {
        assertInvalid(client.get("/v1/test/javalin_forbidden"), 403, "forbidden", null);
        assertInvalid(client.get("/v1/test/validated?limit=abc"), 400, "parameter_invalid", "limit");
        assertInvalid(client.get("/v1/test/validated?limit=-1"), 400, "parameter_invalid", "limit");
        assertThat(client.get("/v1/test/validated?limit=5").body()).isEqualTo("{\"name\":\"limit\",\"quantity\":5}");
    }

    @Test
    void tooManyRequestsSaysWhenToRetryInWholeSeconds() {
        HttpResponse<String> response = client.get("/v1/test/throttled");
        assertInvalid(response, 429, "rate_limit", null);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void handlersRunOnVirtualThreads() {
        assertThat(client.get("/v1/test/thread").body()).isEqualTo("{\"virtual\":true}");
    }

    @Test
    void headersOverTheLimitAre431InTheErrorShape() {
        HttpResponse<String> response = client.send(client.request("/health")
                .header("X-Padding", "a".repeat(ApiLimits.REQUEST_HEADER_BYTES_MAX)).GET().build());
        String message = assertInvalid(response, 431, "headers_too_large", null);
        assertThat(message).contains(Integer.toString(ApiLimits.REQUEST_HEADER_BYTES_MAX));
    }

    @Test
    void ambiguousPathIs400InTheErrorShape() {
        assertInvalid(client.get("/v1/%2e%2e/health"), 400, "request_malformed", null);
        assertInvalid(client.get("/v1/a%2Fb"), 400, "request_malformed", null);
    }

    @Test
    void aTakenPortIsABindFailure() {
        ApiServer second = new ApiServer("127.0.0.1", server.port(), List.of());
        assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(BindException.class);
        second.close();
    }

    @Test
    void routesComeFromTheRouter() {
        assertThat(server.routes()).contains(new Route("GET", "/health"), new Route("GET", "/openapi.yaml"),
                new Route("POST", "/v1/test/echo"));
    }

    /** A JSON object of exactly {@code bytes} bytes that the echo route accepts. */
    static byte[] jsonOfBytes(int bytes) {
        String prefix = "{\"text\":\"a\",\"details\":\"";
        String suffix = "\"}";
        return (prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
