package dev.smo.core.internal;

import dev.smo.model.Service;
import java.util.Map;
import java.util.Optional;

/**
 * A service's scaling profile, read from {@code deployment.intent.scaling} of the descriptor:
 * <pre>
 * scaling:
 *   minReplicas: 1          # default 1
 *   maxReplicas: 3          # required
 *   alpha: 33.3             # requests/s one replica adds (capacity = alpha·replicas + beta)
 *   beta: -16.6             # default 0
 *   requestRate: 'sum(rate(http_requests_total{service="x"}[1m]))'   # PromQL, default shown with x = the id
 * </pre>
 * Services without one are not scaled.
 */
record ScalingProfile(int minReplicas, int maxReplicas, double alpha, double beta, String requestRateQuery) {

    static Optional<ScalingProfile> of(Service service) {
        Object raw = service.intent().extensions().get("scaling");
        if (!(raw instanceof Map<?, ?> map)
                || !(map.get("maxReplicas") instanceof Number max)
                || !(map.get("alpha") instanceof Number alpha)) {
            return Optional.empty();
        }
        int min = map.get("minReplicas") instanceof Number n ? n.intValue() : 1;
        double beta = map.get("beta") instanceof Number b ? b.doubleValue() : 0;
        String query = map.get("requestRate") instanceof String q && !q.isBlank()
                ? q
                : "sum(rate(http_requests_total{service=\"" + service.id() + "\"}[1m]))";
        return Optional.of(new ScalingProfile(min, max.intValue(), alpha.doubleValue(), beta, query));
    }
}
