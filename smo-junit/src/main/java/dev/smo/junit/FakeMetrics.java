package dev.smo.junit;

import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.Sample;
import dev.smo.core.spi.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link MetricsSource} that answers what the test told it: samples per exact PromQL expression, else a fallback
 * (no samples by default). It records every query. Thread-safe.
 */
public final class FakeMetrics implements MetricsSource {

    private final Map<String, List<Sample>> answers = new ConcurrentHashMap<>();
    private final List<String> queries = new ArrayList<>();
    private volatile Function<String, List<Sample>> fallback = q -> List.of();
    private final Map<String, BiFunction<Instant, Integer, Double>> histories = new ConcurrentHashMap<>();

    /** A source that answers every query with no samples. */
    public FakeMetrics() {}

    /**
     * @param promql the exact expression
     * @param samples the answer to it
     * @return this source
     */
    public FakeMetrics answer(String promql, List<Sample> samples) {
        answers.put(Objects.requireNonNull(promql, "promql"), List.copyOf(samples));
        return this;
    }

    /**
     * @param promql the exact expression
     * @param value the value of a single sample without labels
     * @return this source
     */
    public FakeMetrics answer(String promql, double value) {
        return answer(promql, List.of(new Sample(Map.of(), value)));
    }

    /**
     * @param fallback the answer to every expression without an exact answer
     * @return this source
     */
    public FakeMetrics otherwise(Function<String, List<Sample>> fallback) {
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        return this;
    }

    /**
     * Answers range queries of {@code promql} from a function of time; instant queries are not affected.
     *
     * @param promql the exact expression
     * @param history the value at a time (null for no point there); the integer is the point's index in the range
     * @return this source
     */
    public FakeMetrics history(String promql, BiFunction<Instant, Integer, Double> history) {
        histories.put(Objects.requireNonNull(promql, "promql"), Objects.requireNonNull(history, "history"));
        return this;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Evaluates the {@link #history} of the expression at {@code start + k·step}; an expression without one has
     * no series. The query is recorded like an instant one.
     */
    @Override
    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) {
        synchronized (queries) {
            queries.add(promql);
        }
        BiFunction<Instant, Integer, Double> history = histories.get(promql);
        if (history == null) {
            return List.of();
        }
        List<Series.Point> points = new ArrayList<>();
        int k = 0;
        for (Instant t = start; !t.isAfter(end); t = t.plus(step), k++) {
            Double value = history.apply(t, k);
            if (value != null) {
                points.add(new Series.Point(t, value));
            }
        }
        return List.of(new Series(Map.of(), points));
    }

    @Override
    public List<Sample> query(String promql) {
        synchronized (queries) {
            queries.add(promql);
        }
        List<Sample> exact = answers.get(promql);
        return exact != null ? exact : fallback.apply(promql);
    }

    /** @return every expression asked so far, in order */
    public List<String> queries() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }
}
