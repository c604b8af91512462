package org.corridor.api;

/**
 * One route the server answers: an HTTP method and a path in Javalin's (and OpenAPI's) template syntax, such as
 * {@code GET /v1/payment_intents/{id}}.
 *
 * @param method the HTTP method, upper case
 * @param path the full path, version prefix included
 */
public record Route(String method, String path) implements Comparable<Route> {
    @Override
    public int compareTo(Route other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
