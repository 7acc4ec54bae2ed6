package dev.smo.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Declares in the OpenAPI document the answers {@link RequestGuard}, the token check and the store-outage mapping
 * can give on any route, so that every operation lists every status the server emits: 401, 421 and 503 everywhere;
 * 403, 408, 413 and 415 where a body or a mutation is accepted; 429 on {@code /plan}.
 */
public final class CommonResponses {

    private static final Set<String> MUTATING = Set.of("post", "put", "patch", "delete");
    private static final Map<String, String> EVERYWHERE = Map.of(
            "401", "Missing or wrong token",
            "421", "Host not allowed (SMO_ALLOWED_HOSTS)",
            "503", "The database is down (Retry-After) or the server is stopping");
    private static final Map<String, String> WITH_BODY = Map.of(
            "403", "Cross-site request refused (Sec-Fetch-Site, Origin)",
            "408", "The body did not arrive within SMO_READ_TIMEOUT_MS",
            "413", "Body over SMO_MAX_BODY_BYTES",
            "415", "Media type or charset not accepted");

    /**
     * Properties of the core's records (which know nothing of OpenAPI annotations) that may be null, by schema.
     */
    private static final Map<String, Set<String>> NULLABLE =
            Map.of("AlertRule", Set.of("forDuration"), "AlertOutcome", Set.of("alert", "graph", "service"));

    private CommonResponses() {}

    /**
     * @param document the generated OpenAPI document, changed in place
     * @return the document as JSON text
     */
    public static String add(ObjectNode document) {
        JsonNode paths = document.path("paths");
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!(operation.getValue() instanceof ObjectNode op)) {
                    continue;
                }
                ObjectNode responses = op.withObjectProperty("responses");
                EVERYWHERE.forEach((status, why) -> declare(responses, status, why));
                if (MUTATING.contains(operation.getKey().toLowerCase(Locale.ROOT))) {
                    WITH_BODY.forEach((status, why) -> declare(responses, status, why));
                }
                if (path.getKey().equals("/plan")) {
                    declare(responses, "429", "Too many anonymous plans at once (Retry-After)");
                }
            }
        }
        fixSchemas(document.path("components").path("schemas"));
        return document.toPrettyString();
    }

    /**
     * Two corrections to the generated schemas: a {@code java.lang.Object} map value (Helm values) is any JSON value,
     * not an object; and the core's nullable properties are declared so.
     */
    private static void fixSchemas(JsonNode schemas) {
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            anyValue(schema.getValue());
            for (String property : NULLABLE.getOrDefault(schema.getKey(), Set.of())) {
                if (schema.getValue().path("properties").path(property) instanceof ObjectNode p) {
                    p.put("nullable", true);
                }
            }
        }
    }

    private static void anyValue(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            node.forEach(CommonResponses::anyValue);
            return;
        }
        JsonNode additional = object.path("additionalProperties");
        if (additional.isObject()
                && additional.size() == 1
                && "object".equals(additional.path("type").asText())) {
            object.putObject("additionalProperties");
        }
        object.forEach(CommonResponses::anyValue);
    }

    private static void declare(ObjectNode responses, String status, String description) {
        if (responses.has(status)) {
            return;
        }
        ObjectNode response = responses.putObject(status);
        response.put("description", description);
        response.putObject("content")
                .putObject(GraphHandlers.PROBLEM)
                .putObject("schema")
                .put("type", "object");
    }
}
