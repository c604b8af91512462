package org.corridor.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * The live chart, drawn on the server as SVG: one stacked bar per second of the window (approved below, declined
 * above), and the window's totals by rail.
 *
 * @param bars one per second, oldest first
 * @param peakPerSecond the most payments in one second of the window (the chart's top; at least 1)
 * @param approved approvals in the window
 * @param declined declines in the window
 * @param lastSecond payments in the last whole second
 * @param rails the window's counts by rail
 * @param renderedAtMillis when it was drawn (so a reader can see it refresh)
 */
public record ChartView(List<Bar> bars, long peakPerSecond, long approved, long declined, long lastSecond,
        List<RailCounts> rails, long renderedAtMillis) {
    /** The plot's size in SVG units. */
    public static final int WIDTH = 600;
    public static final int HEIGHT = 160;
    private static final int BAR_GAP = 2;

    /** One second's bar: x and width, the approved part's top and height, the declined part's top and height. */
    public record Bar(int x, int width, int approvedY, int approvedHeight, int declinedY, int declinedHeight,
            String title) {}

    /** Approvals and declines of one rail over the window. */
    public record RailCounts(Rail rail, long approved, long declined) {
        public String approvalRate() {
            return Format.percent(approved, approved + declined);
        }
    }

    public String approvalRate() {
        return Format.percent(approved, approved + declined);
    }

    /** The chart of {@code window} (seconds oldest first), drawn at {@code nowMillis}. */
    public static ChartView of(List<OutcomeCounter.Second> window, long nowMillis) {
        long peak = 1;
        for (OutcomeCounter.Second second : window) {
            peak = Math.max(peak, second.count(Outcome.APPROVED) + second.count(Outcome.DECLINED));
        }
        int slot = WIDTH / Math.max(window.size(), 1);
        List<Bar> bars = new ArrayList<>(window.size());
        for (int i = 0; i < window.size(); i++) {
            OutcomeCounter.Second second = window.get(i);
            long approved = second.count(Outcome.APPROVED);
            long declined = second.count(Outcome.DECLINED);
            int approvedHeight = (int) (approved * HEIGHT / peak);
            int declinedHeight = (int) (declined * HEIGHT / peak);
            int approvedY = HEIGHT - approvedHeight;
            bars.add(new Bar(i * slot, slot - BAR_GAP, approvedY, approvedHeight, approvedY - declinedHeight,
                    declinedHeight, Format.time(second.epochSecond() * 1_000_000_000L) + ": " + approved
                            + " approved, " + declined + " declined"));
        }
        List<RailCounts> rails = new ArrayList<>();
        long approvedTotal = 0;
        long declinedTotal = 0;
        for (Rail rail : Rail.values()) {
            long approved = 0;
            long declined = 0;
            for (OutcomeCounter.Second second : window) {
                approved += second.count(rail, Outcome.APPROVED);
                declined += second.count(rail, Outcome.DECLINED);
            }
            rails.add(new RailCounts(rail, approved, declined));
            approvedTotal += approved;
            declinedTotal += declined;
        }
        OutcomeCounter.Second last = window.getLast();
        return new ChartView(bars, peak, approvedTotal, declinedTotal,
                last.count(Outcome.APPROVED) + last.count(Outcome.DECLINED), rails, nowMillis);
    }
}
