package org.corridor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.corridor.api.contract.OpenApiDocument;
import org.corridor.api.error.ErrorType;
import org.corridor.api.v1.V1Routes;
import org.corridor.api.v1.V1Services;
import org.corridor.core.state.IdempotencyKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract and the server agree on the route table: every route the production server answers (read from
 * Javalin's router) is in openapi.yaml and every operation there is answered; every versioned operation takes
 * the bearer key, every versioned POST an Idempotency-Key; and the operator's routes are exactly those the
 * route groups declare {@link Access#OPERATOR}. Test-only routes are not on this server. What the routes answer
 * is checked against the document by {@code org.corridor.app.api.contract.ApiWalkContractTest} in corridor-app, on a real node.
 */
@Timeout(60)
class OpenApiContractTest {
    private static final String BEARER_SCHEME = "bearerAuth";
    private static final String ACCESS_EXTENSION = "x-corridor-access";

    private static ApiServer server;
    private static ApiClient client;
    private static OpenApiDocument contract;
    private static JsonNode document;

    @BeforeAll
    static void start() {
        server = new ApiServer("127.0.0.1", 0, routeTableOnly()).start();
        client = new ApiClient(server);
        contract = OpenApiDocument.load();
        document = contract.root();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * The production route groups of version 1, with no switch behind them. These tests list the routes and
     * their declared access and never call a versioned handler: the server's default access policy refuses every
     * {@code /v1} request with 401 before a handler runs. So the ports a handler would use (commands, objects,
     * ledger) can be null; only the randomness, used while the groups are built, is real.
     */
    private static List<RouteGroup> routeTableOnly() {
        return V1Routes.all(new V1Services(null, null, null, null, null, null, new SecureRandom(), null));
    }

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        List<Route> served = server.routes();
        assertThat(served).isNotEmpty();
        assertThat(new TreeSet<>(documented())).isEqualTo(new TreeSet<>(served));
    }

    @Test
    void theDocumentIsOpenApi31WithAResponseForEveryOperation() {
        assertThat(document.get("openapi").asString()).startsWith("3.1.");
        assertThat(document.at("/info/title").asString()).isNotBlank();
        Set<String> operationIds = new TreeSet<>();
        for (OpenApiDocument.Operation operation : contract.operations()) {
            assertThat(operation.node().get("operationId")).as(operation.toString()).isNotNull();
            assertThat(operationIds.add(operation.node().get("operationId").asString()))
                    .as("the operationId of %s is unique", operation).isTrue();
            assertThat(operation.node().at("/responses/default/$ref").asString())
                    .as("the error response of " + operation)
                    .isEqualTo("#/components/responses/Error");
            for (Map.Entry<String, JsonNode> response : operation.node().get("responses").properties()) {
                assertThat(contract.resolve(response.getValue()).at("/headers/Request-Id").isMissingNode())
                        .as("%s documents Request-Id on its %s response", operation, response.getKey()).isFalse();
            }
        }
    }

    @Test
    void everyVersionedOperationRequiresTheBearerKey() {
        JsonNode scheme = document.at("/components/securitySchemes/" + BEARER_SCHEME);
        assertThat(scheme.get("type").asString()).isEqualTo("http");
        assertThat(scheme.get("scheme").asString()).isEqualTo("bearer");
        for (OpenApiDocument.Operation operation : contract.operations()) {
            JsonNode security = operation.node().path("security");
            if (isVersioned(operation)) {
                assertThat(security.isArray() && security.size() == 1 && security.get(0).has(BEARER_SCHEME)
                        && security.get(0).get(BEARER_SCHEME).isEmpty())
                        .as("%s declares security: [{%s: []}], not %s", operation, BEARER_SCHEME, security).isTrue();
                for (int status : List.of(401, 403, 404, 429, 503)) {
                    assertThat(contract.response(operation, status)).as("%s documents %s", operation, status)
                            .isPresent();
                }
                assertThat(contract.response(operation, 429).orElseThrow().at("/headers/Retry-After/required")
                        .asBoolean(false)).as("%s: a 429 always says Retry-After", operation).isTrue();
                assertThat(contract.response(operation, 503).orElseThrow().at("/headers/Retry-After").isMissingNode())
                        .as("%s: a 503 documents Retry-After", operation).isFalse();
            } else {
                assertThat(security.isArray() && security.isEmpty())
                        .as("%s is public: security: []", operation).isTrue();
            }
        }
    }

    @Test
    void everyVersionedPostTakesAnIdempotencyKey() {
        List<OpenApiDocument.Operation> posts = contract.operations().stream()
                .filter(operation -> isVersioned(operation) && operation.method().equals("POST")).toList();
        assertThat(posts).isNotEmpty();
        for (OpenApiDocument.Operation post : posts) {
            List<JsonNode> keys = contract.parameters(post).stream()
                    .filter(parameter -> parameter.get("in").asString().equals("header")
                            && parameter.get("name").asString().equals("Idempotency-Key"))
                    .toList();
            assertThat(keys).as("%s declares the Idempotency-Key header", post).hasSize(1);
            assertThat(keys.getFirst().at("/schema/maxLength").intValue()).isEqualTo(IdempotencyKey.KEY_CHARS_MAX);
            assertThat(contract.response(post, 200).orElseThrow().at("/headers/Idempotent-Replayed").isMissingNode())
                    .as("%s documents Idempotent-Replayed on its reply", post).isFalse();
            for (int status : List.of(409, 422)) {
                JsonNode refusal = contract.response(post, status)
                        .orElseThrow(() -> new AssertionError(post + " documents " + status));
                assertThat(refusal.get("description").asString()).as("%s %s", post, status)
                        .contains("idempotency_error");
            }
        }
    }

    @Test
    void theOperatorRoutesAreExactlyThoseMarkedSo() {
        Map<Route, Access> declared = server.routeAccess();
        Set<Route> operatorOnly = declared.entrySet().stream().filter(entry -> entry.getValue() == Access.OPERATOR)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        Set<Route> markedOperator = contract.operations().stream()
                .filter(operation -> operation.node().path(ACCESS_EXTENSION).asString("").equals("operator"))
                .map(OpenApiDocument.Operation::route).collect(Collectors.toCollection(TreeSet::new));
        assertThat(operatorOnly).isNotEmpty();
        assertThat(markedOperator).isEqualTo(operatorOnly);

        Map<Route, String> documentedAccess = new TreeMap<>();
        Map<Route, String> servedAccess = new TreeMap<>();
        for (OpenApiDocument.Operation operation : contract.operations()) {
            documentedAccess.put(operation.route(), operation.node().path(ACCESS_EXTENSION).asString(""));
        }
        for (Route route : server.routes()) {
            servedAccess.put(route, declared.getOrDefault(route, Access.PUBLIC).name().toLowerCase(Locale.ROOT));
        }
        assertThat(documentedAccess).as("x-corridor-access of every operation").isEqualTo(servedAccess);
        for (OpenApiDocument.Operation operation : contract.operations()) {
            if (servedAccess.get(operation.route()).equals("operator")) {
                assertThat(operation.node().path("description").asString("")).as("the description of %s", operation)
                        .containsIgnoringCase("operator only");
            }
        }
    }

    @Test
    void theErrorSchemaIsTheShapeTheServerWrites() {
        JsonNode schema = document.at("/components/schemas/Error/properties/error");
        List<String> documentedFields = ErrorShape.fieldNames(schema.get("properties"));
        assertThat(documentedFields).containsExactly("type", "code", "message", "param");
        assertThat(schema.get("required").valueStream().map(JsonNode::asString).toList())
                .containsExactly("type", "code", "message");
        List<String> documentedTypes = schema.at("/properties/type/enum").valueStream().map(JsonNode::asString)
                .toList();
        List<String> types = new ArrayList<>();
        for (ErrorType type : ErrorType.values()) {
            types.add(type.wireName());
        }
        assertThat(documentedTypes).containsExactlyInAnyOrderElementsOf(types);

        HttpResponse<String> notFound = client.get("/v1/nowhere");
        JsonNode written = JsonMapper.builder().build().readTree(notFound.body());
        assertThat(documentedFields).containsAll(ErrorShape.fieldNames(written.get("error")));
    }

    @Test
    void theServerServesThisDocument() throws IOException {
        HttpResponse<String> response = client.get("/openapi.yaml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        try (InputStream yaml = OpenApiContractTest.class.getClassLoader().getResourceAsStream(
                OpenApiDocument.RESOURCE)) {
            assertThat(response.body()).isEqualTo(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theHealthAnswerMatchesItsSchema() {
        JsonNode schema = document.at("/components/schemas/Health");
        JsonNode health = JsonMapper.builder().build().readTree(client.get("/health").body());
        assertThat(ErrorShape.fieldNames(health)).containsExactlyElementsOf(
                ErrorShape.fieldNames(schema.get("properties")));
        assertThat(schema.at("/properties/status/enum").values()).extracting(JsonNode::asString)
                .contains(health.get("status").asString());
    }

    private static boolean isVersioned(OpenApiDocument.Operation operation) {
        return operation.path().startsWith(ApiServer.VERSION_PREFIX + "/");
    }

    private static List<Route> documented() {
        return contract.operations().stream().map(OpenApiDocument.Operation::route).toList();
    }
}
