package org.targetedmoney.bridge.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.targetedmoney.bridge.iso.BankFileParser;
import org.targetedmoney.bridge.settlement.BatchState;

/**
 * The OpenAPI document served at {@code GET /openapi.yaml} against the routes {@link BridgeApi} registers: every
 * route documented with its method, no operation the bridge does not serve, the Idempotency-Key header on every
 * POST, and every {@code $ref} resolving.
 */
class OpenApiDocumentTest {
    /**
     * The GET routes {@code BridgeApi.router} registers, in OpenAPI form ({@code :id} is {@code {id}}). Keep in
     * sync with {@code BridgeApi.router} by hand: the POST routes come from {@link BridgeApi#routes()}.
     */
    private static final List<String> GET_ROUTES = List.of("/v1/status", "/v1/batches", "/v1/batches/{id}",
            "/v1/funding", "/v1/receipts", "/v1/orders", "/v1/orders/{id}/pain001", "/v1/inter-enterprise/{period}", "/v1/rejected",
            "/v1/payees", "/v1/escalations", "/metrics", "/health", "/openapi.yaml");
    /** The routes open without a token. */
    private static final List<String> OPEN_ROUTES = List.of("/metrics", "/health", "/openapi.yaml");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static JsonNode doc;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = BridgeApi.class.getResourceAsStream("/openapi.yaml")) {
            assertThat(in).as("openapi.yaml in the bridge's resources").isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
        assertThat(doc).as("the document is a YAML mapping").isNotNull();
        assertThat(doc.isObject()).as("the document is a YAML mapping").isTrue();
    }

    @Test
    void document_openapiField_isVersion31() {
        assertThat(doc.path("openapi").isTextual()).as("openapi is a string").isTrue();
        assertThat(doc.path("openapi").textValue()).startsWith("3.1");
        assertThat(doc.path("info").path("description").asText()).contains(IDEMPOTENCY_KEY).containsIgnoringCase(
                "journal").containsIgnoringCase("exactly once");
    }

    @Test
    void paths_idempotentRoutes_areDocumentedAsPost() {
        assertThat(BridgeApi.routes()).isNotEmpty();
        for (String route : BridgeApi.routes()) {
            assertThat(doc.path("paths").path(route).path("post").isObject())
                    .as("POST %s is documented", route).isTrue();
        }
    }

    @Test
    void paths_getRoutes_areDocumentedAsGet() {
        for (String route : GET_ROUTES) {
            assertThat(doc.path("paths").path(route).path("get").isObject())
                    .as("GET %s is documented", route).isTrue();
        }
    }

    @Test
    void paths_documentedOperations_areExactlyTheRegisteredRoutes() {
        Set<String> registered = new TreeSet<>();
        BridgeApi.routes().forEach(r -> registered.add("POST " + r));
        BridgeApi.putRoutes().forEach(r -> registered.add("PUT " + r));
        GET_ROUTES.forEach(r -> registered.add("GET " + r));

        assertThat(operations().keySet()).as("documented operations (none invented, none missing)")
                .containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void v1Operations_tokenRefusals_areDocumentedAndOnlyTheOpenRoutesNeedNoToken() {
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(doc.path("security").get(0).has("bearer")).isTrue();
        operations().forEach((name, op) -> {
            boolean open = OPEN_ROUTES.stream().anyMatch(r -> name.endsWith(" " + r));
            if (open) {
                assertThat(op.path("security").isArray() && op.path("security").isEmpty()).as("%s is open", name)
                        .isTrue();
            } else {
                assertThat(op.path("security").isMissingNode()).as("%s needs the bearer token", name).isTrue();
                assertThat(op.path("responses").has("401") && op.path("responses").has("403"))
                        .as("%s documents 401 and 403", name).isTrue();
            }
        });
    }

    @Test
    void putOperations_idempotencyKeyHeader_isDeclaredAndRequired() {
        assertThat(BridgeApi.putRoutes()).isNotEmpty();
        for (String route : BridgeApi.putRoutes()) {
            assertThat(parameters(route, "put")).as("PUT %s declares a required %s header", route, IDEMPOTENCY_KEY)
                    .anySatisfy(p -> {
                        assertThat(p.path("in").asText()).isEqualTo("header");
                        assertThat(p.path("name").asText()).isEqualToIgnoringCase(IDEMPOTENCY_KEY);
                        assertThat(p.path("required").asBoolean()).isTrue();
                    });
        }
    }

    private static List<JsonNode> parameters(String route, String method) {
        JsonNode pathItem = doc.path("paths").path(route);
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(p -> parameters.add(resolve(p)));
        pathItem.path(method).path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    @Test
    void postOperations_idempotencyKeyHeader_isDeclaredAndRequired() {
        for (String route : BridgeApi.routes()) {
            List<JsonNode> parameters = parameters(route, "post");

            assertThat(parameters).as("POST %s declares a required %s header", route, IDEMPOTENCY_KEY)
                    .anySatisfy(p -> {
                        assertThat(p.path("in").asText()).isEqualTo("header");
                        assertThat(p.path("name").asText()).isEqualToIgnoringCase(IDEMPOTENCY_KEY);
                        assertThat(p.path("required").asBoolean()).isTrue();
                    });
        }
    }

    @Test
    void refs_everyRef_resolvesToDefinedComponent() {
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);

        assertThat(refs).as("the document uses components").isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).as("$ref %s points into #/components/", ref).startsWith("#/components/");
            JsonNode target = doc.at(JsonPointer.compile(ref.substring(1)));
            assertThat(target.isMissingNode()).as("$ref %s resolves", ref).isFalse();
            assertThat(target.isObject()).as("$ref %s is a component object", ref).isTrue();
        }
    }

    @Test
    void operations_summaryDescriptionAndResponses_arePresent() {
        operations().forEach((name, op) -> {
            assertThat(op.path("summary").asText()).as("%s summary", name).isNotBlank();
            assertThat(op.path("description").asText()).as("%s description", name).isNotBlank();
            assertThat(op.path("responses").size()).as("%s responses", name).isPositive();
        });
    }

    @Test
    void batchStateSchema_enum_isEveryBatchStateCode() {
        List<String> documented = new ArrayList<>();
        doc.path("components").path("schemas").path("BatchState").path("enum")
                .forEach(v -> documented.add(v.asText()));

        assertThat(documented).containsExactlyElementsOf(
                Arrays.stream(BatchState.values()).map(BatchState::code).toList());
    }

    @Test
    void fundClaimSchema_statusEnum_isEveryClaimStatusCode_andThePayeeDocumentsItsMandate() {
        List<String> documented = new ArrayList<>();
        doc.path("components").path("schemas").path("FundClaim").path("properties").path("status").path("enum")
                .forEach(v -> documented.add(v.asText()));
        JsonNode mandate = doc.path("components").path("schemas").path("FirmPayee").path("properties")
                .path("mandate");

        assertThat(documented).containsExactlyElementsOf(Arrays.stream(
                org.targetedmoney.bridge.engine.FundClaim.Status.values())
                .map(org.targetedmoney.bridge.engine.FundClaim.Status::code).toList());
        assertThat(mandate.path("required")).extracting(JsonNode::asText).containsExactly("id", "signedOn");
        assertThat(mandate.path("description").asText()).contains("INVALID_MANDATE");
    }

    @Test
    void bankMessagesPost_description_namesEverySupportedNamespace() {
        String description = doc.path("paths").path("/v1/bank/messages").path("post").path("description").asText();

        assertThat(BankFileParser.supportedNamespaces()).isNotEmpty()
                .allSatisfy(ns -> assertThat(description).contains("`" + ns + "`"));
    }

    // ---- helpers ----

    /** Every operation, as "METHOD path". */
    private static Map<String, JsonNode> operations() {
        return stream(doc.path("paths")).flatMap(path -> stream(path.getValue())
                        .filter(op -> HTTP_METHODS.contains(op.getKey()))
                        .map(op -> Map.entry(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                op.getValue())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Stream<Map.Entry<String, JsonNode>> stream(JsonNode object) {
        return object.properties().stream();
    }

    /** {@code node}, or what its {@code $ref} (chain) points to. */
    private static JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            assertThat(hops).as("$ref chain from %s", node).isLessThan(10);
            current = doc.at(JsonPointer.compile(current.get("$ref").asText().substring(1)));
        }
        return current;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    assertThat(field.getValue().isTextual()).as("$ref is a string").isTrue();
                    refs.add(field.getValue().textValue());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
