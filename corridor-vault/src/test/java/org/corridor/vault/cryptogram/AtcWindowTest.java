package org.corridor.vault.cryptogram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class AtcWindowTest {
    static final int THREADS = 32;

    @ParameterizedTest(name = "highest {0}, atc {1} -> {2}")
    @CsvSource({
        // In the order the window tests: equal, lower, too far ahead, then admitted.
        "0,     0,     ATC_REPLAYED",
        "500,   500,   ATC_REPLAYED",
        "500,   499,   ATC_LOWER",
        "500,   0,     ATC_LOWER",
        "65535, 1,     ATC_LOWER",
        "0,     101,   ATC_JUMP_TOO_LARGE",
        "500,   601,   ATC_JUMP_TOO_LARGE",
        "0,     65535, ATC_JUMP_TOO_LARGE",
        "0,     1,     OK",
        "0,     100,   OK",
        "500,   501,   OK",
        "500,   600,   OK",
        "65534, 65535, OK",
    })
    void admitsOnlyStrictlyGreaterWithinTheJump(int highest, int atc, CryptogramCheck expected) {
        assertThat(AtcWindow.classify(highest, atc)).isEqualTo(expected);
        AtcWindow window = AtcWindow.resumingAfter(highest);
        assertThat(window.admit(atc)).isEqualTo(expected);
        assertThat(window.highestAtc()).isEqualTo(expected == CryptogramCheck.OK ? atc : highest);
    }

    @Test
    void freshWindowAdmitsOneThenRefusesItAgain() {
        AtcWindow window = AtcWindow.fresh();
        assertThat(window.highestAtc()).isZero();
        assertThat(window.admit(1)).isEqualTo(CryptogramCheck.OK);
        assertThat(window.admit(1)).isEqualTo(CryptogramCheck.ATC_REPLAYED);
        assertThat(window.admit(3)).isEqualTo(CryptogramCheck.OK);
        assertThat(window.admit(2)).isEqualTo(CryptogramCheck.ATC_LOWER);
        assertThat(window.toString()).isEqualTo("AtcWindow[highestAtc=3]");
    }

    @Test
    void refusesAtcOutsideTwoBytes() {
        assertThatThrownBy(() -> AtcWindow.fresh().admit(0x10000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtcWindow.resumingAfter(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @RepeatedTest(20)
    void concurrentDuplicatesAdmitExactlyOne() throws Exception {
        AtcWindow window = AtcWindow.resumingAfter(41);
        Map<CryptogramCheck, Integer> counts = race(THREADS, () -> window.admit(42));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(
                Map.of(CryptogramCheck.OK, 1, CryptogramCheck.ATC_REPLAYED, THREADS - 1));
        assertThat(window.highestAtc()).isEqualTo(42);
    }

    /** Runs {@code task} on {@code threads} threads released together and counts the answers. */
    static Map<CryptogramCheck, Integer> race(int threads, java.util.concurrent.Callable<CryptogramCheck> task)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CryptogramCheck>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            Map<CryptogramCheck, Integer> counts = new EnumMap<>(CryptogramCheck.class);
            for (Future<CryptogramCheck> future : futures) {
                counts.merge(future.get(10, TimeUnit.SECONDS), 1, Integer::sum);
            }
            return counts;
        }
    }
}
