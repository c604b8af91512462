package org.corridor.api;

import java.nio.ByteBuffer;
import org.corridor.api.error.ApiException;
import org.corridor.api.error.ErrorBody;
import org.corridor.api.error.ErrorType;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Jetty's error pages, in the API's error shape. Jetty answers some requests before Javalin sees them: a
 * request line or headers past {@link ApiLimits#REQUEST_HEADER_BYTES_MAX} (431), malformed HTTP or an ambiguous
 * URI (400), a body that arrives too slowly (408), a request during shutdown (503). Those answers get the same
 * JSON, a {@code Request-Id}, and a fixed message per status: never Jetty's text, never a stack trace.
 */
final class JsonErrorPages extends ErrorHandler {
    private final JsonMapper jackson;
    private final RequestIds requestIds;

    JsonErrorPages(JsonMapper jackson, RequestIds requestIds) {
        this.jackson = jackson;
        this.requestIds = requestIds;
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true; // Every method gets the JSON body, not only GET, POST and HEAD.
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) {
        byte[] body = jackson.writeValueAsBytes(new ErrorBody(detail(code)));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (!response.getHeaders().contains(RequestIds.HEADER)) {
            response.getHeaders().put(RequestIds.HEADER, requestIds.next());
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static ErrorBody.Detail detail(int status) {
        String invalid = ErrorType.INVALID_REQUEST_ERROR.wireName();
        return switch (status) {
            case 400 -> new ErrorBody.Detail(invalid, "request_malformed", "The request is not valid HTTP.", null);
            case 404 -> new ErrorBody.Detail(invalid, "url_unrecognized", "Unrecognized request URL.", null);
            case 408 -> new ErrorBody.Detail(invalid, "request_timeout",
                    "The request did not arrive in time; send it again.", null);
            case 413 -> new ErrorBody.Detail(invalid, "body_too_large",
                    "The request body is larger than " + ApiLimits.REQUEST_BODY_BYTES_MAX + " bytes.", null);
            case 414 -> new ErrorBody.Detail(invalid, "url_too_long", "The request URL is too long.", null);
            case 431 -> new ErrorBody.Detail(invalid, "headers_too_large", "The request line and headers are larger "
                    + "than " + ApiLimits.REQUEST_HEADER_BYTES_MAX + " bytes.", null);
            case 503 -> new ErrorBody.Detail(ErrorType.API_ERROR.wireName(), "service_unavailable",
                    "Corridor is not taking requests right now; retry shortly.", null);
            default -> status >= 500
                    ? ErrorBody.of(ApiException.internal()).error()
                    : new ErrorBody.Detail(invalid, "http_" + status, HttpStatus.getMessage(status) + ".", null);
        };
    }
}
