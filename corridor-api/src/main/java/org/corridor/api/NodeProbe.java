package org.corridor.api;

import java.util.Map;

/**
 * What the server's operational routes report about the node behind it: {@code GET /health} (whether it can take
 * payments, and how each part stands) and {@code GET /metrics} (Prometheus text). The server also tells it how
 * long each request took.
 */
public interface NodeProbe {
    /** A server with no node behind it (tests of the server alone): always live, no metrics. */
    NodeProbe NONE = new NodeProbe() {
        @Override
        public Health health() {
            return new Health(Status.OK, Map.of());
        }

        @Override
        public String metrics() {
            return "";
        }

        @Override
        public void requestServed(String method, String route, int status, long nanos) {}
    };

    /** How the node stands as a whole. */
    enum Status {
        /** Every part works. */
        OK,
        /** Payments are taken, but a part is impaired (an issuer link is down, no exchange rates). */
        DEGRADED,
        /** The node cannot take payments: its writer stopped. */
        DOWN
    }

    /**
     * @param status the worst of the parts
     * @param checks one short line per part, by name, such as {@code "writer": "ok, 0 queued"}
     */
    record Health(Status status, Map<String, String> checks) {
        public Health {
            checks = Map.copyOf(checks);
        }
    }

    Health health();

    String metrics();

    /**
     * One request answered.
     *
     * @param route the matched route template ({@code /v1/payment_intents/{id}}), or {@code unmatched}
     */
    void requestServed(String method, String route, int status, long nanos);
}
