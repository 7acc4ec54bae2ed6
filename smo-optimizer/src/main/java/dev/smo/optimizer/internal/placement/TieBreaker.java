package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.PlacementProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tie-breaker coefficients {@code h[s][k] = tieBreaker · rank(k) · √p_s / ((R − 1) · Σ_s √p_s)}: {@code rank}
 * orders the R ready clusters by headroom (free CPU, memory and GPUs, each relative to the largest cluster, summed),
 * most first, then by cluster order; {@code p_s} is the s-th prime. Square roots of distinct primes are linearly
 * independent over the rationals, so two placements that differ anywhere have different tie-breaker sums: with the
 * integral main terms, the optimum is unique. The total stays below {@code tieBreaker}.
 */
public final class TieBreaker {

    private TieBreaker() {}

    /**
     * @param problem the placement problem
     * @return h[service][cluster] in problem order; 0 for clusters that are not ready
     */
    public static double[][] coefficients(PlacementProblem problem) {
        List<ClusterCapacity> clusters = problem.clusters();
        int[] rank = headroomRanks(clusters);
        int ready = (int) clusters.stream().filter(ClusterCapacity::ready).count();
        int services = problem.services().size();
        double[][] h = new double[services][clusters.size()];
        if (ready <= 1 || problem.weights().tieBreaker() == 0) {
            return h;
        }
        double[] roots = primeRoots(services);
        double norm = 0;
        for (double root : roots) {
            norm += root;
        }
        norm *= ready - 1;
        for (int s = 0; s < services; s++) {
            for (int k = 0; k < clusters.size(); k++) {
                if (clusters.get(k).ready()) {
                    h[s][k] = problem.weights().tieBreaker() * rank[k] * roots[s] / norm;
                }
            }
        }
        return h;
    }

    /** @return per cluster its position among the ready clusters by headroom (0 = most); -1 if not ready */
    static int[] headroomRanks(List<ClusterCapacity> clusters) {
        double maxCpu = 0;
        double maxMemory = 0;
        double maxGpu = 0;
        for (ClusterCapacity c : clusters) {
            if (c.ready()) {
                maxCpu = Math.max(maxCpu, (double) c.cpuMillis());
                maxMemory = Math.max(maxMemory, (double) c.memoryBytes());
                maxGpu = Math.max(maxGpu, c.gpus());
            }
        }
        double[] headroom = new double[clusters.size()];
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < clusters.size(); k++) {
            ClusterCapacity c = clusters.get(k);
            headroom[k] = share((double) c.cpuMillis(), maxCpu)
                    + share((double) c.memoryBytes(), maxMemory)
                    + share(c.gpus(), maxGpu);
            if (c.ready()) {
                order.add(k);
            }
        }
        order.sort(Comparator.<Integer>comparingDouble(k -> -headroom[k]).thenComparingInt(k -> k));
        int[] rank = new int[clusters.size()];
        java.util.Arrays.fill(rank, -1);
        for (int r = 0; r < order.size(); r++) {
            rank[order.get(r)] = r;
        }
        return rank;
    }

    private static double share(double value, double max) {
        return max == 0 ? 0 : value / max;
    }

    private static double[] primeRoots(int count) {
        double[] roots = new double[count];
        int found = 0;
        for (int candidate = 2; found < count; candidate++) {
            boolean prime = true;
            for (int d = 2; (long) d * d <= candidate; d++) {
                if (candidate % d == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                roots[found++] = Math.sqrt(candidate);
            }
        }
        return roots;
    }
}
