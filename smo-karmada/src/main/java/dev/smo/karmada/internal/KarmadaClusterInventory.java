package dev.smo.karmada.internal;

import dev.smo.core.ClusterInfo;
import dev.smo.core.ClusterInventoryException;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.karmada.RetryPolicy;
import io.kubernetes.client.openapi.ApiException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Member clusters from Karmada's {@code clusters.cluster.karmada.io}, with CIDRs from Submariner. A Karmada cluster
 * is matched to the broker's {@code clusters.submariner.io} whose {@code spec.cluster_id} is the value of its label
 * {@value #SUBMARINER_CLUSTER_ID_LABEL}, or its own name when it has no such label ({@code subctl join
 * --clusterid} defaults to the kubeconfig context's name, which need not be the name it joined Karmada under).
 */
final class KarmadaClusterInventory implements ClusterInventory {

    /** The Karmada Cluster label naming its Submariner {@code cluster_id} when that differs from its name. */
    static final String SUBMARINER_CLUSTER_ID_LABEL = "smo.dev/submariner-cluster-id";

    private static final System.Logger LOG = System.getLogger(KarmadaClusterInventory.class.getName());

    private final KubeApi karmada;
    private final SubmarinerBroker broker;
    private final Retrier retrier;

    /**
     * @param karmada the Karmada API server
     * @param broker the Submariner broker, or {@code null} when there is none
     * @param retry retries of transient failures
     */
    KarmadaClusterInventory(KubeApi karmada, SubmarinerBroker broker, RetryPolicy retry) {
        this.karmada = karmada;
        this.broker = broker;
        this.retrier = new Retrier(retry);
    }

    @Override
    public List<ClusterInfo> clusters() {
        List<Map<String, Object>> items;
        try {
            items = retrier.call(
                    () -> karmada.list(KubeResource.KARMADA_CLUSTERS, null, null),
                    e -> e instanceof ApiException api && ApiErrors.isTransient(api));
        } catch (ApiException e) {
            throw new ClusterInventoryException(
                    "Cannot list Karmada clusters (" + KubeResource.KARMADA_CLUSTERS
                            + "): " + ApiErrors.describe(e) + "\nMaybe check the Karmada kubeconfig and that the "
                            + "karmada-apiserver is reachable.",
                    e);
        } catch (Exception e) {
            throw new ClusterInventoryException("Cannot list Karmada clusters: " + e.getMessage(), e);
        }
        Map<String, SubmarinerBroker.Cidrs> cidrs = broker == null ? Map.of() : broker.cidrs();
        List<ClusterInfo> clusters = new ArrayList<>();
        for (Map<String, Object> item : items) {
            ClusterInfo cluster = ClusterStatusReader.read(item);
            if (cluster == null) {
                continue;
            }
            if (broker != null) {
                String id = cluster.labels().getOrDefault(SUBMARINER_CLUSTER_ID_LABEL, cluster.name());
                SubmarinerBroker.Cidrs found = cidrs.get(id);
                if (found == null) {
                    LOG.log(
                            Level.WARNING,
                            "Karmada cluster ({0}) has no Submariner cluster_id ({1}) in the broker; it has no pod or "
                                    + "service CIDR.\nMaybe label it " + SUBMARINER_CLUSTER_ID_LABEL
                                    + "=<cluster_id> with the id it joined Submariner under.",
                            cluster.name(),
                            id);
                } else {
                    cluster = cluster.withCidrs(found.podCidr(), found.serviceCidr());
                }
            }
            clusters.add(cluster);
        }
        clusters.sort(Comparator.comparing(ClusterInfo::name));
        return List.copyOf(clusters);
    }
}
