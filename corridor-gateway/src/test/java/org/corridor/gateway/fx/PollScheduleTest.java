package org.corridor.gateway.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link PollSchedule}: the interval, doubling per failure in a row, capped. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PollScheduleTest {

    @ParameterizedTest(name = "after {2} failures at {0} ms capped at {1} ms: {3} ms")
    @CsvSource({
        // interval, back-off max, failures in a row, delay
        "60000, 600000, 0, 60000",
        "60000, 600000, 1, 120000",
        "60000, 600000, 2, 240000",
        "60000, 600000, 3, 480000",
        "60000, 600000, 4, 600000",
        "60000, 600000, 2147483646, 600000",
        "10, 10, 5, 10",
        "3600000, 3600000, 1, 3600000",
    })
    void doublesPerFailureUpToTheCap(long intervalMs, long backoffMsMax, int failures, long delayMs) {
        assertThat(new PollSchedule(intervalMs, backoffMsMax).delayMs(failures)).isEqualTo(delayMs);
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> new PollSchedule(PollSchedule.INTERVAL_MS_MIN - 1, 1_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollSchedule(PollSchedule.INTERVAL_MS_MAX + 1, PollSchedule.INTERVAL_MS_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollSchedule(1_000, 999)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollSchedule(1_000, PollSchedule.INTERVAL_MS_MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PollSchedule(1_000, 2_000).delayMs(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
