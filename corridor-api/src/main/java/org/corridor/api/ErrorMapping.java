package org.corridor.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.EndpointNotFound;
import io.javalin.validation.ValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridor.api.error.ApiException;
import org.corridor.api.error.ErrorBody;
import org.corridor.api.error.ErrorStatus;
import org.corridor.core.port.SwitchBusyException;
import org.corridor.core.port.SwitchUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every way a request can fail inside Javalin, written in the one error shape: a handler's {@link ApiException},
 * Javalin's own answers (no route, wrong method, body past the limit), its validators, and faults (any other
 * exception or {@link Error}), which are logged with the request id and answered with a fixed 500.
 */
final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

    /** What a 503 tells the client to wait: the writer recovers in well under a second. */
    private static final Duration RETRY_SOON = Duration.ofSeconds(1);

    private final byte[] internalErrorBody;

    private ErrorMapping(JsonMapper jackson) {
        this.internalErrorBody = jackson.writeValueAsBytes(ErrorBody.of(ApiException.internal()));
    }

    /** Registers the mappings on a Javalin configuration. */
    static void install(JavalinConfig config, JsonMapper jackson) {
        ErrorMapping mapping = new ErrorMapping(jackson);
        config.routes.exception(ApiException.class, (problem, ctx) -> write(ctx, problem));
        config.routes.exception(HttpResponseException.class, (problem, ctx) -> write(ctx, fromJavalin(problem, ctx)));
        config.routes.exception(ValidationException.class, (problem, ctx) -> write(ctx, fromValidation(problem)));
        config.routes.exception(SwitchBusyException.class, (busy, ctx) -> write(ctx, ApiException.unavailable(
                "switch_busy", "Corridor is at capacity right now; nothing was done. Retry shortly.", RETRY_SOON)));
        config.routes.exception(SwitchUnavailableException.class, (down, ctx) -> {
            LOG.warn("Request {}: the switch could not make the request durable", ctx.res().getHeader(RequestIds.HEADER),
                    down);
            write(ctx, ApiException.unavailable("switch_unavailable", "Corridor could not make this request durable;"
                    + " retry with the same Idempotency-Key to learn or repeat the outcome.", RETRY_SOON));
        });
        config.routes.exception(Exception.class, mapping::fault);
        config.router.javaLangErrorHandler(mapping::fatal);
        // Javalin answers a body read that timed out with a bare 408 of its own; give it the error shape.
        config.jetty.timeoutStatus = ErrorStatus.REQUEST_TIMEOUT.code();
        config.routes.error(ErrorStatus.REQUEST_TIMEOUT.code(), ctx -> {
            if (ctx.resultInputStream() == null) {
                write(ctx, ApiException.requestTimeout());
            }
        });
    }

    static void write(Context ctx, ApiException problem) {
        if (problem.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(problem.retryAfterSeconds()));
        }
        ctx.status(problem.status().code()).json(ErrorBody.of(problem));
    }

    private void fault(Exception fault, Context ctx) {
        LOG.error("Request {} ({} {}) failed", ctx.res().getHeader(RequestIds.HEADER), ctx.method(), ctx.path(),
                fault);
        write(ctx, ApiException.internal());
    }

    /** An {@link Error} reaches here without a context: the response is written by hand, from bytes made early. */
    private void fatal(HttpServletResponse response, Error fault) {
        LOG.error("Request {} failed with an error", response.getHeader(RequestIds.HEADER), fault);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.resetBuffer();
            response.setStatus(ErrorStatus.INTERNAL_SERVER_ERROR.code());
            response.setContentType("application/json");
            response.setContentLength(internalErrorBody.length);
            response.getOutputStream().write(internalErrorBody);
        } catch (IOException | IllegalStateException unwritable) {
            LOG.debug("Could not write the 500 for request {}", response.getHeader(RequestIds.HEADER), unwritable);
        }
    }

    private static ApiException fromJavalin(HttpResponseException problem, Context ctx) {
        return switch (problem.getStatus()) {
            case 404 -> problem instanceof EndpointNotFound
                    ? ApiException.notFound("url_unrecognized",
                            "Unrecognized request URL (" + ctx.method() + " " + echo(ctx.path()) + ").", null)
                    : ApiException.notFound("resource_missing", "No such resource.", null);
            case 405 -> methodNotAllowed(problem, ctx);
            case 413 -> ApiException.contentTooLarge(
                    "The request body is larger than " + ApiLimits.REQUEST_BODY_BYTES_MAX + " bytes.");
            default -> byStatus(problem.getStatus(), ctx);
        };
    }

    /** Javalin's other answers (a handler that threw {@code ForbiddenResponse}, say) keep their status. */
    private static ApiException byStatus(int code, Context ctx) {
        for (ErrorStatus status : ErrorStatus.values()) {
            if (status.code() == code && status != ErrorStatus.TOO_MANY_REQUESTS) {
                return ApiException.of(status, status.defaultType(), status.name().toLowerCase(Locale.ROOT),
                        HttpStatus.forStatus(code).getMessage() + ".", null);
            }
        }
        LOG.warn("Request {}: Javalin answered {}, which the API does not document; sent as a 500",
                ctx.res().getHeader(RequestIds.HEADER), code);
        return ApiException.internal();
    }

    private static ApiException methodNotAllowed(HttpResponseException problem, Context ctx) {
        Map<String, String> details = problem.getDetails();
        String available = details.getOrDefault("availableMethods", details.getOrDefault("Available methods", ""));
        List<String> allowed = new ArrayList<>(Arrays.stream(available.split(","))
                .map(String::strip).filter(method -> !method.isEmpty()).toList());
        if (allowed.contains("GET") && !allowed.contains("HEAD")) {
            allowed.add("HEAD"); // Javalin answers HEAD wherever there is a GET.
        }
        String allow = String.join(", ", allowed);
        ctx.header("Allow", allow);
        return ApiException.methodNotAllowed(
                ctx.method() + " is not allowed on " + echo(ctx.path()) + "; allowed: " + allow + ".");
    }

    private static ApiException fromValidation(ValidationException problem) {
        String param = problem.getErrors().keySet().stream().findFirst().orElse(null);
        return ApiException.badRequest("parameter_invalid",
                param == null ? "A parameter is not valid." : "The value of " + param + " is not valid.", param);
    }

    /** A request path as echoed in a message: bounded, so an error never grows with what the client sent. */
    private static String echo(String path) {
        return path.length() <= ApiLimits.ERROR_PATH_ECHO_CHARS_MAX
                ? path
                : path.substring(0, ApiLimits.ERROR_PATH_ECHO_CHARS_MAX) + "...";
    }
}
