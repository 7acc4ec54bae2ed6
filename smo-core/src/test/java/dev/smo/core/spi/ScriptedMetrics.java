package dev.smo.core.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link MetricsSource} for the core's tests: instant queries answer {@code instant(promql)}, range queries
 * evaluate {@code at(promql, t)} at every step, as Prometheus does.
 */
public final class ScriptedMetrics implements MetricsSource {

    private final Function<String, Double> instant;
    private final BiFunction<String, Instant, Double> at;

    /**
     * @param instant the value of an instant query, null for no sample
     * @param at the value of a query at a time, null for no point
     */
    public ScriptedMetrics(Function<String, Double> instant, BiFunction<String, Instant, Double> at) {
        this.instant = instant;
        this.at = at;
    }

    /**
     * @param instant the value of an instant query, null for no sample
     * @return a source without history
     */
    public static ScriptedMetrics instant(Function<String, Double> instant) {
        return new ScriptedMetrics(instant, (q, t) -> null);
    }

    @Override
    public List<Sample> query(String promql) {
        Double value = instant.apply(promql);
        return value == null ? List.of() : List.of(new Sample(Map.of(), value));
    }

    @Override
    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) {
        List<Series.Point> points = new ArrayList<>();
        for (Instant t = start; !t.isAfter(end); t = t.plus(step)) {
            Double value = at.apply(promql, t);
            if (value != null) {
                points.add(new Series.Point(t, value));
            }
        }
        return points.isEmpty() ? List.of() : List.of(new Series(Map.of(), points));
    }
}
