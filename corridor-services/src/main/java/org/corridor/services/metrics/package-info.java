/**
 * What the node tells its operators: Prometheus metrics (payments by rail and outcome, API latencies, writer batch
 * sizes and queue depth, issuer link states) and the health summary behind {@code GET /health}.
 */
package org.corridor.services.metrics;
