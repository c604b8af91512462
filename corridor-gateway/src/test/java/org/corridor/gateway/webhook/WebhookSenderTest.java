package org.corridor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.corridor.gateway.webhook.DeliveryOutcome.Result;
import org.corridor.gateway.webhook.StandardWebhooksVerifier.Verdict;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sends real HTTP requests to a server on the loopback interface. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebhookSenderTest {
    private static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    private static final long TEST_CONNECT_TIMEOUT_MS = 2_000;
    private static final long TEST_RESPONSE_TIMEOUT_MS = 2_000;
    private static final long SHORT_RESPONSE_TIMEOUT_MS = 300;
    private static final long RECEIVE_WAIT_MS = 5_000;
    private static final String MESSAGE_ID = "msg_2f1c0a7e9b3d4c5a8e6f7a9b0c1d2e3f";
    /** Not minified, with a trailing newline and non-ASCII text: any re-encoding would break the signature. */
    private static final byte[] BODY = "{ \"type\": \"transfer.posted\", \"note\": \"Grüße ✓\" }\n"
            .getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final WebhookSecret newSecret = WebhookSecret.generate(random);
    private final WebhookSecret oldSecret = WebhookSecret.generate(random);
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final CountDownLatch releaseSilentHandler = new CountDownLatch(1);
    private final ExecutorService serverExecutor = Executors.newVirtualThreadPerTaskExecutor();
    private HttpServer server;
    private WebhookSender sender;

    private record Received(String path, String method, Headers headers, byte[] body) {}

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(serverExecutor);
        server.createContext("/ok", exchange -> answer(exchange, 200, "thanks"));
        server.createContext("/fail", exchange -> answer(exchange, 500, "boom"));
        server.createContext("/elsewhere", exchange -> answer(exchange, 200, ""));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("location", url("/elsewhere"));
            answer(exchange, 302, "");
        });
        server.createContext("/silent", exchange -> {
            record(exchange);
            awaitRelease();
            exchange.close();
        });
        server.start();
        sender = new WebhookSender(InstantSource.fixed(NOW), TEST_CONNECT_TIMEOUT_MS, TEST_RESPONSE_TIMEOUT_MS);
    }

    @AfterEach
    void stopServer() {
        releaseSilentHandler.countDown();
        sender.close();
        server.stop(0);
        serverExecutor.close();
    }

    @Test
    void a2xxAnswerIsDeliveredWithTheStandardHeadersAndTheExactBody() throws InterruptedException {
        DeliveryOutcome outcome = sender.send(url("/ok"), MESSAGE_ID, BODY, List.of(newSecret, oldSecret));

        assertThat(outcome.result()).isEqualTo(Result.DELIVERED);
        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.httpStatusCode()).isEqualTo(200);
        assertThat(outcome.failureDetail()).isEmpty();
        assertThat(outcome.elapsed()).isPositive();

        Received request = nextRequest();
        assertThat(request.path()).isEqualTo("/ok");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo(BODY);
        assertThat(request.headers().get("content-type")).containsExactly("application/json");
        assertThat(request.headers().get("user-agent")).containsExactly("Corridor-Webhooks/1");
        assertThat(request.headers().get("webhook-id")).containsExactly(MESSAGE_ID);
        assertThat(request.headers().get("webhook-timestamp")).containsExactly(Long.toString(NOW.getEpochSecond()));
        assertThat(request.headers().get("webhook-signature")).hasSize(1);
        assertThat(received).isEmpty();
    }

    @Test
    void aReceiverHoldingEitherRotatedSecretVerifiesWhatWasSent() throws InterruptedException {
        sender.send(url("/ok"), MESSAGE_ID, BODY, List.of(newSecret, oldSecret));
        Received request = nextRequest();

        assertThat(verify(newSecret, request)).isEqualTo(Verdict.VERIFIED);
        assertThat(verify(oldSecret, request)).isEqualTo(Verdict.VERIFIED);
        assertThat(verify(WebhookSecret.generate(random), request)).isEqualTo(Verdict.NO_MATCHING_SIGNATURE);
    }

    @Test
    void a500AnswerFailsWithItsStatus() throws InterruptedException {
        DeliveryOutcome outcome = sender.send(url("/fail"), MESSAGE_ID, BODY, List.of(newSecret));

        assertThat(outcome.result()).isEqualTo(Result.REJECTED);
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.httpStatusCode()).isEqualTo(500);
        assertThat(outcome.failureDetail()).isEqualTo("HTTP status 500");
        assertThat(verify(newSecret, nextRequest())).isEqualTo(Verdict.VERIFIED);
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() throws InterruptedException {
        DeliveryOutcome outcome = sender.send(url("/redirect"), MESSAGE_ID, BODY, List.of(newSecret));

        assertThat(outcome.result()).isEqualTo(Result.REJECTED);
        assertThat(outcome.httpStatusCode()).isEqualTo(302);
        assertThat(nextRequest().path()).isEqualTo("/redirect");
        assertThat(received.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void anEndpointThatNeverAnswersFailsOnceTheResponseTimeoutPasses() throws InterruptedException {
        try (WebhookSender impatient =
                new WebhookSender(InstantSource.fixed(NOW), TEST_CONNECT_TIMEOUT_MS, SHORT_RESPONSE_TIMEOUT_MS)) {
            DeliveryOutcome outcome = impatient.send(url("/silent"), MESSAGE_ID, BODY, List.of(newSecret));

            assertThat(outcome.result()).isEqualTo(Result.NO_RESPONSE);
            assertThat(outcome.httpStatusCode()).isEqualTo(DeliveryOutcome.NO_HTTP_STATUS);
            assertThat(outcome.failureDetail()).startsWith("java.net.http.HttpTimeoutException");
            // A lower bound only: the timeout cannot pass early, however slow the machine is.
            assertThat(outcome.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(SHORT_RESPONSE_TIMEOUT_MS));
            assertThat(nextRequest().path()).isEqualTo("/silent");
        }
    }

    @Test
    void aRefusedConnectionFails() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        DeliveryOutcome outcome =
                sender.send("http://127.0.0.1:" + closedPort + "/hook", MESSAGE_ID, BODY, List.of(newSecret));

        assertThat(outcome.result()).isEqualTo(Result.NO_RESPONSE);
        assertThat(outcome.httpStatusCode()).isEqualTo(DeliveryOutcome.NO_HTTP_STATUS);
        assertThat(outcome.failureDetail()).startsWith("java.net.ConnectException");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ftp://127.0.0.1/hook",
        "file:///etc/passwd",
        "mailto:ops@example.com",
        "ws://127.0.0.1/hook",
        "127.0.0.1/hook",
        "/ok",
        "",
        "not a url",
        "http://",
        "http:///ok",
        "http://exa mple.com/ok",
        "https://merchant:token-canary@example.com/ok"
    })
    void aUrlThatIsNotAnAbsoluteHttpUrlFailsWithoutSendingAnything(String endpointUrl) {
        DeliveryOutcome outcome = sender.send(endpointUrl, MESSAGE_ID, BODY, List.of(newSecret));

        assertThat(outcome.result()).isEqualTo(Result.INVALID_ENDPOINT);
        assertThat(outcome.httpStatusCode()).isEqualTo(DeliveryOutcome.NO_HTTP_STATUS);
        assertThat(outcome.failureDetail()).startsWith("the endpoint URL").doesNotContain("token-canary");
        assertThat(received).isEmpty();
    }

    @Test
    void anOverlongUrlFailsWithoutSendingAnything() {
        String overlong = url("/ok?pad=" + "x".repeat(WebhookSender.ENDPOINT_URL_CHARS_MAX));

        DeliveryOutcome outcome = sender.send(overlong, MESSAGE_ID, BODY, List.of(newSecret));

        assertThat(outcome.result()).isEqualTo(Result.INVALID_ENDPOINT);
        assertThat(outcome.failureDetail()).isEqualTo("the endpoint URL is longer than 2048 characters");
        assertThat(received).isEmpty();
    }

    @Test
    void corridorsOwnMistakesAreExceptionsNotOutcomes() {
        byte[] tooLarge = new byte[WebhookSender.REQUEST_BODY_BYTES_MAX + 1];

        assertThatThrownBy(() -> sender.send(url("/ok"), MESSAGE_ID, tooLarge, List.of(newSecret)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a webhook body is at most 262144 bytes, not 262145");
        assertThatThrownBy(() -> sender.send(url("/ok"), "msg.1", BODY, List.of(newSecret)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sender.send(url("/ok"), MESSAGE_ID, BODY, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(received).isEmpty();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private Received nextRequest() throws InterruptedException {
        Received request = received.poll(RECEIVE_WAIT_MS, TimeUnit.MILLISECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    private static Verdict verify(WebhookSecret secret, Received request) {
        return new StandardWebhooksVerifier(secret.revealEncoded())
                .verify(
                        request.headers().getFirst("webhook-id"),
                        request.headers().getFirst("webhook-timestamp"),
                        request.headers().getFirst("webhook-signature"),
                        request.body(),
                        NOW);
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        record(exchange);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Received(
                exchange.getRequestURI().getPath(), exchange.getRequestMethod(), exchange.getRequestHeaders(), body));
    }

    private void awaitRelease() {
        try {
            releaseSilentHandler.await();
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }
}
