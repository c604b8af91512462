package org.corridor.dashboard;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.corridor.api.Pages;

/**
 * The operator signs in by posting its API key; the browser then holds a session cookie (HttpOnly, SameSite=Strict,
 * for the dashboard's paths only) and every other page refuses a request without one. Only a key the operator
 * owns opens a session. Every dashboard answer also carries headers that keep the pages out of frames and allow
 * scripts and styles from the dashboard itself only.
 */
final class SignIn {
    static final String COOKIE = "corridor_session";
    static final String LOGIN_PATH = Dashboard.ROOT + "/login";
    /** An API key is 79 characters; a longer field is refused before it is looked at. */
    static final int KEY_CHARS_MAX = 128;

    private static final String POLICY = "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final Sessions sessions;
    private final Predicate<String> operatorKey;
    private final InstantSource clock;
    private final Templates templates;

    SignIn(Sessions sessions, Predicate<String> operatorKey, InstantSource clock, Templates templates) {
        this.sessions = sessions;
        this.operatorKey = operatorKey;
        this.clock = clock;
        this.templates = templates;
    }

    /** {@code handler}, for a signed-in operator only: others are sent to the sign-in page. */
    Handler guard(Handler handler) {
        return ctx -> {
            secure(ctx);
            if (sessions.valid(ctx.cookie(COOKIE), clock.millis())) {
                handler.handle(ctx);
            } else if (ctx.header("HX-Request") != null) {
                // htmx follows a redirect inside the page; this header makes it load the sign-in page whole.
                ctx.header("HX-Redirect", LOGIN_PATH).status(HttpStatus.UNAUTHORIZED);
            } else {
                ctx.redirect(LOGIN_PATH, HttpStatus.SEE_OTHER);
            }
        };
    }

    void form(Context ctx) {
        secure(ctx);
        showForm(ctx, false);
    }

    void submit(Context ctx) {
        secure(ctx);
        String key = Optional.ofNullable(ctx.formParam("api_key")).orElse("").strip();
        if (key.isEmpty() || key.length() > KEY_CHARS_MAX || !operatorKey.test(key)) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            showForm(ctx, true);
            return;
        }
        Optional<String> token = sessions.open(clock.millis());
        if (token.isEmpty()) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            showForm(ctx, true);
            return;
        }
        setCookie(ctx, token.get(), Sessions.SESSION_MS / 1_000);
        ctx.redirect(Dashboard.ROOT, HttpStatus.SEE_OTHER);
    }

    void signOut(Context ctx) {
        secure(ctx);
        sessions.close(ctx.cookie(COOKIE));
        setCookie(ctx, "", 0);
        ctx.redirect(LOGIN_PATH, HttpStatus.SEE_OTHER);
    }

    private void showForm(Context ctx, boolean refused) {
        templates.html(ctx, "login.jte", Map.of("requestId", Pages.requestId(ctx), "refused", refused));
    }

    private static void setCookie(Context ctx, String value, long maxAgeSeconds) {
        ctx.res().addHeader("Set-Cookie", COOKIE + "=" + value + "; Path=" + Dashboard.ROOT + "; Max-Age="
                + maxAgeSeconds + "; HttpOnly; SameSite=Strict");
    }

    private static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer");
    }
}
