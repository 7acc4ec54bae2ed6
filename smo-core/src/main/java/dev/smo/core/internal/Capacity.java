package dev.smo.core.internal;

import dev.smo.core.ClusterInfo;
import dev.smo.core.ServiceStatus;
import dev.smo.core.spi.PlacedDemand;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The capacity one graph may use: the inventory's free capacity, adjusted for what SMO itself placed.
 *
 * <p>A static inventory does not see SMO's workloads, so the demands of every other graph's placed services are
 * subtracted. A live inventory (Karmada) already counts them, so the graph's own running services are added back
 * on their current clusters, since re-placing them frees what they hold.
 */
final class Capacity {

    /** Services whose demand holds capacity on their cluster. */
    private static final Set<ServiceStatus> HOLDING =
            EnumSet.of(ServiceStatus.DEPLOYED, ServiceStatus.DEPLOYING, ServiceStatus.PENDING);

    private Capacity() {}

    /**
     * @param clusters the inventory's clusters
     * @param countsDeployed whether the inventory already subtracts deployed workloads
     * @param demand what placed services hold, from {@link dev.smo.core.spi.GraphStore#demand} for the graph being
     *        placed (whose own services are excluded or added back)
     * @return the clusters with the capacity available to that graph
     */
    static List<ClusterInfo> availableTo(
            List<ClusterInfo> clusters, boolean countsDeployed, List<PlacedDemand> demand) {
        Map<String, long[]> delta = new HashMap<>();
        for (PlacedDemand p : demand) {
            boolean holds = countsDeployed ? p.status() == ServiceStatus.DEPLOYED : HOLDING.contains(p.status());
            if (countsDeployed != p.own() || !holds) {
                continue;
            }
            long[] d = delta.computeIfAbsent(p.cluster(), k -> new long[3]);
            d[0] += p.cpuMillis();
            d[1] += p.memoryBytes();
            d[2] += p.gpus();
        }
        int sign = countsDeployed ? 1 : -1;
        List<ClusterInfo> out = new ArrayList<>();
        for (ClusterInfo c : clusters) {
            long[] d = delta.getOrDefault(c.name(), new long[3]);
            out.add(c.withCapacity(
                    Math.max(0, c.cpuMillis() + sign * d[0]), Math.max(0, c.memoryBytes() + sign * d[1]), (int)
                            Math.max(0, c.gpus() + sign * d[2])));
        }
        return out;
    }
}
