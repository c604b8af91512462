package org.corridor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.corridor.core.payment.PaymentIntent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PaymentFeedTest {
    private static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-11-28T10:00:00Z"));

    @Test
    void pagesWalkEveryMerchantsIntentsNewestFirstWithoutGapsOrRepeats() {
        PaymentFeed feed = new PaymentFeed(CLOCK);
        List<PaymentIntent> intents = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Pairs share a creation time (one batch): the id breaks the tie.
            intents.add(Intents.created("pi_" + (char) ('a' + i), "acct_m" + i % 3, 1_000 + i / 2));
        }
        feed.restored(intents);

        List<String> walked = new ArrayList<>();
        PaymentIntent after = null;
        while (true) {
            PaymentFeed.Page page = feed.page(4, after, intent -> true);
            page.intents().forEach(intent -> walked.add(intent.id()));
            if (page.nextCursor().isEmpty()) break;
            after = intents.stream().filter(i -> i.id().equals(page.nextCursor().get())).findFirst().orElseThrow();
        }

        assertThat(walked).hasSize(25).doesNotHaveDuplicates();
        assertThat(walked.getFirst()).isEqualTo("pi_y");
        assertThat(walked.subList(23, 25)).containsExactly("pi_a", "pi_b"); // one batch: by id
    }

    @Test
    void aFilterKeepsItsIntentsAndACommittedChangeReplacesTheIntentAndIsCounted() {
        AtomicLong millis = new AtomicLong(CLOCK.millis());
        PaymentFeed feed = new PaymentFeed(() -> Instant.ofEpochMilli(millis.get()));
        PaymentIntent first = Intents.created("pi_1", "acct_a", 1);
        feed.restored(List.of(first));
        feed.committed(null, Intents.created("pi_2", "acct_b", 2));
        feed.committed(first, Intents.declined(first, Intents.BALANCE));
        millis.addAndGet(1_000);

        assertThat(feed.page(10, null, intent -> intent.ownerId().equals("acct_a")).intents())
                .singleElement().satisfies(intent -> assertThat(intent.lastPaymentError()).isNotNull());
        assertThat(feed.size()).isEqualTo(2);
        assertThat(feed.window().getLast().count(Rail.CUSTOMER_BALANCE, Outcome.DECLINED)).isEqualTo(1);
        assertThat(feed.window().stream().mapToLong(second -> second.count(Outcome.APPROVED)).sum()).isZero();
    }
}
