package dev.smo.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.spi.Sample;
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
}
