package dev.smo.karmada.internal;

import io.kubernetes.client.openapi.ApiException;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.Map;

/** Pod and service CIDRs of the clusters joined to a Submariner broker ({@code clusters.submariner.io}). */
final class SubmarinerBroker {

    private static final System.Logger LOG = System.getLogger(SubmarinerBroker.class.getName());

    /**
     * @param podCidr first entry of {@code spec.cluster_cidr}, or {@code null}
     * @param serviceCidr first entry of {@code spec.service_cidr}, or {@code null}
     */
    record Cidrs(String podCidr, String serviceCidr) {}

    private final KubeApi api;
    private final String namespace;

    SubmarinerBroker(KubeApi api, String namespace) {
        this.api = api;
        this.namespace = namespace;
    }

    /**
     * @return CIDRs by {@code spec.cluster_id}; empty (with a warning) when the broker cannot be read, since
     *         CIDRs are informational and must not hide the clusters themselves
     */
    Map<String, Cidrs> cidrs() {
        Map<String, Cidrs> byCluster = new HashMap<>();
        try {
            for (Map<String, Object> cluster : api.list(KubeResource.SUBMARINER_CLUSTERS, namespace, null)) {
                String id = Json.string(cluster, "spec", "cluster_id");
                if (id == null) {
                    id = Json.string(cluster, "metadata", "name");
                }
                if (id != null) {
                    byCluster.put(id, new Cidrs(first(cluster, "cluster_cidr"), first(cluster, "service_cidr")));
                }
            }
        } catch (ApiException e) {
            LOG.log(
                    Level.WARNING,
                    "Cannot read the Submariner broker''s clusters in namespace ({0}): {1}; "
                            + "clusters get no CIDRs.",
                    namespace,
                    ApiErrors.describe(e));
        }
        return byCluster;
    }

    private static String first(Map<String, Object> cluster, String field) {
        var values = Json.list(cluster, "spec", field);
        return values.isEmpty() || values.get(0) == null ? null : values.get(0).toString();
    }
}
