package org.corridor.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.corridor.core.Check;

/** A file the pages load (htmx, the style sheet), read from the classpath once at start-up and served as is. */
record StaticFiles(byte[] bytes, String contentType) implements Handler {
    /** htmx as its webjar packs it: the version is the parent pom's {@code htmx.version}, or a node will not start. */
    static final String HTMX = "META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js";
    static final String STYLE = "org/corridor/dashboard/static/dashboard.css";

    static StaticFiles read(String resource, String contentType) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
            Check.that(in != null, "the classpath holds " + resource);
            return new StaticFiles(in.readAllBytes(), contentType);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Cache-Control", "max-age=3600").header("X-Content-Type-Options", "nosniff")
                .contentType(contentType).result(bytes);
    }
}
