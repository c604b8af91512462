package org.corridor.gateway.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.corridor.core.fx.Rate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RateFeedPoller}: polls until stopped, backs off while the source fails, recovers. The waits are for
 * events with generous bounds; no assertion depends on how fast the machine is.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RateFeedPollerTest {
    private static final PollSchedule FAST = new PollSchedule(PollSchedule.INTERVAL_MS_MIN, 40);
    private static final long WAIT_SECONDS = 20;

    @Test
    void pollsAnHttpFeedThroughServerErrorsUntilItAnswers() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        BlockingQueue<List<Rate>> received = new LinkedBlockingQueue<>();
        List<RateSourceException> failures = new CopyOnWriteArrayList<>();
        try (FeedServer server = new FeedServer((exchange, s) -> {
                    if (calls.incrementAndGet() <= 2) {
                        FeedServer.answer(exchange, 500, "application/json", "{}");
                    } else {
                        FeedServer.json(exchange, FeedServer.GOOD_BODY);
                    }
                });
                HttpRateFeed feed = new HttpRateFeed(server.url(), "test-feed", 1_000, 2_000);
                RateFeedPoller poller = new RateFeedPoller("test-feed", feed, FAST, received::add, failures::add)) {
            poller.start();
            List<Rate> rates = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertThat(rates).hasSize(2);
            assertThat(failures).hasSize(2).extracting(Throwable::getMessage).containsOnly("the feed answered HTTP 500");
            assertThat(poller.failuresInARow()).isZero();
            assertThat(received.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("polling goes on").isEqualTo(rates);
            assertThat(poller.stop()).isTrue();
        }
    }

    @Test
    void backsOffWhileTheSourceFailsAndNoFetchStartsAfterStop() throws Exception {
        BlockingQueue<Integer> failuresSeen = new LinkedBlockingQueue<>();
        AtomicInteger fetches = new AtomicInteger();
        RateSource failing = () -> {
            fetches.incrementAndGet();
            throw new RateSourceException("down");
        };
        RateFeedPoller poller = new RateFeedPoller("failing", failing, FAST, rates -> {},
                failure -> failuresSeen.add(fetches.get()));
        poller.start();
        for (int i = 1; i <= 4; i++) {
            assertThat(failuresSeen.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(i);
        }
        assertThat(poller.failuresInARow()).isGreaterThanOrEqualTo(3);
        // stop() returns true only once the poller's thread has ended: nothing can fetch after it.
        assertThat(poller.stop()).isTrue();
        int afterStop = fetches.get();
        assertThat(poller.stop()).isTrue();
        assertThat(fetches.get()).isEqualTo(afterStop);
    }

    @Test
    void aThrowingCallbackCountsAsAFailureAndPollingGoesOn() throws Exception {
        BlockingQueue<Integer> fetched = new LinkedBlockingQueue<>();
        AtomicInteger fetches = new AtomicInteger();
        RateSource source = () -> {
            fetched.add(fetches.incrementAndGet());
            return List.of();
        };
        try (RateFeedPoller poller = new RateFeedPoller("throwing", source, FAST, rates -> {
            throw new IllegalStateException("the book is closed");
        }, failure -> {})) {
            poller.start();
            assertThat(fetched.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(fetched.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(2);
        }
    }

    @Test
    void fetchThenStartHasTheRatesWhenItReturnsAndPollsOnAfterwards() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        BlockingQueue<List<Rate>> received = new LinkedBlockingQueue<>();
        try (RateFeedPoller poller = new RateFeedPoller("first", () -> {
            fetches.incrementAndGet();
            return List.of();
        }, FAST, received::add, failure -> {})) {
            poller.fetchThenStart();
            assertThat(received).hasSize(1);
            assertThat(received.poll(WAIT_SECONDS, TimeUnit.SECONDS)).isNotNull();
            assertThat(received.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("a later poll").isNotNull();
            assertThatThrownBy(poller::start).isInstanceOf(IllegalStateException.class);
        }
        assertThat(fetches.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void startsOnce() {
        try (RateFeedPoller poller = new RateFeedPoller("once", List::of, FAST, rates -> {}, failure -> {})) {
            poller.start();
            assertThatThrownBy(poller::start).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> new RateFeedPoller("bad name", List::of, FAST, rates -> {}, failure -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
