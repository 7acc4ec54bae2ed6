package dev.smo.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A service's learned capacity model {@code rate = alpha·replicas + beta}, as stored: one version per learning.
 *
 * @param graph the graph name
 * @param service the service id
 * @param version 1 for the first profile of that service, then one more per learning (0 before it is stored)
 * @param alpha requests/s one replica adds
 * @param beta requests/s independent of replicas
 * @param rSquared R² of the regression
 * @param samplesUsed samples in the final regression
 * @param samplesTotal samples read from the metrics
 * @param unsaturated samples dropped because the service was not saturated
 * @param outliers samples dropped as outliers above the line
 * @param alphaLow lower bound of alpha's 95 % confidence interval
 * @param alphaHigh upper bound of alpha's 95 % confidence interval
 * @param betaLow lower bound of beta's 95 % confidence interval
 * @param betaHigh upper bound of beta's 95 % confidence interval
 * @param from start of the window learned from
 * @param to end of the window learned from
 * @param learnedAt when it was learned
 */
public record ServiceProfile(
        String graph,
        String service,
        int version,
        double alpha,
        double beta,
        double rSquared,
        int samplesUsed,
        int samplesTotal,
        int unsaturated,
        int outliers,
        double alphaLow,
        double alphaHigh,
        double betaLow,
        double betaHigh,
        Instant from,
        Instant to,
        Instant learnedAt) {

    /** Checks nulls. */
    public ServiceProfile {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(learnedAt, "learnedAt");
    }

    /**
     * @param next the version the store assigns
     * @return a copy with that version
     */
    public ServiceProfile withVersion(int next) {
        return new ServiceProfile(
                graph,
                service,
                next,
                alpha,
                beta,
                rSquared,
                samplesUsed,
                samplesTotal,
                unsaturated,
                outliers,
                alphaLow,
                alphaHigh,
                betaLow,
                betaHigh,
                from,
                to,
                learnedAt);
    }
}
