package dev.smo.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Answers PromQL instant and range queries (Prometheus in production). */
public interface MetricsSource {

    /**
     * @param promql an instant-vector or scalar expression
     * @return the result samples, empty when the expression matched nothing
     * @throws dev.smo.core.SmoIntegrationException when the query fails
     */
    List<Sample> query(String promql);

    /**
     * Evaluates an expression at every {@code step} from {@code start} to {@code end}, as Prometheus'
     * {@code /api/v1/query_range} does: points fall on {@code start + k·step}.
     *
     * @param promql an instant-vector or scalar expression
     * @param start first evaluation time
     * @param end last evaluation time (≥ start)
     * @param step resolution (positive)
     * @return one series per label set, empty when the expression matched nothing
     * @throws dev.smo.core.SmoIntegrationException when the query fails
     */
    List<Series> queryRange(String promql, Instant start, Instant end, Duration step);
}
