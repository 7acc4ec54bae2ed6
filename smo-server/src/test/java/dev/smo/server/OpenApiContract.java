package dev.smo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks answers against the server's own {@code /openapi.json}: the operation exists (else the answer must be 404
 * for an unknown path or 405 for a known path), the status is declared for it, and a body's media type is one the
 * declared response lists, and a JSON body matches the schema declared for it. {@link Http} runs every answer of
 * the HTTP test suite through it.
 */
final class OpenApiContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private OpenApiContract() {}

    /**
     * @param base the server's base URL
     * @param method the request method
     * @param path the request path, query included
     * @param status the answer's status
     * @param contentType the answer's {@code Content-Type}, or empty
     * @param body the answer's body
     * @throws AssertionError when the answer is not in the contract
     */
    static void check(String base, String method, String path, int status, String contentType, String body) {
        String q = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        // Javalin ignores trailing slashes, and so does the contract.
        String p = q.length() > 1 && q.endsWith("/") ? q.substring(0, q.length() - 1) : q;
        // The API's documents and the web console are pages, not API routes.
        if (p.equals("/openapi.json")
                || p.startsWith("/docs")
                || p.startsWith("/webjars")
                || p.equals("/")
                || p.equals("/ui")
                || p.startsWith("/ui/")) {
            return;
        }
        JsonNode paths = document(base).path("paths");
        JsonNode item = null;
        for (Map.Entry<String, JsonNode> e : paths.properties()) {
            if (template(e.getKey()).matcher(p).matches()) {
                item = e.getValue();
                break;
            }
        }
        String what = method + " " + path + " → " + status + " " + contentType;
        if (item == null) {
            require(status == 404, "undeclared path: " + what);
            return;
        }
        JsonNode operation = item.get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            require(status == 405, "undeclared method: " + what);
            return;
        }
        JsonNode response = operation.path("responses").get(String.valueOf(status));
        if (response == null) {
            response = operation.path("responses").get("default");
        }
        require(response != null, "undeclared status: " + what);
        if (body == null || body.isEmpty()) {
            return;
        }
        String type = contentType.contains(";") ? contentType.substring(0, contentType.indexOf(';')) : contentType;
        JsonNode content = response.path("content");
        require(
                content.has(type.strip()),
                "undeclared media type: " + what + " (declared: " + fieldNames(content) + ")");
        JsonNode schema = content.path(type.strip()).path("schema");
        if (schema.isObject() && type.strip().endsWith("json")) {
            List<Error> errors = SCHEMAS.computeIfAbsent(
                            base + " " + method + " " + p + " " + status + " " + type.strip(),
                            k -> REGISTRY.getSchema(jsonSchema(schema, document(base))))
                    .validate(parse(body, what));
            require(
                    errors.isEmpty(),
                    "body does not match its declared schema: " + what + "\n  "
                            + errors.stream().map(Error::toString).collect(Collectors.joining("\n  ")) + "\n  body: "
                            + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
        }
    }

    /**
     * An OpenAPI 3.0 schema as a JSON Schema (2020-12) document: {@code nullable: true} becomes a type that also
     * admits null, and the document's components ride along so that {@code #/components/schemas/...} resolves.
     */
    static JsonNode jsonSchema(JsonNode schema, JsonNode document) {
        ObjectNode root = (ObjectNode) convert(schema);
        root.set("components", convert(document.path("components")));
        return root;
    }

    private static JsonNode convert(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(convert(item)));
            return copy;
        }
        if (!node.isObject()) {
            return node.deepCopy();
        }
        ObjectNode copy = JSON.createObjectNode();
        node.properties().forEach(e -> copy.set(e.getKey(), convert(e.getValue())));
        if (copy.path("nullable").asBoolean(false)) {
            copy.remove("nullable");
            if (copy.path("type").isTextual()) {
                copy.set(
                        "type",
                        JSON.createArrayNode().add(copy.path("type").asText()).add("null"));
            } else if (copy.has("$ref") || copy.has("allOf") || copy.has("oneOf") || copy.has("anyOf")) {
                ObjectNode either = JSON.createObjectNode();
                either.set(
                        "anyOf",
                        JSON.createArrayNode()
                                .add(copy)
                                .add(JSON.createObjectNode().put("type", "null")));
                return either;
            }
        }
        return copy;
    }

    private static JsonNode parse(String body, String what) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("OpenAPI contract: a JSON media type with a body that is not JSON: " + what, e);
        }
    }

    private static String fieldNames(JsonNode node) {
        StringBuilder names = new StringBuilder();
        node.fieldNames()
                .forEachRemaining(n -> names.append(names.isEmpty() ? "" : ", ").append(n));
        return names.toString();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError("OpenAPI contract: " + message);
        }
    }

    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q"));
    }

    private static JsonNode document(String base) {
        return DOCUMENTS.computeIfAbsent(base, b -> {
            try {
                HttpResponse<String> r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(b + "/openapi.json"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                return JSON.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
