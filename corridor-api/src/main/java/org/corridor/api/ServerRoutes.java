package org.corridor.api;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.corridor.core.Check;

/**
 * The routes outside the versioned API: {@code GET /health} (how the node stands), {@code GET /metrics}
 * (Prometheus) and {@code GET /openapi.yaml} (the contract). They stay unversioned because operators and tools
 * find them at fixed places.
 */
final class ServerRoutes {
    /** The classpath resource holding the OpenAPI 3.1 document. */
    static final String OPENAPI_RESOURCE = "openapi.yaml";

    /** The media type of YAML (RFC 9512). */
    private static final String YAML = "application/yaml";

    /** The media type of the Prometheus text exposition format. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /**
     * The body of {@code GET /health}.
     *
     * @param status {@code ok}, {@code degraded} (payments are taken, a part is impaired) or {@code down}
     * @param checks one short line per part of the node
     */
    record Health(String status, Map<String, String> checks) {}

    private ServerRoutes() {}

    static void addTo(RoutesConfig routes, NodeProbe probe) {
        byte[] contract = readContract();
        routes.get("/health", ctx -> {
            NodeProbe.Health health = probe.health();
            // A node that cannot take payments answers 503, so a load balancer takes it out of rotation.
            ctx.status(health.status() == NodeProbe.Status.DOWN ? 503 : 200).json(new Health(
                    health.status().name().toLowerCase(Locale.ROOT), new TreeMap<>(health.checks())));
        });
        routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(probe.metrics()));
        routes.get("/openapi.yaml", ctx -> ctx.contentType(YAML).result(contract));
    }

    /** Read once at start-up: a server without its contract is a build error, found before it serves anything. */
    private static byte[] readContract() {
        try (InputStream document = ServerRoutes.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
            Check.that(document != null, "the classpath holds " + OPENAPI_RESOURCE);
            return document.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
