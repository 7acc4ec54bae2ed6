package dev.smo.karmada.internal;

import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.util.PatchUtils;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generic JSON calls on any resource: objects are read as maps, because client-java's typed models reject the
 * fields they do not know (custom resources, newer API servers).
 */
final class KubeApi {

    private static final Type MAP = Map.class;
    private static final String[] AUTH = {"BearerToken"};

    private final ApiClient client;

    KubeApi(ApiClient client) {
        this.client = client;
    }

    /**
     * @param resource the resource
     * @param namespace namespace, or {@code null} for a cluster-scoped resource
     * @param labelSelector label selector, or {@code null}
     * @return the objects' {@code items}
     * @throws ApiException when the API server refuses or cannot be reached
     */
    List<Map<String, Object>> list(KubeResource resource, String namespace, String labelSelector) throws ApiException {
        List<Pair> query = new ArrayList<>();
        if (labelSelector != null) {
            query.add(new Pair("labelSelector", labelSelector));
        }
        Map<String, Object> list = call("GET", resource.path(namespace, null), query, null, null);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : Json.list(list, "items")) {
            if (item instanceof Map<?, ?> map) {
                items.add(Json.cast(map));
            }
        }
        return items;
    }

    /**
     * @param resource the resource
     * @param namespace namespace, or {@code null}
     * @param name object name
     * @return the object
     * @throws ApiException when the API server refuses (404 when absent)
     */
    Map<String, Object> get(KubeResource resource, String namespace, String name) throws ApiException {
        return call("GET", resource.path(namespace, name), List.of(), null, null);
    }

    /**
     * @param resource the resource
     * @param namespace namespace, or {@code null}
     * @param body the object, with {@code apiVersion} and {@code kind}
     * @return the created object
     * @throws ApiException when the API server refuses (409 when it exists)
     */
    Map<String, Object> create(KubeResource resource, String namespace, Map<String, Object> body) throws ApiException {
        return call("POST", resource.path(namespace, null), List.of(), body, "application/json");
    }

    /**
     * @param resource the resource
     * @param namespace namespace, or {@code null}
     * @param name object name
     * @throws ApiException when the API server refuses (404 when absent)
     */
    void delete(KubeResource resource, String namespace, String name) throws ApiException {
        call(
                "DELETE",
                resource.path(namespace, name),
                List.of(new Pair("propagationPolicy", "Background")),
                null,
                "application/json");
    }

    /**
     * Applies a JSON merge patch (RFC 7386): the one patch type every API server, and the test mock, accepts.
     *
     * @param resource the resource
     * @param namespace namespace, or {@code null}
     * @param name object name
     * @param patch the patch
     * @return the patched object
     * @throws ApiException when the API server refuses
     */
    Map<String, Object> mergePatch(KubeResource resource, String namespace, String name, Map<String, Object> patch)
            throws ApiException {
        String path = resource.path(namespace, name);
        return Json.cast(PatchUtils.patch(
                Map.class,
                () -> client.buildCall(
                        client.getBasePath(),
                        path,
                        "PATCH",
                        List.of(),
                        List.of(),
                        patch,
                        new HashMap<>(Map.of("Accept", "application/json", "Content-Type", "application/json")),
                        new HashMap<>(),
                        new HashMap<>(),
                        AUTH,
                        null),
                io.kubernetes.client.custom.V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client));
    }

    private Map<String, Object> call(String method, String path, List<Pair> query, Object body, String contentType)
            throws ApiException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        var call = client.buildCall(
                client.getBasePath(),
                path,
                method,
                query,
                List.of(),
                body,
                headers,
                new HashMap<>(),
                new HashMap<>(),
                AUTH,
                null);
        Object data = client.execute(call, MAP).getData();
        return data instanceof Map<?, ?> map ? Json.cast(map) : Map.of();
    }
}
