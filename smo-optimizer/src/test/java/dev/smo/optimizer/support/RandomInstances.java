package dev.smo.optimizer.support;

import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementWeights;
import dev.smo.optimizer.placement.ServiceDemand;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random placement instances: clusters of mixed size, some with GPUs; services with replicas, some needing a
 * GPU, scaled so total CPU is {@code load} × the ready capacity; random HDAG edges to earlier services; a current
 * placement made on all clusters before {@code removed} of them vanish (one stays listed but not ready).
 */
public final class RandomInstances {

    private static final long GIB = 1L << 30;

    private RandomInstances() {}

    /** Shape of the generated instances. */
    public record Shape(
            int services,
            int clusters,
            double load,
            int removed,
            double edgesPerService,
            double gpuShare,
            double coLocationShare,
            double allowedShare,
            PlacementWeights weights) {

        public static Shape bench(int services, int clusters) {
            return new Shape(
                    services,
                    clusters,
                    0.7,
                    Math.max(1, clusters / 10),
                    1.5,
                    0.1,
                    0.02,
                    0.0,
                    PlacementWeights.DEFAULTS);
        }
    }

    public static PlacementProblem generate(long seed, Shape shape) {
        Random random = new Random(seed);
        int all = shape.clusters() + shape.removed();
        List<ClusterCapacity> clusters = new ArrayList<>();
        for (int k = 0; k < all; k++) {
            long cpu = 500L * (16 + random.nextInt(49));
            long memory = GIB * (16 + random.nextInt(49));
            int gpus = random.nextDouble() < 0.3 ? 1 + random.nextInt(4) : 0;
            clusters.add(ClusterCapacity.ready("c" + k, cpu, memory, gpus));
        }
        int totalGpus = clusters.subList(0, shape.clusters()).stream()
                .mapToInt(ClusterCapacity::gpus)
                .sum();
        long[] cpu = new long[shape.services()];
        long[] memory = new long[shape.services()];
        int[] gpus = new int[shape.services()];
        int[] replicas = new int[shape.services()];
        long rawCpu = 0;
        long rawMemory = 0;
        int gpuUsed = 0;
        for (int s = 0; s < shape.services(); s++) {
            replicas[s] = 1 + random.nextInt(3);
            cpu[s] = 100L + random.nextInt(1901);
            memory[s] = (128L + random.nextInt(3969)) << 20;
            if (random.nextDouble() < shape.gpuShare() && gpuUsed < totalGpus * shape.load()) {
                gpus[s] = 1;
                replicas[s] = 1;
                gpuUsed++;
            }
            rawCpu += cpu[s] * replicas[s];
            rawMemory += memory[s] * replicas[s];
        }
        long readyCpu = clusters.subList(0, shape.clusters()).stream()
                .mapToLong(ClusterCapacity::cpuMillis)
                .sum();
        long readyMemory = clusters.subList(0, shape.clusters()).stream()
                .mapToLong(ClusterCapacity::memoryBytes)
                .sum();
        double cpuScale = shape.load() * readyCpu / rawCpu;
        double memoryScale = shape.load() * 0.8 * readyMemory / rawMemory;
        PlacementProblem.Builder builder = PlacementProblem.builder().weights(shape.weights());
        List<ServiceDemand> services = new ArrayList<>();
        for (int s = 0; s < shape.services(); s++) {
            ServiceDemand service = ServiceDemand.of(
                    "s" + s,
                    Math.max(1, Math.round(cpu[s] * cpuScale)),
                    Math.max(1, Math.round(memory[s] * memoryScale)),
                    gpus[s],
                    replicas[s]);
            if (random.nextDouble() < shape.allowedShare()) {
                Set<String> allowed = new HashSet<>();
                for (int i = 0; i < 2; i++) {
                    allowed.add("c" + random.nextInt(all));
                }
                service = service.onlyOn(allowed);
            }
            services.add(service);
            builder.service(service);
        }
        current(random, services, clusters, builder);
        for (int k = 0; k < all; k++) {
            if (k < shape.clusters()) {
                builder.cluster(clusters.get(k));
            } else if (k == shape.clusters()) {
                ClusterCapacity c = clusters.get(k);
                builder.cluster(new ClusterCapacity(c.name(), c.cpuMillis(), c.memoryBytes(), c.gpus(), false));
            }
        }
        edges(random, shape, builder);
        for (int s = 0; s + 1 < shape.services(); s++) {
            if (random.nextDouble() < shape.coLocationShare()) {
                builder.coLocate(Set.of(
                        "s" + s, "s" + (s + 1 + random.nextInt(Math.min(3, shape.services() - s - 1)))));
            }
        }
        return builder.build();
    }

    private static void current(
            Random random,
            List<ServiceDemand> services,
            List<ClusterCapacity> clusters,
            PlacementProblem.Builder builder) {
        long[] cpuLeft = clusters.stream().mapToLong(ClusterCapacity::cpuMillis).toArray();
        long[] memoryLeft =
                clusters.stream().mapToLong(ClusterCapacity::memoryBytes).toArray();
        long[] gpuLeft = clusters.stream().mapToLong(ClusterCapacity::gpus).toArray();
        for (ServiceDemand s : services) {
            if (random.nextDouble() < 0.05) {
                continue;
            }
            int start = random.nextInt(clusters.size());
            for (int i = 0; i < clusters.size(); i++) {
                int k = (start + i) % clusters.size();
                if (s.totalCpuMillis() <= cpuLeft[k]
                        && s.totalMemoryBytes() <= memoryLeft[k]
                        && s.totalGpus() <= gpuLeft[k]) {
                    cpuLeft[k] -= s.totalCpuMillis();
                    memoryLeft[k] -= s.totalMemoryBytes();
                    gpuLeft[k] -= s.totalGpus();
                    builder.current(s.name(), clusters.get(k).name());
                    break;
                }
            }
        }
    }

    private static void edges(Random random, Shape shape, PlacementProblem.Builder builder) {
        Set<Long> seen = new HashSet<>();
        int count = (int) Math.round(shape.edgesPerService() * shape.services());
        for (int i = 0; i < count && shape.services() > 1; i++) {
            int to = 1 + random.nextInt(shape.services() - 1);
            int from = Math.max(0, to - 1 - random.nextInt(Math.min(to, 8)));
            if (seen.add((long) from * shape.services() + to)) {
                builder.edge("s" + from, "s" + to, 1 + random.nextInt(3));
            }
        }
    }
}
