package dev.smo.optimizer.scaling;

import dev.smo.optimizer.milp.InvalidModelException;
import java.util.Objects;

/**
 * One service to scale, with its throughput model {@code capacity(r) = alpha·r + beta} requests/s.
 *
 * @param name unique service name
 * @param cluster the cluster the service runs on (its CPU counts against that cluster)
 * @param cpuMillis CPU per replica, in millicores (≥ 0)
 * @param memoryBytes memory per replica, in bytes (≥ 0)
 * @param gpus GPUs per replica (≥ 0)
 * @param minReplicas lowest allowed replica count (≥ 0)
 * @param maxReplicas highest allowed replica count (≥ minReplicas, ≥ 1)
 * @param previousReplicas current replica count (≥ 0), the reference of the change term
 * @param alpha requests/s served per replica (≥ 0)
 * @param beta requests/s served independently of replicas (any sign)
 * @param requestRate observed request rate, in requests/s (≥ 0)
 */
public record ScalingService(
        String name,
        String cluster,
        long cpuMillis,
        long memoryBytes,
        int gpus,
        int minReplicas,
        int maxReplicas,
        int previousReplicas,
        double alpha,
        double beta,
        double requestRate) {

    /** Checks ranges. */
    public ScalingService {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cluster, "cluster");
        if (cpuMillis < 0
                || memoryBytes < 0
                || gpus < 0
                || minReplicas < 0
                || maxReplicas < Math.max(1, minReplicas)
                || previousReplicas < 0
                || !(alpha >= 0)
                || !Double.isFinite(beta)
                || !(requestRate >= 0)
                || Double.isInfinite(alpha)
                || Double.isInfinite(requestRate)) {
            throw new InvalidModelException("Service (" + name + ") has an out-of-range scaling input: cpuMillis ("
                    + cpuMillis + "), memoryBytes (" + memoryBytes + "), gpus (" + gpus + "), replicas [" + minReplicas
                    + ", " + maxReplicas + "], previous ("
                    + previousReplicas + "), alpha (" + alpha + "), beta (" + beta + "), rate (" + requestRate
                    + ").\nMaybe maxReplicas >= max(1, minReplicas) and alpha, rate >= 0.");
        }
    }

    /**
     * A service that needs CPU only.
     *
     * @param name unique service name
     * @param cluster the cluster the service runs on
     * @param cpuMillis CPU per replica, in millicores
     * @param minReplicas lowest allowed replica count
     * @param maxReplicas highest allowed replica count
     * @param previousReplicas current replica count
     * @param alpha requests/s served per replica
     * @param beta requests/s served independently of replicas
     * @param requestRate observed request rate, in requests/s
     */
    public ScalingService(
            String name,
            String cluster,
            long cpuMillis,
            int minReplicas,
            int maxReplicas,
            int previousReplicas,
            double alpha,
            double beta,
            double requestRate) {
        this(name, cluster, cpuMillis, 0, 0, minReplicas, maxReplicas, previousReplicas, alpha, beta, requestRate);
    }

    /**
     * @return the fewest replicas that serve the rate, {@code max(minReplicas, ⌈(rate − beta) / alpha⌉)}, or
     *         {@link Integer#MAX_VALUE} when alpha is 0 and beta alone is short
     */
    public int replicasNeeded() {
        double shortfall = requestRate - beta;
        if (shortfall <= 0) {
            return minReplicas;
        }
        if (alpha == 0) {
            return Integer.MAX_VALUE;
        }
        double needed = Math.ceil(shortfall / alpha - 1e-9);
        return needed >= Integer.MAX_VALUE ? Integer.MAX_VALUE : Math.max(minReplicas, (int) needed);
    }
}
