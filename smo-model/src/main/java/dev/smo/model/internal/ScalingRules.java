package dev.smo.model.internal;

import dev.smo.model.ScalingIntent;
import java.util.Optional;
import java.util.function.BiConsumer;

/** The ranges of {@code deployment.intent.scaling}; each problem goes to {@code add(path, message)}. */
final class ScalingRules {

    /** As for a replicaCount in the Helm values: more is a typo, not a plan. */
    static final int MAX_REPLICAS = 1000;

    private ScalingRules() {}

    static void check(ScalingIntent scaling, String path, String subject, BiConsumer<String, String> add) {
        String what = subject + " scaling ";
        if (scaling.minReplicas() < 0 || scaling.minReplicas() > MAX_REPLICAS) {
            add.accept(
                    path + "/minReplicas",
                    what + "minReplicas (" + scaling.minReplicas() + ") is not in 0.." + MAX_REPLICAS + ".");
        }
        if (scaling.maxReplicas() < 1 || scaling.maxReplicas() > MAX_REPLICAS) {
            add.accept(
                    path + "/maxReplicas",
                    what + "maxReplicas (" + scaling.maxReplicas() + ") is not in 1.." + MAX_REPLICAS + ".");
        } else if (scaling.maxReplicas() < scaling.minReplicas()) {
            add.accept(
                    path + "/maxReplicas",
                    what + "maxReplicas (" + scaling.maxReplicas() + ") is below minReplicas (" + scaling.minReplicas()
                            + ").\nMaybe swap them.");
        }
        scaling.alpha().ifPresent(alpha -> {
            if (!(alpha > 0) || Double.isInfinite(alpha)) {
                add.accept(
                        path + "/alpha",
                        what + "alpha (" + text(alpha) + ") must be a positive number of requests/s per replica."
                                + "\nMaybe leave alpha and beta out to use the service's learned profile.");
            }
        });
        scaling.beta().ifPresent(beta -> {
            if (!Double.isFinite(beta)) {
                add.accept(path + "/beta", what + "beta (" + beta + ") must be a finite number.");
            }
        });
        double target = scaling.targetUtilisation();
        if (!(target > 0 && target <= 1)) {
            add.accept(
                    path + "/targetUtilisation",
                    what + "targetUtilisation (" + target
                            + ") is not in (0, 1].\nMaybe write 0.8 to keep 20 % headroom.");
        }
        query(scaling.requestRate(), path + "/requestRate", what + "requestRate", add);
        query(scaling.replicasQuery(), path + "/replicasQuery", what + "replicasQuery", add);
    }

    private static String text(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static void query(Optional<String> query, String path, String what, BiConsumer<String, String> add) {
        if (query.isPresent() && query.get().isBlank()) {
            add.accept(path, what + " is empty.\nMaybe leave it out for the default query.");
        }
    }
}
