package org.corridor.sim.issuer.control;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reading a bounded request body from, and writing one JSON reply to, a JDK {@link HttpExchange}. */
final class ControlExchange {
    private ControlExchange() {}

    /**
     * The request body, refused once it is over {@link ControlServer#REQUEST_BODY_BYTES_MAX}: by its declared
     * length when there is one, and by counting otherwise (a chunked body declares none).
     */
    static byte[] body(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > ControlServer.REQUEST_BODY_BYTES_MAX) {
                    throw ControlRefusal.bodyTooLarge();
                }
            } catch (NumberFormatException unreadable) {
                // The JDK server has already refused a malformed length; nothing to add here.
            }
        }
        try (InputStream input = exchange.getRequestBody()) {
            byte[] body = input.readNBytes(ControlServer.REQUEST_BODY_BYTES_MAX + 1);
            if (body.length > ControlServer.REQUEST_BODY_BYTES_MAX) throw ControlRefusal.bodyTooLarge();
            return body;
        }
    }

    /** Sends {@code body} as JSON with {@code status} and closes the exchange. */
    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = ControlJson.bytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        // A HEAD reply carries no body: the JDK server wants -1 as its length.
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            if (!head) output.write(bytes);
        }
    }
}
