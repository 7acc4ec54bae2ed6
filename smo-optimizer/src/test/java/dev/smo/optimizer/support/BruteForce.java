package dev.smo.optimizer.support;

import dev.smo.optimizer.internal.placement.TieBreaker;
import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.ServiceDemand;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Enumerates every assignment of services to clusters; only for tiny problems (clusters^services). */
public final class BruteForce {

    private BruteForce() {}

    /** @return the optimal assignment (first in enumeration order among exact ties), or null if infeasible */
    public static Map<String, String> solve(PlacementProblem p) {
        List<ServiceDemand> services = p.services();
        List<ClusterCapacity> clusters = p.clusters();
        int n = services.size();
        int k = clusters.size();
        double[][] tie = TieBreaker.coefficients(p);
        long moveCost = p.moveCost();
        Map<String, Integer> index = new HashMap<>();
        for (int s = 0; s < n; s++) {
            index.put(services.get(s).name(), s);
        }
        int[][] edges = p.edges().stream()
                .map(e -> new int[] {index.get(e.from()), index.get(e.to()), e.weight()})
                .toArray(int[][]::new);
        int[][] groups = p.coLocationGroups().stream()
                .map(g -> g.stream().mapToInt(index::get).toArray())
                .toArray(int[][]::new);
        int[] current = new int[n];
        for (int s = 0; s < n; s++) {
            current[s] = -2;
            String c = p.currentPlacement().get(services.get(s).name());
            if (c != null) {
                current[s] = -1;
                for (int j = 0; j < k; j++) {
                    if (clusters.get(j).name().equals(c)) {
                        current[s] = j;
                    }
                }
            }
        }
        int[] a = new int[n];
        int[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        long total = 1;
        for (int s = 0; s < n; s++) {
            total *= k;
        }
        for (long code = 0; code < total; code++) {
            long c = code;
            for (int s = n - 1; s >= 0; s--) {
                a[s] = (int) (c % k);
                c /= k;
            }
            if (!feasible(p, a, groups)) {
                continue;
            }
            int moves = 0;
            double tieSum = 0;
            for (int s = 0; s < n; s++) {
                if (current[s] != -2 && current[s] != a[s]) {
                    moves++;
                }
                tieSum += tie[s][a[s]];
            }
            long cut = 0;
            for (int[] e : edges) {
                if (a[e[0]] != a[e[1]]) {
                    cut += e[2];
                }
            }
            double value = (double) moveCost * moves + (double) p.weights().edgeCutCost() * cut + tieSum;
            if (value < bestValue) {
                bestValue = value;
                best = a.clone();
            }
        }
        if (best == null) {
            return null;
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (int s = 0; s < n; s++) {
            result.put(services.get(s).name(), clusters.get(best[s]).name());
        }
        return result;
    }

    /**
     * Checks an assignment against the problem's constraints, from the problem's own data (not the engine's).
     *
     * @return whether every service is on a ready, allowed cluster, every cluster's CPU, memory and GPUs suffice and
     *     every coLocation group shares one cluster
     */
    public static boolean feasible(PlacementProblem p, Map<String, String> assignment) {
        Map<String, Integer> clusterIndex = new HashMap<>();
        for (int j = 0; j < p.clusters().size(); j++) {
            clusterIndex.put(p.clusters().get(j).name(), j);
        }
        Map<String, Integer> serviceIndex = new HashMap<>();
        int[] a = new int[p.services().size()];
        for (int s = 0; s < a.length; s++) {
            String name = p.services().get(s).name();
            serviceIndex.put(name, s);
            Integer j = clusterIndex.get(assignment.get(name));
            if (j == null) {
                return false;
            }
            a[s] = j;
        }
        int[][] groups = p.coLocationGroups().stream()
                .map(g -> g.stream().mapToInt(serviceIndex::get).toArray())
                .toArray(int[][]::new);
        return assignment.size() == a.length && feasible(p, a, groups);
    }

    private static boolean feasible(PlacementProblem p, int[] a, int[][] groups) {
        int k = p.clusters().size();
        long[] cpu = new long[k];
        long[] memory = new long[k];
        long[] gpu = new long[k];
        for (int s = 0; s < a.length; s++) {
            ServiceDemand service = p.services().get(s);
            ClusterCapacity cluster = p.clusters().get(a[s]);
            if (!cluster.ready() || !service.allows(cluster.name())) {
                return false;
            }
            cpu[a[s]] += service.totalCpuMillis();
            memory[a[s]] += service.totalMemoryBytes();
            gpu[a[s]] += service.totalGpus();
        }
        for (int j = 0; j < k; j++) {
            ClusterCapacity c = p.clusters().get(j);
            if (cpu[j] > c.cpuMillis() || memory[j] > c.memoryBytes() || gpu[j] > c.gpus()) {
                return false;
            }
        }
        for (int[] g : groups) {
            for (int s : g) {
                if (a[s] != a[g[0]]) {
                    return false;
                }
            }
        }
        return true;
    }
}
