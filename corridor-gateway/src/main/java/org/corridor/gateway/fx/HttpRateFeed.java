package org.corridor.gateway.fx;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.corridor.core.fx.Rate;

/**
 * A rate feed over HTTP: each {@link #fetch} makes one GET of the feed URL and reads the JSON that
 * {@link RateFeedFormat} describes. Only a 200 answer with a JSON content type and a body of at most
 * {@link #RESPONSE_BODY_BYTES_MAX} bytes counts; redirects are not followed.
 *
 * <p>A fetch takes at most the connect timeout plus the request timeout: the request timeout bounds the
 * whole exchange, body included, so a server that trickles its answer fails as surely as a silent one.
 * Errors never quote the URL, which may carry an access token. A feed holds one HTTP client and is safe to
 * share between threads; close it when done.
 */
public final class HttpRateFeed implements RateSource, AutoCloseable {
    /** How long to wait for a TCP (and TLS) connection. */
    public static final long CONNECT_TIMEOUT_MS = 2_000;
    /** How long, once connected, the whole answer may take. */
    public static final long REQUEST_TIMEOUT_MS = 5_000;
    /** The largest answer read: about 100 bytes a rate, for {@link RateFeedFormat#RATES_MAX} rates and more. */
    public static final int RESPONSE_BODY_BYTES_MAX = 256 * 1024;
    /** The longest feed URL accepted. */
    public static final int FEED_URL_CHARS_MAX = 2_048;

    private final URI feedUrl;
    private final String sourceName;
    private final long requestTimeoutMs;
    private final ExecutorService clientExecutor;
    private final HttpClient client;

    /** A feed with the default {@link #CONNECT_TIMEOUT_MS} and {@link #REQUEST_TIMEOUT_MS}. */
    public HttpRateFeed(URI feedUrl, String sourceName) {
        this(feedUrl, sourceName, CONNECT_TIMEOUT_MS, REQUEST_TIMEOUT_MS);
    }

    /**
     * A feed with the given timeouts; tests use short ones.
     *
     * @param feedUrl an absolute http or https URL of at most {@link #FEED_URL_CHARS_MAX} characters
     * @param sourceName the name the rates carry, see {@link Rate#source()}
     * @param connectTimeoutMs how long to wait for a connection, positive
     * @param requestTimeoutMs how long the whole answer may take once asked for, positive
     */
    public HttpRateFeed(URI feedUrl, String sourceName, long connectTimeoutMs, long requestTimeoutMs) {
        Objects.requireNonNull(feedUrl, "feedUrl");
        String scheme = feedUrl.getScheme() == null ? "" : feedUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || feedUrl.getHost() == null
                || feedUrl.toString().length() > FEED_URL_CHARS_MAX) {
            throw new IllegalArgumentException("a feed URL is an absolute http or https URL of at most "
                    + FEED_URL_CHARS_MAX + " characters");
        }
        if (!Rate.isSourceName(sourceName)) throw new IllegalArgumentException("not a valid source name");
        if (connectTimeoutMs <= 0 || requestTimeoutMs <= 0) {
            throw new IllegalArgumentException("feed timeouts are positive milliseconds");
        }
        this.feedUrl = feedUrl;
        this.sourceName = sourceName;
        this.requestTimeoutMs = requestTimeoutMs;
        // The client's default executor is an unbounded pool of platform threads.
        this.clientExecutor = Executors.newVirtualThreadPerTaskExecutor();
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(connectTimeoutMs))
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(clientExecutor)
                .build();
    }

    @Override
    public List<Rate> fetch() throws RateSourceException {
        HttpRequest request = HttpRequest.newBuilder(feedUrl)
                .timeout(Duration.ofMillis(requestTimeoutMs))
                .header("accept", "application/json")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, info -> new BoundedBody(RESPONSE_BODY_BYTES_MAX));
        HttpResponse<byte[]> response = await(exchange);
        if (response.statusCode() != 200) {
            throw new RateSourceException("the feed answered HTTP " + response.statusCode());
        }
        String contentType = response.headers().firstValue("content-type").orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new RateSourceException("the feed's answer is not application/json");
        }
        return RateFeedFormat.read(response.body(), sourceName);
    }

    /** Closes the HTTP client, waiting for fetches in progress. */
    @Override
    public void close() {
        client.close();
        clientExecutor.close();
    }

    private HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> exchange) throws RateSourceException {
        // The request timeout covers the headers only; this deadline covers the body too. The connection may
        // take its own timeout first.
        long deadlineMs = Math.addExact(requestTimeoutMs, client.connectTimeout().orElseThrow().toMillis());
        try {
            return exchange.get(deadlineMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            exchange.cancel(true);
            throw new RateSourceException("the feed did not answer within " + deadlineMs + " ms");
        } catch (InterruptedException interrupted) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new RateSourceException("interrupted while waiting for the feed");
        } catch (ExecutionException failed) {
            throw new RateSourceException(describe(failed.getCause()));
        }
    }

    /** What went wrong, in words that never quote the URL (the JDK's messages may). */
    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BoundedBody.TooLarge tooLarge) return "the feed's answer: " + tooLarge.getMessage();
        if (cause instanceof java.net.http.HttpTimeoutException) return "the feed did not answer in time";
        if (cause instanceof java.net.ConnectException) return "the feed refused or did not accept the connection";
        if (cause instanceof IOException) return "the feed could not be read: " + cause.getClass().getSimpleName();
        return "the feed failed: " + (cause == null ? "unknown" : cause.getClass().getSimpleName());
    }
}
