package dev.smo.karmada;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.util.PatchUtils;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Karmada's cluster-status controller does for a member that joined in push mode: once it reaches the member's
 * API server, it sets the {@code Ready} condition and the {@code resourceSummary}; when it cannot, {@code Ready} is
 * {@code False}. Statuses are merge-patched onto Clusters that SMO created, as the controller does.
 */
public final class FakeMemberController {

    private final ApiClient client;
    private final CustomObjectsApi objects;

    public FakeMemberController(ApiClient client) {
        this.client = client;
        this.objects = new CustomObjectsApi(client);
    }

    /** @return the Cluster as stored, or {@code null} when absent */
    @SuppressWarnings("unchecked")
    public Map<String, Object> cluster(String name) throws ApiException {
        try {
            return (Map<String, Object>)
                    objects.getClusterCustomObject("cluster.karmada.io", "v1alpha1", "clusters", name)
                            .execute();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    /** The member is reachable: {@code Ready: True} (reason {@code ClusterReady}) with this much allocatable. */
    public void ready(String name, String cpu, String memory) throws ApiException {
        ready(name, cpu, memory, "0", "0");
    }

    /** The member is reachable and its pods hold {@code allocatedCpu} and {@code allocatedMemory}. */
    public void ready(String name, String cpu, String memory, String allocatedCpu, String allocatedMemory)
            throws ApiException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("allocatable", Map.of("cpu", cpu, "memory", memory, "pods", "110"));
        summary.put("allocated", Map.of("cpu", allocatedCpu, "memory", allocatedMemory));
        patchStatus(
                name, condition("True", "ClusterReady", "cluster is healthy and ready to accept workloads"), summary);
    }

    /** The member cannot be reached: {@code Ready: False} with Karmada's reason. */
    public void notReady(String name) throws ApiException {
        patchStatus(name, condition("False", "ClusterNotReachable", "cluster is not reachable"), null);
    }

    private static Map<String, Object> condition(String status, String reason, String message) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", "Ready");
        c.put("status", status);
        c.put("reason", reason);
        c.put("message", message);
        c.put("lastTransitionTime", "2026-12-02T00:00:00Z");
        return c;
    }

    private void patchStatus(String name, Map<String, Object> condition, Map<String, Object> summary)
            throws ApiException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kubernetesVersion", "v1.31.2");
        status.put("conditions", List.of(condition));
        if (summary != null) {
            status.put("resourceSummary", summary);
        }
        PatchUtils.patch(
                Object.class,
                () -> objects.patchClusterCustomObject(
                                "cluster.karmada.io", "v1alpha1", "clusters", name, new V1Patch(toJson(status)))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client);
    }

    private static String toJson(Map<String, Object> status) {
        return io.kubernetes.client.openapi.JSON.serialize(Map.of("status", status));
    }
}
