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
            List<String> names = new ArrayList<>();
            for (ScalingService s : problem.services()) {
                if (s.cluster().equals(cluster.name())) {
                    cpu += s.replicasNeeded() * s.cpuMillis();
                    names.add(s.name() + "×" + s.replicasNeeded());
                }
            }
            if (cpu > cluster.cpuMillis()) {
                return Optional.of(new ScalingExplanation(
                        Reason.CLUSTER_CPU_SHORT,
                        "",
                        cluster.name(),
                        "Cluster (" + cluster.name() + ") has cpu " + cluster.cpuMillis() + "m but its services "
                                + names + " need at least " + cpu + "m to serve their request rates, "
                                + (cpu - cluster.cpuMillis()) + "m short.\nMaybe re-place some of them."));
            }
        }
        return Optional.empty();
    }
}
