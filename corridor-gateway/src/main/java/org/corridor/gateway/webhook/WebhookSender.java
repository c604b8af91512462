package org.corridor.gateway.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Makes one attempt to deliver one webhook: an HTTP POST of a JSON body signed with the Standard Webhooks
 * scheme. Retrying, and deciding when, is the caller's business (see {@link RetrySchedule}).
 *
 * <p>The request carries {@code content-type: application/json}, {@code user-agent: Corridor-Webhooks/1},
 * {@code webhook-id}, {@code webhook-timestamp} (the time of this attempt, in seconds, read from the clock
 * handed in) and {@code webhook-signature}. Only 2xx answers count as delivered. Redirects are not followed:
 * the Standard Webhooks specification treats them as failures, and following one would send a signed body
 * to a host the merchant never registered.
 *
 * <p>{@link #send} runs on the caller's thread and blocks for about the connect timeout plus the response
 * timeout at most (resolving the host name aside, which the JDK does not bound); callers run many deliveries
 * at once on virtual threads. A sender is safe to share between
 * threads and holds one HTTP client, so close it when done.
 */
public final class WebhookSender implements AutoCloseable {

    /** How long to wait for a TCP (and TLS) connection to the endpoint. */
    public static final long CONNECT_TIMEOUT_MS = 5_000;

    /**
     * How long to wait, once connected, for the status line and headers of the answer. The Standard Webhooks
     * specification recommends 15 to 30 seconds so that receivers have time to acknowledge.
     */
    public static final long RESPONSE_TIMEOUT_MS = 15_000;

    /** The largest body sent; the specification recommends keeping payloads far smaller (about 20 KB). */
    public static final int REQUEST_BODY_BYTES_MAX = 256 * 1024;

    /** The longest endpoint URL accepted. */
    public static final int ENDPOINT_URL_CHARS_MAX = 2_048;

    /** The {@code user-agent} of every delivery, versioned so receivers can tell our formats apart. */
    public static final String USER_AGENT = "Corridor-Webhooks/1";

    private final InstantSource clock;
    private final Duration responseTimeout;
    private final ExecutorService clientExecutor;
    private final HttpClient client;

    /** A sender with the default {@link #CONNECT_TIMEOUT_MS} and {@link #RESPONSE_TIMEOUT_MS}. */
    public WebhookSender(InstantSource clock) {
        this(clock, CONNECT_TIMEOUT_MS, RESPONSE_TIMEOUT_MS);
    }

    /**
     * A sender with the given timeouts; tests use short ones.
     *
     * @param clock gives the {@code webhook-timestamp} of each attempt
     * @param connectTimeoutMs how long to wait for a connection, positive
     * @param responseTimeoutMs how long to wait for the answer's status and headers, positive
     */
    public WebhookSender(InstantSource clock, long connectTimeoutMs, long responseTimeoutMs) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (connectTimeoutMs <= 0 || responseTimeoutMs <= 0) {
            throw new IllegalArgumentException("webhook timeouts are positive milliseconds");
        }
        this.responseTimeout = Duration.ofMillis(responseTimeoutMs);
        // The client's default executor is an unbounded pool of platform threads; virtual threads cost
        // little however many deliveries run at once.
        this.clientExecutor = Executors.newVirtualThreadPerTaskExecutor();
        this.client = HttpClient.newBuilder()
                // HTTP/1.1 everywhere: no h2c upgrade attempts against receivers that mishandle them.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(connectTimeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(clientExecutor)
                .build();
    }

    /**
     * Attempts one delivery. Every failure to reach the endpoint, an unusable endpoint URL included, is an
     * outcome and never an exception.
     *
     * @param endpointUrl the merchant's absolute http or https URL, as registered
     * @param messageId the {@code webhook-id}, the same on every attempt of one message
     * @param body the exact JSON bytes to send, at most {@link #REQUEST_BODY_BYTES_MAX}
     * @param secrets the endpoint's secrets, 1 to {@link WebhookSigner#SECRETS_MAX}
     * @throws IllegalArgumentException if the body is too large or the message id or secrets are invalid:
     *     those are Corridor's own mistakes, not the endpoint's
     */
    public DeliveryOutcome send(String endpointUrl, String messageId, byte[] body, List<WebhookSecret> secrets) {
        Objects.requireNonNull(endpointUrl, "endpointUrl");
        Objects.requireNonNull(body, "body");
        if (body.length > REQUEST_BODY_BYTES_MAX) {
            throw new IllegalArgumentException(
                    "a webhook body is at most " + REQUEST_BODY_BYTES_MAX + " bytes, not " + body.length);
        }
        long startNanos = System.nanoTime();
        long timestampSeconds = clock.instant().getEpochSecond();
        String signature = WebhookSigner.signatureHeader(secrets, messageId, timestampSeconds, body);
        Optional<String> problem = endpointProblem(endpointUrl);
        if (problem.isPresent()) {
            return DeliveryOutcome.invalidEndpoint(problem.get(), elapsedSince(startNanos));
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(endpointUrl));
        } catch (IllegalArgumentException refused) {
            // The client's message quotes the URL, which may hold a token.
            String reason = "the HTTP client refused the endpoint URL";
            return DeliveryOutcome.invalidEndpoint(reason, elapsedSince(startNanos));
        }
        request.timeout(responseTimeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return exchange(request.build(), startNanos);
    }

    /** Closes the HTTP client, waiting for deliveries in progress. */
    @Override
    public void close() {
        client.close();
        clientExecutor.close();
    }

    private DeliveryOutcome exchange(HttpRequest request, long startNanos) {
        HttpResponse<InputStream> response;
        try {
            // An input stream makes send() return once the headers arrive, which is all the request timeout
            // covers on this JDK; a body-reading handler could be held open by a slow or endless body.
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException noAnswer) {
            return DeliveryOutcome.noResponse(noAnswer, elapsedSince(startNanos));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.noResponse(interrupted, elapsedSince(startNanos));
        }
        discard(response.body());
        return DeliveryOutcome.answered(response.statusCode(), elapsedSince(startNanos));
    }

    /** The answer's body is never read: closing it unread drops the connection instead of waiting for it. */
    private static void discard(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // The status has already arrived, and it alone decides the outcome.
        }
    }

    /** Why the endpoint URL cannot be used, in words that never quote it (it may hold a token). */
    private static Optional<String> endpointProblem(String endpointUrl) {
        if (endpointUrl.length() > ENDPOINT_URL_CHARS_MAX) {
            return Optional.of("the endpoint URL is longer than " + ENDPOINT_URL_CHARS_MAX + " characters");
        }
        URI uri;
        try {
            uri = new URI(endpointUrl);
        } catch (URISyntaxException notUri) {
            return Optional.of("the endpoint URL is not a valid URI");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of("the endpoint URL is not an http or https URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("the endpoint URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            // The HTTP client would silently drop these credentials, and the URL would spread them to logs.
            return Optional.of("the endpoint URL carries credentials, which are not supported");
        }
        return Optional.empty();
    }

    private static Duration elapsedSince(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
