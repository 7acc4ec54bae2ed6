package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.Explanation;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.ServiceDemand;
import dev.smo.optimizer.placement.ServiceEdge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds {@link PlacementData}: merges coLocation groups into units, drops clusters a unit can never use, and
 * detects what makes the problem infeasible before any search (no ready cluster, a service or group that fits
 * nowhere, a resource whose total demand exceeds the ready total).
 */
final class Presolve {

    private Presolve() {}

    /** @return the data, or the explanation of an infeasibility found without search */
    static Presolved run(PlacementProblem problem) {
        List<ServiceDemand> services = problem.services();
        List<ClusterCapacity> clusters = problem.clusters();
        Explanations explain = new Explanations(problem);
        if (!services.isEmpty() && clusters.stream().noneMatch(ClusterCapacity::ready)) {
            return new Presolved.Infeasible(explain.noReadyCluster());
        }
        for (ServiceDemand s : services) {
            if (candidates(problem, List.of(s)).length == 0) {
                return new Presolved.Infeasible(explain.serviceFitsNowhere(s));
            }
        }
        int[] unitOf = units(problem);
        int unitCount = 0;
        for (int u : unitOf) {
            unitCount = Math.max(unitCount, u + 1);
        }
        List<List<Integer>> members = new ArrayList<>();
        for (int u = 0; u < unitCount; u++) {
            members.add(new ArrayList<>());
        }
        for (int s = 0; s < services.size(); s++) {
            members.get(unitOf[s]).add(s);
        }
        Explanation total = explain.totalShort();
        if (total != null) {
            return new Presolved.Infeasible(total);
        }
        double[][] tie = TieBreaker.coefficients(problem);
        long moveCost = problem.moveCost();
        int k = clusters.size();
        int[][] memberArray = new int[unitCount][];
        long[][] demand = new long[unitCount][PlacementData.RESOURCES];
        int[][] candidates = new int[unitCount][];
        long[][] mainCost = new long[unitCount][k];
        int[][] moveCount = new int[unitCount][k];
        double[][] tieCost = new double[unitCount][k];
        for (int u = 0; u < unitCount; u++) {
            List<ServiceDemand> group = new ArrayList<>();
            memberArray[u] = members.get(u).stream().mapToInt(Integer::intValue).toArray();
            for (int s : memberArray[u]) {
                ServiceDemand service = services.get(s);
                group.add(service);
                demand[u][0] += service.totalCpuMillis();
                demand[u][1] += service.totalMemoryBytes();
                demand[u][2] += service.totalGpus();
                String current = problem.currentPlacement().get(service.name());
                for (int c = 0; c < k; c++) {
                    if (current != null && !current.equals(clusters.get(c).name())) {
                        mainCost[u][c] += moveCost;
                        moveCount[u][c]++;
                    }
                    tieCost[u][c] += tie[s][c];
                }
            }
            candidates[u] = candidates(problem, group);
            if (candidates[u].length == 0) {
                return new Presolved.Infeasible(explain.groupFitsNowhere(group));
            }
        }
        long[][] capacity = new long[k][];
        for (int c = 0; c < k; c++) {
            ClusterCapacity cluster = clusters.get(c);
            capacity[c] = cluster.ready()
                    ? new long[] {cluster.cpuMillis(), cluster.memoryBytes(), cluster.gpus()}
                    : new long[PlacementData.RESOURCES];
        }
        int[][] neighbours = new int[unitCount][];
        long[][] edgeCost = new long[unitCount][];
        edges(problem, unitOf, neighbours, edgeCost);
        return new Presolved.Ready(new PlacementData(
                problem,
                memberArray,
                demand,
                capacity,
                candidates,
                mainCost,
                moveCount,
                tieCost,
                neighbours,
                edgeCost));
    }

    /** Clusters that are ready, allowed for every service of the group and large enough for the whole group. */
    static int[] candidates(PlacementProblem problem, List<ServiceDemand> group) {
        long cpu = 0;
        long memory = 0;
        long gpu = 0;
        for (ServiceDemand s : group) {
            cpu += s.totalCpuMillis();
            memory += s.totalMemoryBytes();
            gpu += s.totalGpus();
        }
        List<ClusterCapacity> clusters = problem.clusters();
        int[] result = new int[clusters.size()];
        int n = 0;
        for (int c = 0; c < clusters.size(); c++) {
            ClusterCapacity cluster = clusters.get(c);
            if (cluster.ready()
                    && cpu <= cluster.cpuMillis()
                    && memory <= cluster.memoryBytes()
                    && gpu <= cluster.gpus()
                    && allowed(group, cluster.name())) {
                result[n++] = c;
            }
        }
        return Arrays.copyOf(result, n);
    }

    private static boolean allowed(List<ServiceDemand> group, String cluster) {
        for (ServiceDemand s : group) {
            if (!s.allows(cluster)) {
                return false;
            }
        }
        return true;
    }

    /** Union-find over coLocation groups; units numbered by their first service. */
    private static int[] units(PlacementProblem problem) {
        int n = problem.services().size();
        int[] parent = new int[n];
        Map<String, Integer> index = new HashMap<>();
        for (int s = 0; s < n; s++) {
            parent[s] = s;
            index.put(problem.services().get(s).name(), s);
        }
        for (Set<String> group : problem.coLocationGroups()) {
            int first = -1;
            for (String name : group) {
                int s = find(parent, index.get(name));
                if (first < 0) {
                    first = s;
                } else if (s != first) {
                    parent[Math.max(s, first)] = Math.min(s, first);
                    first = Math.min(s, first);
                }
            }
        }
        int[] unitOf = new int[n];
        Map<Integer, Integer> numbering = new HashMap<>();
        for (int s = 0; s < n; s++) {
            int root = find(parent, s);
            Integer u = numbering.get(root);
            if (u == null) {
                u = numbering.size();
                numbering.put(root, u);
            }
            unitOf[s] = u;
        }
        return unitOf;
    }

    private static int find(int[] parent, int s) {
        while (parent[s] != s) {
            parent[s] = parent[parent[s]];
            s = parent[s];
        }
        return s;
    }

    private static void edges(PlacementProblem problem, int[] unitOf, int[][] neighbours, long[][] edgeCost) {
        Map<String, Integer> index = new HashMap<>();
        for (int s = 0; s < problem.services().size(); s++) {
            index.put(problem.services().get(s).name(), s);
        }
        List<TreeMap<Integer, Long>> adjacency = new ArrayList<>();
        for (int u = 0; u < neighbours.length; u++) {
            adjacency.add(new TreeMap<>());
        }
        long cost = problem.weights().edgeCutCost();
        for (ServiceEdge e : problem.edges()) {
            int a = unitOf[index.get(e.from())];
            int b = unitOf[index.get(e.to())];
            if (a != b && cost > 0) {
                adjacency.get(a).merge(b, cost * e.weight(), Long::sum);
                adjacency.get(b).merge(a, cost * e.weight(), Long::sum);
            }
        }
        for (int u = 0; u < neighbours.length; u++) {
            neighbours[u] = adjacency.get(u).keySet().stream()
                    .mapToInt(Integer::intValue)
                    .toArray();
            edgeCost[u] = adjacency.get(u).values().stream()
                    .mapToLong(Long::longValue)
                    .toArray();
        }
    }
}
