package dev.smo.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A profile just learned, with every sample read and what the fit did with it.
 *
 * @param profile the stored profile
 * @param replicasQuery the PromQL the replica counts came from
 * @param requestRateQuery the PromQL the request rates came from
 * @param samples the samples, oldest first
 */
public record ProfileReport(
        ServiceProfile profile, String replicasQuery, String requestRateQuery, List<Observation> samples) {

    /** Checks nulls and copies the samples. */
    public ProfileReport {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(replicasQuery, "replicasQuery");
        Objects.requireNonNull(requestRateQuery, "requestRateQuery");
        samples = List.copyOf(samples);
    }

    /**
     * One sample.
     *
     * @param at when
     * @param replicas replicas running
     * @param rate requests/s served
     * @param verdict USED, UNSATURATED, OUTLIER or INVALID
     */
    public record Observation(Instant at, double replicas, double rate, String verdict) {}
}
