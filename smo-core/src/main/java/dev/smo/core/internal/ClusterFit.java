package dev.smo.core.internal;

import dev.smo.core.ClusterInfo;
import dev.smo.core.SchedulingTraits;
import dev.smo.model.ClusterSelector;
import dev.smo.model.ClusterTolerations.Toleration;
import dev.smo.model.Gpu;
import dev.smo.optimizer.placement.ServiceDemand;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Karmada's scheduler checks per cluster beyond total capacity, as restrictions of a service's allowed
 * clusters: one replica must fit on a single node (resource-model grades), and the cluster must carry no
 * {@code NoSchedule}/{@code NoExecute} taint the service does not tolerate (Karmada's TaintToleration filter, with
 * the {@code clusterTolerations} of the service's values, which its chart's PropagationPolicy carries); and it
 * must serve the APIs the service's objects need there (Karmada's APIEnablement filter: a ServiceExport sent to a
 * member without the MCS API is never applied, so cross-cluster calls would silently fail); and it must have room
 * for the service's pods (free {@code pods}: the members' kubelets take no more than their max-pods). A cluster the service already runs on is only left for a {@code NoExecute} taint, since Karmada
 * skips the filter for clusters in the current scheduling result and only the taint manager evicts; nor is the
 * per-node fit checked there, because the service's own pods take node room that the live resource models no
 * longer count as free.
 */
final class ClusterFit {

    /** The allowed-cluster name used when no cluster can take the service, so that it is placed nowhere. */
    static final String NONE = "(none: every cluster has an untolerated taint, no node that fits one replica, "
            + "no room for its pods, lacks a label or an API it needs, or has another vendor's GPUs)";

    private ClusterFit() {}

    /**
     * What a service needs of a cluster besides capacity.
     *
     * @param tolerations the taints it tolerates
     * @param apis the APIs its chart's objects need where it runs ({@code group/version/Kind})
     * @param gpu its GPU need, whose vendor (when it names one) must match the cluster's GPU resource
     * @param labels the cluster labels it requires with the values each accepts ({@code clusterLabels} in its values)
     */
    record Needs(List<Toleration> tolerations, Set<String> apis, Gpu gpu, Map<String, List<String>> labels) {}

    /**
     * @param demand the service's demand, maybe already restricted (static placement)
     * @param clusters the candidate clusters
     * @param current the cluster it runs on now, or {@code null}
     * @param needs what it needs of a cluster besides capacity
     * @return the demand restricted to the clusters that can take it; unchanged when all can
     */
    static ServiceDemand restrict(ServiceDemand demand, List<ClusterInfo> clusters, String current, Needs needs) {
        Set<String> fitting = new LinkedHashSet<>();
        boolean excluded = false;
        for (ClusterInfo c : clusters) {
            if (!demand.allows(c.name())) {
                continue;
            }
            if (fits(demand, c, c.name().equals(current), needs)) {
                fitting.add(c.name());
            } else {
                excluded = true;
            }
        }
        if (!excluded) {
            return demand;
        }
        return demand.onlyOn(fitting.isEmpty() ? Set.of(NONE) : fitting);
    }

    /**
     * @param demand the service
     * @param cluster a cluster
     * @param runsThere whether the service runs on it now
     * @param needs what it needs of a cluster besides capacity
     * @return whether Karmada would schedule one replica of it there
     */
    static boolean fits(ServiceDemand demand, ClusterInfo cluster, boolean runsThere, Needs needs) {
        SchedulingTraits traits = cluster.traits();
        if (!ClusterSelector.matchesAny(needs.labels(), cluster.labels())) {
            return false;
        }
        if (!needs.apis().stream().allMatch(traits::serves)) {
            return false;
        }
        if (demand.gpus() > 0) {
            String resource = traits.gpuResourceFor(needs.gpu());
            if (resource == null) {
                return false;
            }
            // A named vendor's GPUs are counted alone on a cluster with several vendors' (its own pods hold some
            // where it runs, as for the node fit below).
            if (needs.gpu().vendor() != null
                    && !runsThere
                    && traits.gpusOf(resource, cluster.gpus()) < (long) demand.gpus() * demand.replicas()) {
                return false;
            }
        }
        if (runsThere) {
            // Its own pods hold node room the live models no longer show as free: only an eviction moves it.
            return traits.taints().stream().noneMatch(t -> t.evicts() && !tolerated(t, needs.tolerations()));
        }
        return traits.fitsOnOneNode(demand.cpuMillis(), demand.memoryBytes())
                && demand.replicas() <= traits.freePods()
                && traits.taints().stream().noneMatch(t -> t.blocksScheduling() && !tolerated(t, needs.tolerations()));
    }

    private static boolean tolerated(SchedulingTraits.Taint taint, List<Toleration> tolerations) {
        return tolerations.stream().anyMatch(t -> t.tolerates(taint.key(), taint.value(), taint.effect()));
    }
}
