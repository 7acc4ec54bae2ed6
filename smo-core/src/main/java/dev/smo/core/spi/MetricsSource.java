package dev.smo.core.spi;

import java.util.List;

/** Answers PromQL instant queries (Prometheus in production). */
public interface MetricsSource {

    /**
     * @param promql an instant-vector or scalar expression
     * @return the result samples, empty when the expression matched nothing
     * @throws dev.smo.core.SmoIntegrationException when the query fails
     */
    List<Sample> query(String promql);
}
