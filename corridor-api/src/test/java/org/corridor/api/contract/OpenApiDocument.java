package org.corridor.api.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.corridor.api.Route;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The served openapi.yaml, read the way a client generator would: its operations, their parameters with path-level
 * ones merged in, and their responses, with local {@code $ref}s followed.
 */
public final class OpenApiDocument {
    /** The classpath resource the server serves at {@code GET /openapi.yaml}. */
    public static final String RESOURCE = "openapi.yaml";

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    /**
     * One operation of the document.
     *
     * @param method upper case, as {@link Route} has it
     * @param path the path template, such as {@code /v1/payment_intents/{id}}
     * @param node the operation object
     * @param pathItem the path item holding it, for path-level parameters
     */
    public record Operation(String method, String path, JsonNode node, JsonNode pathItem) {
        public Route route() {
            return new Route(method, path);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode root;

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Reads the document from the classpath. */
    public static OpenApiDocument load() {
        try (InputStream yaml = OpenApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (yaml == null) throw new IllegalStateException("the classpath holds no " + RESOURCE);
            return new OpenApiDocument(YAMLMapper.builder().build().readTree(yaml));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    public JsonNode root() {
        return root;
    }

    /** Every operation under {@code paths}, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (HTTP_METHODS.contains(entry.getKey())) {
                    operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                            entry.getValue(), path.getValue()));
                }
            }
        }
        return operations;
    }

    /** The operation for {@code method} and {@code path}, if the document has one. */
    public Optional<Operation> operation(String method, String path) {
        return operations().stream().filter(op -> op.method().equals(method) && op.path().equals(path)).findFirst();
    }

    /** The operation's parameters and its path item's, {@code $ref}s followed; the operation's come first. */
    /** The webhook {@code name}: what Corridor sends to an endpoint, as an operation it calls. */
    public Operation webhook(String name) {
        JsonNode pathItem = root.at("/webhooks/" + name);
        if (pathItem.isMissingNode()) throw new IllegalArgumentException("no webhook " + name);
        return new Operation("POST", name, pathItem.get("post"), pathItem);
    }

    /** The JSON schema of the operation's request body, if it documents an {@code application/json} one. */
    public Optional<JsonNode> requestSchema(Operation operation) {
        return jsonSchema(resolve(operation.node().path("requestBody")));
    }

    public List<JsonNode> parameters(Operation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode holder : List.of(operation.node(), operation.pathItem())) {
            JsonNode list = holder.get("parameters");
            if (list != null) list.values().forEach(parameter -> parameters.add(resolve(parameter)));
        }
        return parameters;
    }

    /** The response the operation documents for {@code status}, {@code $ref} followed; not {@code default}. */
    public Optional<JsonNode> response(Operation operation, int status) {
        return Optional.ofNullable(operation.node().at("/responses/" + status)).filter(node -> !node.isMissingNode())
                .map(this::resolve);
    }

    /** The JSON schema of a response or request body, if it has an {@code application/json} one. */
    public static Optional<JsonNode> jsonSchema(JsonNode responseOrBody) {
        JsonNode schema = responseOrBody.at("/content/application~1json/schema");
        return schema.isMissingNode() ? Optional.empty() : Optional.of(schema);
    }

    /** A component schema by name. */
    public JsonNode schema(String name) {
        JsonNode schema = root.at("/components/schemas/" + name);
        if (schema.isMissingNode()) throw new IllegalArgumentException("no schema " + name);
        return schema;
    }

    /** The node itself, or the node its {@code $ref} names, followed until it names no other. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            if (hops > 16) throw new IllegalStateException("a $ref cycle at " + node);
            current = pointer(current.get("$ref").asString());
        }
        return current;
    }

    /** The node a local reference ({@code #/components/...}) names. */
    public JsonNode pointer(String ref) {
        if (!ref.startsWith("#/")) throw new IllegalArgumentException("only local references are used: " + ref);
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) throw new IllegalArgumentException("a $ref to nothing: " + ref);
        return target;
    }
}
