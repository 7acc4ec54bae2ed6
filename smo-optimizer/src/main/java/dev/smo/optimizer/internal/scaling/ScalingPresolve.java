package dev.smo.optimizer.internal.scaling;

import dev.smo.optimizer.scaling.ScalingCluster;
import dev.smo.optimizer.scaling.ScalingExplanation;
import dev.smo.optimizer.scaling.ScalingExplanation.Reason;
import dev.smo.optimizer.scaling.ScalingProblem;
import dev.smo.optimizer.scaling.ScalingService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds the infeasibilities of the scaling model; with lifted lower bounds these are all there are. */
final class ScalingPresolve {

    private ScalingPresolve() {}

    static Optional<ScalingExplanation> explainInfeasibility(ScalingProblem problem) {
        for (ScalingService s : problem.services()) {
            if (problem.clusters().stream().noneMatch(c -> c.name().equals(s.cluster()))) {
                return Optional.of(new ScalingExplanation(
                        Reason.UNKNOWN_CLUSTER,
                        s.name(),
                        s.cluster(),
                        "Service (" + s.name() + ") runs on cluster (" + s.cluster()
                                + "), which the scaling problem does not list.\nMaybe the cluster is gone: re-place."));
            }
            int needed = s.replicasNeeded();
            if (needed > s.maxReplicas()) {
                String need = needed == Integer.MAX_VALUE ? "more replicas than any count" : needed + " replicas";
                return Optional.of(new ScalingExplanation(
                        Reason.RATE_ABOVE_MAX_REPLICAS,
                        s.name(),
                        s.cluster(),
                        String.format(
                                Locale.ROOT,
                                "Service (%s) needs %s to serve %.2f req/s (%.2f·r + %.2f) but"
                                        + " maxReplicas is %d.%nMaybe re-place it or raise maxReplicas.",
                                s.name(),
                                need,
                                s.requestRate(),
                                s.alpha(),
                                s.beta(),
                                s.maxReplicas())));
            }
        }
        for (ScalingCluster cluster : problem.clusters()) {
            long cpu = 0;
            long memory = 0;
            long gpus = 0;
            List<String> names = new ArrayList<>();
            for (ScalingService s : problem.services()) {
                if (s.cluster().equals(cluster.name())) {
                    long r = s.replicasNeeded();
                    cpu += r * s.cpuMillis();
                    memory = saturatedAdd(memory, r, s.memoryBytes());
                    gpus += r * s.gpus();
                    names.add(s.name() + "×" + r);
                }
            }
            if (cpu > cluster.cpuMillis()) {
                return Optional.of(short_(
                        Reason.CLUSTER_CPU_SHORT,
                        cluster,
                        "cpu",
                        cluster.cpuMillis() + "m",
                        names,
                        cpu + "m",
                        (cpu - cluster.cpuMillis()) + "m"));
            }
            if (memory > cluster.memoryBytes()) {
                return Optional.of(short_(
                        Reason.CLUSTER_MEMORY_SHORT,
                        cluster,
                        "memory",
                        mib(cluster.memoryBytes()),
                        names,
                        mib(memory),
                        mib(memory - cluster.memoryBytes())));
            }
            if (gpus > cluster.gpus()) {
                return Optional.of(short_(
                        Reason.CLUSTER_GPU_SHORT,
                        cluster,
                        "gpus",
                        Integer.toString(cluster.gpus()),
                        names,
                        Long.toString(gpus),
                        Long.toString(gpus - cluster.gpus())));
            }
        }
        return Optional.empty();
    }

    private static ScalingExplanation short_(
            Reason reason,
            ScalingCluster cluster,
            String resource,
            String has,
            List<String> names,
            String need,
            String missing) {
        return new ScalingExplanation(
                reason,
                "",
                cluster.name(),
                "Cluster (" + cluster.name() + ") has " + resource + " " + has + " but its services " + names
                        + " need at least " + need + " to serve their request rates, " + missing
                        + " short.\nMaybe re-place some of them.");
    }

    private static long saturatedAdd(long sum, long replicas, long perReplica) {
        try {
            return Math.addExact(sum, Math.multiplyExact(replicas, perReplica));
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + "Mi";
    }
}
