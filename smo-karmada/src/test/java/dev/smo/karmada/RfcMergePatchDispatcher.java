package dev.smo.karmada;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * The fabric8 mixed dispatcher (expectations first, then CRUD) with JSON merge patches done as RFC 7386 says.
 *
 * <p>The mock applies a {@code application/merge-patch+json} body with Jackson's "read for updating", which
 * appends to lists instead of replacing them: a Helm upgrade changing a PropagationPolicy's
 * {@code clusterNames} from {@code [a]} to {@code [b]} would leave {@code [a, b]} in the mock, where a real API
 * server leaves {@code [b]}. This dispatcher reads the object, merges the patch itself (objects merged member by
 * member, {@code null} removes, anything else, lists included, replaces) and hands the mock an equivalent JSON
 * Patch (RFC 6902), which the mock applies faithfully. Expectations (faults) on the PATCH still take precedence,
 * since the rewritten request keeps its method and path.
 */
final class RfcMergePatchDispatcher extends KubernetesMixedDispatcher {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    RfcMergePatchDispatcher(
            Map<ServerRequest, Queue<ServerResponse>> responses, List<CustomResourceDefinitionContext> crds) {
        super(responses, crds);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        if (request.method() != HttpMethod.PATCH
                || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/merge-patch+json")) {
            return super.dispatch(request);
        }
        String path = request.getPath();
        String objectPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        MockResponse current = super.dispatch(new RecordedRequest(
                request.getHttpVersion(),
                HttpMethod.GET,
                objectPath,
                Headers.builder().build(),
                new Buffer()));
        if (current.code() != 200) {
            return super.dispatch(request); // let the mock answer (404...)
        }
        try {
            JsonNode object = MAPPER.readTree(current.getBody().getBytes());
            JsonNode merged = mergePatch(object, MAPPER.readTree(request.getUtf8Body()));
            ArrayNode operations = MAPPER.createArrayNode();
            List<String> removed = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (!merged.has(name)) {
                    removed.add(name);
                }
            });
            removed.forEach(name -> operations.addObject().put("op", "remove").put("path", pointer(name)));
            merged.properties().forEach(field -> {
                if (!field.getValue().equals(object.get(field.getKey()))) {
                    operations
                            .addObject()
                            .put("op", "add")
                            .put("path", pointer(field.getKey()))
                            .set("value", field.getValue());
                }
            });
            Headers headers = Headers.builder()
                    .setHeaders(request.getHeaders())
                    .set("Content-Type", "application/json-patch+json")
                    .build();
            return super.dispatch(new RecordedRequest(
                    request.getHttpVersion(),
                    HttpMethod.PATCH,
                    path,
                    headers,
                    new Buffer(MAPPER.writeValueAsBytes(operations))));
        } catch (IOException e) {
            return new MockResponse()
                    .setResponseCode(400)
                    .setBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                            + "\"status\":\"Failure\",\"reason\":\"BadRequest\",\"code\":400,\"message\":"
                            + MAPPER.valueToTree(String.valueOf(e.getMessage())) + "}");
        }
    }

    /** RFC 7386, section 2. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result =
                target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : MAPPER.createObjectNode();
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static String pointer(String name) {
        return "/" + name.replace("~", "~0").replace("/", "~1");
    }
}
