package org.corridor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.corridor.api.error.ErrorType;
import org.corridor.api.v1.V1Routes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The contract and the server agree: every route the production server answers (read from Javalin's router)
 * is in openapi.yaml, and every operation there is answered. Test-only routes are not on this server.
 */
@Timeout(60)
class OpenApiContractTest {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private static ApiServer server;
    private static ApiClient client;
    private static JsonNode document;

    @BeforeAll
    static void start() throws IOException {
        server = new ApiServer("127.0.0.1", 0, V1Routes.all(new org.corridor.api.v1.V1Services(null, null, null, new java.security.SecureRandom()))).start();
        client = new ApiClient(server);
        try (InputStream yaml = OpenApiContractTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            document = YAMLMapper.builder().build().readTree(yaml);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
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
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            assertThat(operation.getValue().get("operationId")).as(operation.getKey() + " " + path.getKey())
                    .isNotNull();
            assertThat(operation.getValue().at("/responses/default/$ref").asString())
                    .as("the error response of " + operation.getKey() + " " + path.getKey())
                    .isEqualTo("#/components/responses/Error");
        }));
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
        try (InputStream yaml = OpenApiContractTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            assertThat(response.body()).isEqualTo(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theHealthAnswerMatchesItsSchema() {
        JsonNode schema = document.at("/components/schemas/Health");
        JsonNode health = JsonMapper.builder().build().readTree(client.get("/health").body());
        assertThat(ErrorShape.fieldNames(health)).containsExactlyElementsOf(
                ErrorShape.fieldNames(schema.get("properties")));
        assertThat(health.get("status").asString()).isEqualTo(schema.at("/properties/status/const").asString());
    }

    private static List<Route> documented() {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (HTTP_METHODS.contains(operation.getKey())) {
                    routes.add(new Route(operation.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey()));
                }
            }
        }
        return routes;
    }
}
