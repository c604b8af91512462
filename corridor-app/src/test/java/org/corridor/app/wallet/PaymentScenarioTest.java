package org.corridor.app.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PaymentScenarioTest {

    @Test
    void theWeightsAddUpAndEveryScenarioIsDrawn() {
        assertThat(PaymentScenario.weightSum()).isEqualTo(PaymentScenario.WEIGHT_TOTAL);
        Map<PaymentScenario, Integer> drawn = new EnumMap<>(PaymentScenario.class);
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) drawn.merge(PaymentScenario.pick(random), 1, Integer::sum);
        assertThat(drawn).containsOnlyKeys(PaymentScenario.values());
        // Ordinary payments dominate; the deliberate refusals stay a few in a hundred each.
        assertThat(drawn.get(PaymentScenario.AUTOMATIC_CAPTURE)).isGreaterThan(2_500);
        assertThat(drawn.get(PaymentScenario.ATC_REPLAY)).isBetween(300, 700);
    }

    @Test
    void theSameSeedDrawsTheSameScenarios() {
        SplittableRandom first = new SplittableRandom(11);
        SplittableRandom second = new SplittableRandom(11);
        for (int i = 0; i < 100; i++) assertThat(PaymentScenario.pick(second)).isEqualTo(PaymentScenario.pick(first));
    }

    @Test
    void halfIsAtLeastOneMinorUnit() {
        assertThat(ScenarioRunner.half(1)).isEqualTo(1);
        assertThat(ScenarioRunner.half(4_999)).isEqualTo(2_499);
    }
}
