package dev.smo.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.spi.Sample;
import dev.smo.core.spi.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeMetricsTest {

    @Test
    void answersExactExpressionsThenTheFallbackAndRecordsEveryQuery() {
        FakeMetrics metrics = new FakeMetrics()
                .answer("rate(requests[1m])", 12.5)
                .otherwise(q -> List.of(new Sample(Map.of("q", q), 0)));

        assertThat(metrics.query("rate(requests[1m])")).containsExactly(new Sample(Map.of(), 12.5));
        assertThat(metrics.query("up")).containsExactly(new Sample(Map.of("q", "up"), 0));
        assertThat(metrics.queries()).containsExactly("rate(requests[1m])", "up");
    }

    @Test
    void answersNothingByDefault() {
        assertThat(new FakeMetrics().query("up")).isEmpty();
    }

    @Test
    void answersRangeQueriesFromTheHistoryAtEveryStep() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        FakeMetrics metrics = new FakeMetrics().history("replicas", (t, k) -> k == 2 ? null : 1.0 + k);

        List<Series> series = metrics.queryRange("replicas", start, start.plusSeconds(60), Duration.ofSeconds(15));

        // 5 instants (both ends included), the one the history leaves out has no point.
        assertThat(series)
                .singleElement()
                .satisfies(s -> assertThat(s.points())
                        .containsExactly(
                                new Series.Point(start, 1),
                                new Series.Point(start.plusSeconds(15), 2),
                                new Series.Point(start.plusSeconds(45), 4),
                                new Series.Point(start.plusSeconds(60), 5)));
        assertThat(metrics.queryRange("other", start, start.plusSeconds(60), Duration.ofSeconds(15)))
                .isEmpty();
        assertThat(metrics.queries()).containsExactly("replicas", "other");
    }
}
