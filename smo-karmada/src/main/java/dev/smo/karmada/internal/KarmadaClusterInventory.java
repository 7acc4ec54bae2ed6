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

/** Member clusters from Karmada's {@code clusters.cluster.karmada.io}, with CIDRs from Submariner. */
final class KarmadaClusterInventory implements ClusterInventory {

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
                SubmarinerBroker.Cidrs found = cidrs.get(cluster.name());
                if (found == null) {
                    LOG.log(
                            Level.WARNING,
                            "Karmada cluster ({0}) is not joined to the Submariner broker; "
                                    + "it has no pod or service CIDR.",
                            cluster.name());
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
