package org.corridor.dashboard;

/**
 * The overview page.
 *
 * @param chart the live chart
 * @param payments payment intents committed
 * @param participants participants onboarded
 * @param merchants of which merchants and marketplaces
 */
public record OverviewView(ChartView chart, int payments, int participants, int merchants) {}
