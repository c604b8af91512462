package org.corridor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutcomeCounterTest {
    private static final long T = 1_800_000_000_000L;

    @Test
    void theWindowIsTheWholeSecondsBeforeNowOldestFirst() {
        OutcomeCounter counter = new OutcomeCounter();
        counter.record(Rail.QR, Outcome.APPROVED, T);
        counter.record(Rail.QR, Outcome.APPROVED, T + 999);
        counter.record(Rail.DEVICE_TOKEN, Outcome.DECLINED, T + 1_000);

        List<OutcomeCounter.Second> window = counter.window(T + 2_000);

        assertThat(window).hasSize(OutcomeCounter.WINDOW_SECONDS);
        assertThat(window.getLast().epochSecond()).isEqualTo(T / 1_000 + 1);
        assertThat(window.getLast().count(Rail.DEVICE_TOKEN, Outcome.DECLINED)).isEqualTo(1);
        assertThat(window.get(window.size() - 2).count(Rail.QR, Outcome.APPROVED)).isEqualTo(2);
        assertThat(window.get(window.size() - 2).count(Outcome.DECLINED)).isZero();
    }

    @Test
    void aSlotReusedForALaterSecondStartsFromZeroAndOldSecondsLeaveTheWindow() {
        OutcomeCounter counter = new OutcomeCounter();
        counter.record(Rail.QR, Outcome.APPROVED, T);
        long aWindowLater = T + OutcomeCounter.WINDOW_SECONDS * 1_000L;
        counter.record(Rail.QR, Outcome.DECLINED, aWindowLater);

        List<OutcomeCounter.Second> window = counter.window(aWindowLater + 1_000);

        long approved = window.stream().mapToLong(second -> second.count(Outcome.APPROVED)).sum();
        assertThat(approved).isZero();
        assertThat(window.getLast().count(Rail.QR, Outcome.DECLINED)).isEqualTo(1);
    }

    @Test
    void theChartScalesToThePeakSecond() {
        OutcomeCounter counter = new OutcomeCounter();
        for (int i = 0; i < 4; i++) counter.record(Rail.CUSTOMER_BALANCE, Outcome.APPROVED, T);
        counter.record(Rail.CUSTOMER_BALANCE, Outcome.DECLINED, T);

        ChartView chart = ChartView.of(counter.window(T + 1_000), T + 1_000);

        assertThat(chart.peakPerSecond()).isEqualTo(5);
        ChartView.Bar last = chart.bars().getLast();
        assertThat(last.approvedHeight() + last.declinedHeight()).isEqualTo(ChartView.HEIGHT);
        assertThat(chart.approvalRate()).isEqualTo("80.0 %");
        assertThat(chart.lastSecond()).isEqualTo(5);
    }
}
