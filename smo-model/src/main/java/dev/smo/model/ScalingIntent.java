package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How SMO scales a service: {@code deployment.intent.scaling}. Capacity is modelled as {@code alpha·replicas + beta}
 * requests/s; the scaling loop keeps {@code rate <= targetUtilisation·capacity} with replicas in
 * {@code [minReplicas, maxReplicas]}. When the descriptor gives no {@code alpha}, the coefficients come from the
 * service's stored profile (learned from Prometheus history); without either the service is not scaled.
 *
 * <p>Ranges are checked by validation, which reports them with their JSON pointers: {@code 0 <= minReplicas <=
 * maxReplicas}, {@code maxReplicas >= 1}, {@code alpha > 0}, {@code beta} finite, {@code targetUtilisation} in
 * {@code (0, 1]}, the queries not blank.
 *
 * @param minReplicas fewest replicas (default 1)
 * @param maxReplicas most replicas (required)
 * @param alpha requests/s one replica adds; empty to use the stored profile
 * @param beta requests/s served independently of replicas (any sign; 0 when absent with alpha; ignored without
 *     alpha, which parsing refuses)
 * @param requestRate PromQL of the request rate the service receives; empty for
 *     {@code sum(rate(http_requests_total{service="<id>"}[1m]))}
 * @param replicasQuery PromQL of the service's running replicas, used by profiling; empty for
 *     {@code sum(kube_deployment_status_replicas{namespace="<project>",deployment="<id>"})}
 * @param targetUtilisation share of the modelled capacity the loop plans to use, in (0, 1] (default 1)
 * @param extensions unknown fields of {@code scaling}
 */
public record ScalingIntent(
        int minReplicas,
        int maxReplicas,
        OptionalDouble alpha,
        OptionalDouble beta,
        Optional<String> requestRate,
        Optional<String> replicasQuery,
        double targetUtilisation,
        Map<String, Object> extensions) {

    /** Checks nulls and copies the extensions; ranges are validation's concern. */
    public ScalingIntent {
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(requestRate, "requestRate");
        Objects.requireNonNull(replicasQuery, "replicasQuery");
        extensions = Values.freezeMap(extensions);
    }

    /**
     * @param minReplicas fewest replicas
     * @param maxReplicas most replicas
     * @param alpha requests/s per replica
     * @param beta requests/s independent of replicas
     * @return an intent with the default queries and a target utilisation of 1
     */
    public static ScalingIntent of(int minReplicas, int maxReplicas, double alpha, double beta) {
        return new ScalingIntent(
                minReplicas,
                maxReplicas,
                OptionalDouble.of(alpha),
                OptionalDouble.of(beta),
                Optional.empty(),
                Optional.empty(),
                1.0,
                Map.of());
    }

    /**
     * @param minReplicas fewest replicas
     * @param maxReplicas most replicas
     * @return an intent whose coefficients come from the stored profile
     */
    public static ScalingIntent profiled(int minReplicas, int maxReplicas) {
        return new ScalingIntent(
                minReplicas,
                maxReplicas,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                Optional.empty(),
                1.0,
                Map.of());
    }

    /**
     * @param serviceId the service's id
     * @return {@link #requestRate()}, or the default query for that service
     */
    public String requestRateQuery(String serviceId) {
        return requestRate.orElse("sum(rate(http_requests_total{service=\"" + serviceId + "\"}[1m]))");
    }

    /**
     * @param project the namespace the service runs in
     * @param serviceId the service's id (its Deployment's name)
     * @return {@link #replicasQuery()}, or the kube-state-metrics query for that Deployment
     */
    public String replicasQuery(String project, String serviceId) {
        return replicasQuery.orElse(
                "sum(kube_deployment_status_replicas{namespace=\"" + project + "\",deployment=\"" + serviceId + "\"})");
    }
}
