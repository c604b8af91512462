package org.corridor.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RetryScheduleTest {
    private static final long SEED = 20_261_101L;
    private static final int SEEDED_SCHEDULES = 1_000;
    private static final Instant FIRST = Instant.parse("2026-11-01T12:00:00Z");
    private static final Duration THREE_DAYS = Duration.ofDays(3);

    /** Offsets from the first attempt without jitter, as the class Javadoc documents them, one line per attempt. */
    private static final List<Duration> DOCUMENTED_OFFSETS = List.of(
            Duration.ZERO,
            Duration.parse("PT5S"),
            Duration.parse("PT35S"),
            Duration.parse("PT2M35S"),
            Duration.parse("PT12M35S"),
            Duration.parse("PT42M35S"),
            Duration.parse("PT1H42M35S"),
            Duration.parse("PT3H42M35S"),
            Duration.parse("PT7H42M35S"),
            Duration.parse("PT15H42M35S"),
            Duration.parse("PT27H42M35S"),
            Duration.parse("PT39H42M35S"),
            Duration.parse("PT51H42M35S"),
            Duration.parse("PT63H42M35S"),
            Duration.parse("PT72H"));

    @Test
    void withoutJitterFollowsTheDocumentedTable() {
        assertThat(offsets(new RetrySchedule(FixedJitter.NONE))).isEqualTo(DOCUMENTED_OFFSETS);
        assertThat(RetrySchedule.ATTEMPTS_MAX).isEqualTo(DOCUMENTED_OFFSETS.size());
    }

    @Test
    void theLargestJitterAddsATenthOfEachDelayExceptToTheCappedLastAttempt() {
        List<Duration> offsets = offsets(new RetrySchedule(FixedJitter.LARGEST));

        assertThat(offsets.get(0)).isEqualTo(Duration.ZERO);
        for (int i = 1; i < offsets.size() - 1; i++) {
            Duration delay = DOCUMENTED_OFFSETS.get(i).minus(DOCUMENTED_OFFSETS.get(i - 1));
            assertThat(offsets.get(i)).isEqualTo(DOCUMENTED_OFFSETS.get(i).plus(delay.dividedBy(10)));
        }
        assertThat(offsets.getLast()).isEqualTo(THREE_DAYS);
    }

    @Test
    void theFirstAttemptIsImmediateAndTheFirstRetrySoon() {
        RetrySchedule schedule = new RetrySchedule(new SplittableRandom(SEED));

        assertThat(schedule.nextAttemptAt(FIRST, 0)).contains(FIRST);
        assertThat(schedule.nextAttemptAt(FIRST, 1).orElseThrow())
                .isBetween(FIRST.plusSeconds(5), FIRST.plusMillis(5_500));
    }

    @Test
    void attemptsStrictlyIncreaseAndEndExactlyThreeDaysAfterTheFirstWhateverTheJitter() {
        List<RandomGenerator> jitters = new ArrayList<>(List.of(FixedJitter.NONE, FixedJitter.LARGEST));
        SplittableRandom seeds = new SplittableRandom(SEED);
        for (int i = 0; i < SEEDED_SCHEDULES; i++) {
            jitters.add(new SplittableRandom(seeds.nextLong()));
        }
        for (RandomGenerator jitter : jitters) {
            List<Duration> offsets = offsets(new RetrySchedule(jitter));
            assertThat(offsets).hasSize(RetrySchedule.ATTEMPTS_MAX).isSorted().doesNotHaveDuplicates();
            for (int i = 0; i < offsets.size(); i++) {
                assertThat(offsets.get(i)).isGreaterThanOrEqualTo(DOCUMENTED_OFFSETS.get(i));
            }
            assertThat(offsets.getLast()).isEqualTo(THREE_DAYS);
        }
    }

    @Test
    void givesUpOnceEveryAttemptIsMade() {
        RetrySchedule schedule = new RetrySchedule(new SplittableRandom(SEED));

        assertThat(schedule.nextAttemptAt(FIRST, RetrySchedule.ATTEMPTS_MAX - 1)).contains(FIRST.plus(THREE_DAYS));
        assertThat(schedule.nextAttemptAt(FIRST, RetrySchedule.ATTEMPTS_MAX)).isEmpty();
        assertThat(schedule.nextAttemptAt(FIRST, RetrySchedule.ATTEMPTS_MAX + 1)).isEmpty();
        assertThat(schedule.nextAttemptAt(FIRST, Integer.MAX_VALUE)).isEmpty();
    }

    @Test
    void refusesANegativeAttemptCount() {
        RetrySchedule schedule = new RetrySchedule(FixedJitter.NONE);

        assertThatThrownBy(() -> schedule.nextAttemptAt(FIRST, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attempts made is never negative, not -1");
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        assertThat(offsets(new RetrySchedule(new SplittableRandom(SEED))))
                .isEqualTo(offsets(new RetrySchedule(new SplittableRandom(SEED))));
    }

    /** The offset of every attempt from the first, asking as a retry loop would until the schedule gives up. */
    private static List<Duration> offsets(RetrySchedule schedule) {
        List<Duration> offsets = new ArrayList<>();
        for (int made = 0; ; made++) {
            Optional<Instant> next = schedule.nextAttemptAt(FIRST, made);
            if (next.isEmpty()) {
                return offsets;
            }
            offsets.add(Duration.between(FIRST, next.get()));
            assertThat(made).isLessThan(RetrySchedule.ATTEMPTS_MAX);
        }
    }

    /** Jitter pinned to one end of its range. */
    private enum FixedJitter implements RandomGenerator {
        NONE,
        LARGEST;

        @Override
        public long nextLong(long bound) {
            return this == NONE ? 0 : bound - 1;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the schedule only draws bounded values");
        }
    }
}
