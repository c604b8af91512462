package org.corridor.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;
import org.corridor.api.Pages;

/**
 * The dashboard's templates, compiled to classes at build time ({@code jte-maven-plugin}): no template compiler
 * runs in the switch. HTML content type, so every value a template writes is escaped for where it lands.
 */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /**
     * Answers {@code ctx} with the page {@code template} ({@code payments.jte}) showing {@code view}, in the frame of
     * the dashboard (its navigation, with {@code section} marked, and the request id).
     */
    void page(Context ctx, String template, String section, Object view) {
        html(ctx, template, Map.of("frame", new Frame(Pages.requestId(ctx), section), "view", view));
    }

    /** Answers {@code ctx} with {@code template} filled from {@code params}, as HTML that no cache keeps. */
    void html(Context ctx, String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        ctx.header("Cache-Control", "no-store").html(output.toString());
    }
}
