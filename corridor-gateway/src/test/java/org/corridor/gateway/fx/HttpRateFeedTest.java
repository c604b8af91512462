package org.corridor.gateway.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridor.core.fx.Price;
import org.corridor.core.fx.Rate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link HttpRateFeed} against a real local HTTP server: good, malformed, oversized, slow and failing feeds. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpRateFeedTest {
    private static final long CONNECT_MS = 1_000;
    private static final long REQUEST_MS = 300;

    private FeedServer server;
    private HttpRateFeed feed;

    private HttpRateFeed feedFor(FeedServer.Handler handler) throws Exception {
        server = new FeedServer(handler);
        feed = new HttpRateFeed(server.url(), "test-feed", CONNECT_MS, REQUEST_MS);
        return feed;
    }

    @AfterEach
    void stop() throws Exception {
        if (feed != null) feed.close();
        if (server != null) server.close();
    }

    /** Fetching fails with exactly {@code message}, which never repeats the URL's token. */
    private void assertFails(String message) {
        assertThatThrownBy(feed::fetch).isInstanceOfSatisfying(RateSourceException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message).doesNotContain("SECRET-TOKEN").doesNotContain("127.0.0.1");
            assertThat(e.lineNumber()).isZero();
        });
    }

    @Test
    void aGoodFeedGivesItsRatesExactly() throws Exception {
        feedFor((exchange, s) -> {
            assertThat(exchange.getRequestMethod()).isEqualTo("GET");
            assertThat(exchange.getRequestHeaders().getFirst("accept")).isEqualTo("application/json");
            FeedServer.json(exchange, FeedServer.GOOD_BODY);
        });
        List<Rate> rates = feed.fetch();
        assertThat(rates).extracting(Rate::price).containsExactly(new Price(71, 10), new Price(605, 4));
        assertThat(rates).extracting(Rate::source).containsOnly("test-feed");
        assertThat(feed.fetch()).isEqualTo(rates);
        assertThat(server.requests.get()).isEqualTo(2);
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        feedFor((exchange, s) -> FeedServer.json(exchange, "{\"rates\": [7.1,"));
        assertFails("the feed's answer is invalid JSON at character 15: a value is missing");
    }

    @Test
    void aFeedBreakingTheFormatIsRefused() throws Exception {
        feedFor((exchange, s) -> FeedServer.json(exchange, "{\"rates\": [], \"next\": 1}"));
        assertFails("the answer does not have exactly the members [rates]");
    }

    @Test
    void anOversizedBodyIsRefusedWithoutReadingItAll() throws Exception {
        feedFor((exchange, s) -> {
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, 0); // chunked: no length announced
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 1_000; i++) out.write(chunk); // 64 MB, far past the limit
            }
        });
        assertFails("the feed's answer: the body is larger than " + HttpRateFeed.RESPONSE_BODY_BYTES_MAX + " bytes");
    }

    @Test
    void aBodyOneByteOverTheLimitIsRefusedAndOneAtItIsRead() throws Exception {
        String padded = FeedServer.GOOD_BODY
                + " ".repeat(HttpRateFeed.RESPONSE_BODY_BYTES_MAX - FeedServer.GOOD_BODY.length());
        feedFor((exchange, s) -> FeedServer.json(exchange, padded));
        assertThat(feed.fetch()).hasSize(2);
        server.handler((exchange, s) -> FeedServer.json(exchange, padded + " "));
        assertFails("the feed's answer: the body is larger than " + HttpRateFeed.RESPONSE_BODY_BYTES_MAX + " bytes");
    }

    @Test
    void aServerThatDoesNotAnswerHitsTheTimeout() throws Exception {
        feedFor((exchange, s) -> {
            s.release.await();
            FeedServer.json(exchange, FeedServer.GOOD_BODY);
        });
        assertFails("the feed did not answer in time");
    }

    @Test
    void aServerThatTricklesItsBodyHitsTheDeadline() throws Exception {
        feedFor((exchange, s) -> {
            exchange.getResponseHeaders().set("content-type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write('{');
            out.flush();
            s.release.await();
        });
        assertFails("the feed did not answer within " + (REQUEST_MS + CONNECT_MS) + " ms");
    }

    @Test
    void aServerErrorIsRefused() throws Exception {
        feedFor((exchange, s) -> FeedServer.answer(exchange, 500, "application/json", "{\"error\":\"down\"}"));
        assertFails("the feed answered HTTP 500");
    }

    @Test
    void aRedirectIsNotFollowed() throws Exception {
        feedFor((exchange, s) -> {
            exchange.getResponseHeaders().set("location", "http://elsewhere.invalid/rates");
            exchange.sendResponseHeaders(302, -1);
        });
        assertFails("the feed answered HTTP 302");
    }

    @Test
    void anAnswerThatIsNotJsonIsRefused() throws Exception {
        feedFor((exchange, s) -> FeedServer.answer(exchange, 200, "text/html", FeedServer.GOOD_BODY));
        assertFails("the feed's answer is not application/json");
    }

    @Test
    void aClosedPortIsRefusedWithoutTheUrl() throws Exception {
        feedFor((exchange, s) -> FeedServer.json(exchange, FeedServer.GOOD_BODY));
        URI url = server.url();
        server.close();
        server = null;
        feed.close();
        feed = new HttpRateFeed(url, "test-feed", CONNECT_MS, REQUEST_MS);
        assertThatThrownBy(feed::fetch).isInstanceOfSatisfying(RateSourceException.class,
                e -> assertThat(e.getMessage()).startsWith("the feed").doesNotContain("SECRET-TOKEN"));
    }

    @Test
    void settingsAreChecked() {
        URI url = URI.create("http://127.0.0.1:1/rates");
        assertThatThrownBy(() -> new HttpRateFeed(URI.create("ftp://127.0.0.1/rates"), "test-feed"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpRateFeed(URI.create("/rates"), "test-feed"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpRateFeed(URI.create("http://127.0.0.1/" + "a".repeat(
                HttpRateFeed.FEED_URL_CHARS_MAX)), "test-feed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpRateFeed(url, "bad name")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpRateFeed(url, "test-feed", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpRateFeed(url, "test-feed", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
