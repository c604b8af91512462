package org.corridor.sim.issuer.control;

/**
 * A request the control interface refuses: the status and the {@code code} and {@code message} of the one
 * error shape. Thrown from deep in parsing and caught only by {@link ControlRoutes}, which answers it.
 */
final class ControlRefusal extends RuntimeException {
    /** The most characters of a caller's value echoed back in a message. */
    static final int ECHOED_CHARS_MAX = 64;

    private final int status;
    private final String code;

    private ControlRefusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static ControlRefusal invalidJson(String message) {
        return new ControlRefusal(400, "invalid_json", message);
    }

    static ControlRefusal unknownParameter(String field) {
        return new ControlRefusal(400, "unknown_parameter", "unknown field " + echo(field));
    }

    static ControlRefusal missing(String field) {
        return new ControlRefusal(400, "parameter_missing", field + " is required");
    }

    static ControlRefusal invalid(String field, String rule) {
        return new ControlRefusal(400, "parameter_invalid", field + " " + rule);
    }

    static ControlRefusal unknownBank(String where, String bankId) {
        return new ControlRefusal(404, "unknown_bank", where + ": no simulated bank " + echo(bankId));
    }

    static ControlRefusal unknownRoute(String path) {
        return new ControlRefusal(404, "unknown_route", "no route " + echo(path));
    }

    static ControlRefusal methodNotAllowed(String method, String allowed) {
        return new ControlRefusal(405, "method_not_allowed", echo(method) + " not allowed here; use " + allowed);
    }

    static ControlRefusal bodyTooLarge() {
        return new ControlRefusal(413, "body_too_large",
                "the body is over " + ControlServer.REQUEST_BODY_BYTES_MAX + " bytes");
    }

    static ControlRefusal tooManyRules(int rulesMax) {
        return new ControlRefusal(409, "too_many_rules",
                "already " + rulesMax + " fault rules in force; DELETE /faults clears them");
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** A caller's value, cut short so that a message stays small whatever was sent. */
    static String echo(String value) {
        if (value == null) return "null";
        return value.length() <= ECHOED_CHARS_MAX ? value : value.substring(0, ECHOED_CHARS_MAX) + "...";
    }
}
