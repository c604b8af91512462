package org.corridor.app.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridor.api.NodeProbe;
import org.corridor.gateway.issuer.IssuerLink;
import org.corridor.gateway.issuer.IssuerLinks;
import org.corridor.gateway.issuer.LinkState;
import org.corridor.services.fx.LiveRates;
import org.corridor.services.metrics.NodeMetrics;
import org.corridor.store.writer.LedgerWriter;

/**
 * How a running node stands, for {@code GET /health} and {@code GET /metrics}: down when its writer no longer
 * takes commands, degraded when an issuer link is not up or rate sources are configured but no rate is held.
 */
final class NodeStatus implements NodeProbe {
    private final LedgerWriter writer;
    private final IssuerLinks links;
    private final LiveRates rates;
    private final boolean ratesConfigured;
    private final NodeMetrics metrics;

    NodeStatus(LedgerWriter writer, IssuerLinks links, LiveRates rates, boolean ratesConfigured, NodeMetrics metrics) {
        this.writer = writer;
        this.links = links;
        this.rates = rates;
        this.ratesConfigured = ratesConfigured;
        this.metrics = metrics;
        metrics.gauge("corridor_writer_queue_depth", "Commands waiting for the single writer", writer,
                LedgerWriter::queueDepth);
        metrics.gauge("corridor_fx_rate_pairs", "Exchange rate pairs held, as published", rates,
                r -> r.published().size());
        for (IssuerLink link : links.all()) {
            String name = link.address().getHostString() + ":" + link.address().getPort();
            metrics.gauge("corridor_issuer_link_up", "1 while the ISO 8583 link is up", "link", name,
                    () -> link.state() == LinkState.UP ? 1 : 0);
            metrics.gauge("corridor_issuer_link_requests_in_flight", "Card requests waiting for an answer", "link", name,
                    link::requestsInFlight);
        }
    }

    @Override
    public Health health() {
        Map<String, String> checks = new LinkedHashMap<>();
        boolean writing = writer.running();
        checks.put("writer", writing ? "ok, " + writer.queueDepth() + " queued" : "stopped");
        List<IssuerLink> all = links.all();
        long up = all.stream().filter(link -> link.state() == LinkState.UP).count();
        if (!all.isEmpty()) checks.put("issuer_links", up + " of " + all.size() + " up");
        int pairs = rates.published().size();
        if (ratesConfigured) checks.put("fx_rates", pairs + " pairs held");
        Status status = !writing ? Status.DOWN
                : up < all.size() || (ratesConfigured && pairs == 0) ? Status.DEGRADED : Status.OK;
        return new Health(status, checks);
    }

    @Override
    public String metrics() {
        return metrics.scrape();
    }

    @Override
    public void requestServed(String method, String route, int status, long nanos) {
        metrics.requestServed(method, route, status, nanos);
    }
}
