package dev.smo.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.Sample;
import dev.smo.core.spi.Series;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Against the real Prometheus on 127.0.0.1:9090 (scripts/services.sh starts it). */
class PrometheusMetricsIT {

    static final URI PROMETHEUS = URI.create(System.getProperty("smo.test.prometheus", "http://127.0.0.1:9090"));
    private final PrometheusMetrics prometheus = PrometheusMetrics.create(PrometheusConfig.of(PROMETHEUS));

    @Test
    void vectorResultsCarryTheirLabelsAndValues() {
        List<Sample> samples = prometheus.query("label_replace(vector(42.5), \"service\", \"noise\", \"\", \"\")");

        assertThat(samples).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(42.5);
            assertThat(s.labels()).containsEntry("service", "noise");
        });
    }

    @Test
    void scalarsAndSpecialValuesAreRead() {
        assertThat(prometheus.query("scalar(vector(3))"))
                .singleElement()
                .extracting(Sample::value)
                .isEqualTo(3.0);
        assertThat(prometheus.query("vector(1) / 0"))
                .singleElement()
                .extracting(Sample::value)
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(prometheus.query("vector(0) / 0"))
                .singleElement()
                .extracting(Sample::value)
                .satisfies(v -> assertThat(Double.isNaN(v)).isTrue());
    }

    @Test
    void rangeQueriesGiveOnePointPerStepOnTheStepGrid() {
        Instant end = Instant.ofEpochSecond(Instant.now().getEpochSecond() / 60 * 60);
        Instant start = end.minus(Duration.ofMinutes(10));

        List<Series> series = prometheus.queryRange(
                "label_replace(vector(2.5), \"service\", \"noise\", \"\", \"\")", start, end, Duration.ofMinutes(1));

        assertThat(series).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsEntry("service", "noise");
            assertThat(s.points()).hasSize(11);
            assertThat(s.points().get(0).at()).isEqualTo(start);
            assertThat(s.points().get(10).at()).isEqualTo(end);
            assertThat(s.points()).allSatisfy(p -> assertThat(p.value()).isEqualTo(2.5));
        });
        assertThat(prometheus.queryRange("scalar(vector(3))", start, end, Duration.ofSeconds(150)))
                .singleElement()
                .satisfies(s -> assertThat(s.points()).hasSize(5));
        assertThat(prometheus.queryRange("up{job=\"no-such-job\"}", start, end, Duration.ofMinutes(1)))
                .isEmpty();
        assertThatThrownBy(() -> prometheus.queryRange("sum(rate(x[1m]", start, end, Duration.ofMinutes(1)))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("bad_data");
        assertThatThrownBy(() -> prometheus.queryRange("vector(1)", end, start, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyVectorIsNoSamples() {
        assertThat(prometheus.query("up{job=\"no-such-job\"}")).isEmpty();
    }

    @Test
    void prometheusErrorsNameTheQuery() {
        assertThatThrownBy(() -> prometheus.query("sum(rate(x[1m]"))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("sum(rate(x[1m]")
                .hasMessageContaining("bad_data");
    }

    @Test
    void rangeVectorsAreRefusedWithAHint() {
        assertThatThrownBy(() -> prometheus.query("up[1m]"))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("matrix");
    }

    @Test
    void anUnreachablePrometheusFailsFast() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PrometheusMetrics down = PrometheusMetrics.create(
                new PrometheusConfig(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2)));

        long start = System.nanoTime();
        assertThatThrownBy(() -> down.query("vector(1)"))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("did not answer");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
}
