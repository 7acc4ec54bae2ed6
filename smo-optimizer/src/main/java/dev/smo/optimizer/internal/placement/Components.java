package dev.smo.optimizer.internal.placement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Splits the units into parts that are truly independent. Two units interact through an edge, or through a cluster
 * both may use whose capacity is tight (the units that may use it could, together, exceed it in some resource).
 * A cluster that every candidate unit fits into at once never binds, so it links nobody.
 */
final class Components {

    private Components() {}

    static List<int[]> of(PlacementData d) {
        int n = d.units();
        int[] parent = new int[n];
        for (int u = 0; u < n; u++) {
            parent[u] = u;
        }
        for (int u = 0; u < n; u++) {
            for (int v : d.neighbours()[u]) {
                union(parent, u, v);
            }
        }
        List<List<Integer>> usersOf = new ArrayList<>();
        for (int k = 0; k < d.clusters(); k++) {
            usersOf.add(new ArrayList<>());
        }
        for (int u = 0; u < n; u++) {
            for (int c : d.candidates()[u]) {
                usersOf.get(c).add(u);
            }
        }
        for (int k = 0; k < d.clusters(); k++) {
            long[] need = new long[PlacementData.RESOURCES];
            int first = -1;
            List<Integer> users = usersOf.get(k);
            for (int u : users) {
                for (int r = 0; r < PlacementData.RESOURCES; r++) {
                    need[r] += d.demand()[u][r];
                }
            }
            boolean tight = false;
            for (int r = 0; r < PlacementData.RESOURCES; r++) {
                tight |= need[r] > d.capacity()[k][r];
            }
            for (int u : users) {
                if (tight) {
                    if (first < 0) {
                        first = u;
                    } else {
                        union(parent, first, u);
                    }
                }
            }
        }
        TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
        for (int u = 0; u < n; u++) {
            groups.computeIfAbsent(find(parent, u), x -> new ArrayList<>()).add(u);
        }
        List<int[]> result = new ArrayList<>();
        for (List<Integer> group : groups.values()) {
            result.add(group.stream().mapToInt(Integer::intValue).toArray());
        }
        return result;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static int find(int[] parent, int s) {
        while (parent[s] != s) {
            parent[s] = parent[parent[s]];
            s = parent[s];
        }
        return s;
    }
}
