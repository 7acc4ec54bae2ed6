package dev.smo.optimizer.support;

import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementWeights;
import dev.smo.optimizer.placement.ServiceDemand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Seeded instance families of the bench and the tests. {@code default} is {@link RandomInstances}' bench shape; the
 * others are <em>planted</em>: services are dealt to the ready clusters first and each cluster's capacity is then set
 * so that the dealt services use the family's share of it, so a placement always exists (the planted one) however
 * tight the family is.
 *
 * <ul>
 *   <li>{@code lexicographic}: CPU and memory 65–80 % used, GPUs 90–100 %, ≈10 % of the services need 1–2 GPUs
 *       per replica, {@link PlacementWeights#lexicographic()}
 *   <li>{@code tight}: CPU and memory 75–85 % used, default weights
 *   <li>{@code gpu-full}: 95–100 % of the GPUs needed (1–2 per replica), CPU and memory 60–75 %, default weights
 *   <li>{@code many-removed}: 30 % of the clusters gone (their services must move), 60–75 % used, default weights
 * </ul>
 *
 * In every planted family ~1.5 HDAG edges per service (weights 1–3, to one of the 8 previous services), 2 %
 * coLocation pairs (of services planted together), and a current placement: the planted cluster, except 5 % with
 * none, 5 % drifted to another ready cluster, and those on clusters that vanished (one of which stays listed but not
 * ready).
 */
public final class Families {

    private static final long GIB = 1L << 30;

    private Families() {}

    /** The families. */
    public enum Family {
        DEFAULT,
        LEXICOGRAPHIC,
        TIGHT,
        GPU_FULL,
        MANY_REMOVED;

        /** @return the command-line name, e.g. {@code gpu-full} */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** @param label a command-line name @return the family */
        public static Family of(String label) {
            return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private record Spec(
            double loLoad,
            double hiLoad,
            double loGpu,
            double hiGpu,
            int maxGpuPerReplica,
            double removedShare,
            PlacementWeights weights) {}

    private static Spec spec(Family family) {
        return switch (family) {
            case LEXICOGRAPHIC -> new Spec(0.65, 0.80, 0.90, 1.0, 2, 0.1, PlacementWeights.lexicographic());
            case TIGHT -> new Spec(0.75, 0.85, 0.70, 0.90, 1, 0.1, PlacementWeights.DEFAULTS);
            case GPU_FULL -> new Spec(0.60, 0.75, 0.95, 1.0, 2, 0.1, PlacementWeights.DEFAULTS);
            case MANY_REMOVED -> new Spec(0.60, 0.75, 0.60, 0.80, 1, 0.3, PlacementWeights.DEFAULTS);
            case DEFAULT -> throw new IllegalArgumentException("default is not planted");
        };
    }

    /** @return the instance of a family with this seed and size */
    public static PlacementProblem generate(Family family, long seed, int services, int clusters) {
        if (family == Family.DEFAULT) {
            return RandomInstances.generate(seed, RandomInstances.Shape.bench(services, clusters));
        }
        return planted(spec(family), new Random(seed * 31 + family.label().hashCode()), services, clusters);
    }

    /**
     * A planted instance packed harder than any family: CPU and memory {@code lo}–{@code hi} used, every GPU needed.
     */
    public static PlacementProblem packed(long seed, int services, int clusters, double lo, double hi) {
        return planted(
                new Spec(lo, hi, 1.0, 1.0, 2, 0.1, PlacementWeights.DEFAULTS), new Random(seed), services, clusters);
    }

    /** As {@link #generate}, with other weights. */
    public static PlacementProblem generate(
            Family family, long seed, int services, int clusters, PlacementWeights weights) {
        return generate(family, seed, services, clusters).withWeights(weights);
    }

    private static PlacementProblem planted(Spec spec, Random random, int services, int clusters) {
        int removed = Math.max(1, (int) Math.round(clusters * spec.removedShare()));
        double[] size = new double[clusters];
        boolean[] hasGpu = new boolean[clusters];
        for (int k = 0; k < clusters; k++) {
            size[k] = 16 + random.nextInt(49);
            hasGpu[k] = random.nextDouble() < 0.3 || k == 0;
        }
        long[] cpu = new long[services];
        long[] memory = new long[services];
        int[] gpu = new int[services];
        int[] replicas = new int[services];
        int[] planted = new int[services];
        long[][] used = new long[clusters][3];
        for (int s = 0; s < services; s++) {
            replicas[s] = 1 + random.nextInt(3);
            cpu[s] = 100L + random.nextInt(1901);
            memory[s] = (128L + random.nextInt(3969)) << 20;
            boolean needsGpu = random.nextDouble() < 0.1;
            gpu[s] = needsGpu ? 1 + random.nextInt(spec.maxGpuPerReplica()) : 0;
            planted[s] = pick(random, size, needsGpu ? hasGpu : null);
            used[planted[s]][0] += cpu[s] * replicas[s];
            used[planted[s]][1] += memory[s] * replicas[s];
            used[planted[s]][2] += (long) gpu[s] * replicas[s];
        }
        List<ClusterCapacity> ready = new ArrayList<>();
        for (int k = 0; k < clusters; k++) {
            long c = capacity(random, used[k][0], spec.loLoad(), spec.hiLoad());
            long m = capacity(random, used[k][1], spec.loLoad(), spec.hiLoad());
            long g = hasGpu[k] ? Math.max(1, capacity(random, used[k][2], spec.loGpu(), spec.hiGpu())) : 0;
            if (used[k][0] == 0) {
                c = 500L * (long) size[k];
                m = GIB * (long) size[k];
            }
            ready.add(ClusterCapacity.ready("c" + k, c, m, (int) g));
        }
        PlacementProblem.Builder builder = PlacementProblem.builder().weights(spec.weights());
        for (int s = 0; s < services; s++) {
            builder.service(ServiceDemand.of("s" + s, cpu[s], memory[s], gpu[s], replicas[s]));
        }
        ready.forEach(builder::cluster);
        ClusterCapacity notReady = new ClusterCapacity("c" + clusters, 32_000, 32 * GIB, 0, false);
        builder.cluster(notReady);
        double gone = (double) removed / (clusters + removed);
        for (int s = 0; s < services; s++) {
            double r = random.nextDouble();
            if (r < 0.05) {
                continue;
            }
            if (r < 0.05 + gone) {
                builder.current("s" + s, "c" + (clusters + random.nextInt(removed)));
            } else if (r < 0.10 + gone) {
                builder.current("s" + s, "c" + random.nextInt(clusters));
            } else {
                builder.current("s" + s, "c" + planted[s]);
            }
        }
        Set<Long> seen = new HashSet<>();
        int edges = (int) Math.round(1.5 * services);
        for (int i = 0; i < edges && services > 1; i++) {
            int to = 1 + random.nextInt(services - 1);
            int from = Math.max(0, to - 1 - random.nextInt(Math.min(to, 8)));
            if (seen.add((long) from * services + to)) {
                builder.edge("s" + from, "s" + to, 1 + random.nextInt(3));
            }
        }
        for (int s = 0; s + 1 < services; s++) {
            int other = s + 1 + random.nextInt(Math.min(3, services - s - 1));
            if (random.nextDouble() < 0.02 && planted[other] == planted[s]) {
                builder.coLocate(Set.of("s" + s, "s" + other));
            }
        }
        return builder.build();
    }

    /** A cluster index with probability proportional to its size, among those allowed (null: all). */
    private static int pick(Random random, double[] size, boolean[] allowed) {
        double total = 0;
        for (int k = 0; k < size.length; k++) {
            total += allowed == null || allowed[k] ? size[k] : 0;
        }
        double x = random.nextDouble() * total;
        int last = 0;
        for (int k = 0; k < size.length; k++) {
            if (allowed == null || allowed[k]) {
                last = k;
                x -= size[k];
                if (x < 0) {
                    return k;
                }
            }
        }
        return last;
    }

    /** The capacity at which {@code used} is a share in [lo, hi] of it (at least {@code used}). */
    private static long capacity(Random random, long used, double lo, double hi) {
        double share = lo + (hi - lo) * random.nextDouble();
        return Math.max(used, (long) Math.ceil(used / share));
    }
}
