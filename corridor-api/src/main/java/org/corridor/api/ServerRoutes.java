package org.corridor.api;

import io.javalin.config.RoutesConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.corridor.core.Check;

/**
 * The routes outside the versioned API: {@code GET /health} (liveness) and {@code GET /openapi.yaml} (the
 * contract). They stay unversioned because operators and tools find them at fixed places.
 */
final class ServerRoutes {
    /** The classpath resource holding the OpenAPI 3.1 document. */
    static final String OPENAPI_RESOURCE = "openapi.yaml";

    /** The media type of YAML (RFC 9512). */
    private static final String YAML = "application/yaml";

    /**
     * The body of {@code GET /health}.
     *
     * @param status always {@code ok}: the process is up and serving HTTP
     */
    record Health(String status) {}

    private static final Health LIVE = new Health("ok");

    private ServerRoutes() {}

    static void addTo(RoutesConfig routes) {
        byte[] contract = readContract();
        routes.get("/health", ctx -> ctx.json(LIVE));
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
