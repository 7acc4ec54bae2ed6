package dev.smo.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.Sample;
import dev.smo.core.spi.Series;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MetricsSource} over Prometheus' HTTP API ({@code GET /api/v1/query} and {@code /api/v1/query_range}):
 * vector, matrix and scalar results become samples and series; Prometheus' own errors, HTTP failures and timeouts become {@link SmoIntegrationException}s naming the
 * query.
 */
public final class PrometheusMetrics implements MetricsSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrometheusConfig config;
    private final HttpClient http;

    private PrometheusMetrics(PrometheusConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
    }

    /**
     * @param config where Prometheus answers
     * @return a metrics source with its own HTTP client
     */
    public static PrometheusMetrics create(PrometheusConfig config) {
        return create(
                config, HttpClient.newBuilder().connectTimeout(config.timeout()).build());
    }

    /**
     * @param config where Prometheus answers
     * @param http the HTTP client to use (proxies, TLS, authentication)
     * @return a metrics source
     */
    public static PrometheusMetrics create(PrometheusConfig config, HttpClient http) {
        return new PrometheusMetrics(config, http);
    }

    @Override
    public List<Sample> query(String promql) {
        JsonNode body = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8), promql);
        return samples(body.path("data"), promql);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses {@code GET /api/v1/query_range}; a matrix becomes one series per label set, a scalar one series
     * without labels. Prometheus refuses more than 11,000 points per series: choose the step accordingly.
     */
    @Override
    public List<Series> queryRange(String promql, Instant start, Instant end, Duration step) {
        if (end.isBefore(start) || step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("Range query (" + promql + ") needs start <= end and a positive step: "
                    + start + ", " + end + ", " + step + ".");
        }
        JsonNode body = get(
                "/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start="
                        + seconds(start) + "&end=" + seconds(end) + "&step=" + seconds(step),
                promql);
        JsonNode data = body.path("data");
        String type = data.path("resultType").asText();
        List<Series> out = new ArrayList<>();
        switch (type) {
            case "matrix" ->
                data.path("result")
                        .forEach(r -> out.add(new Series(labels(r.path("metric")), points(r.path("values")))));
            case "scalar" -> out.add(new Series(Map.of(), points(data.path("result"))));
            default ->
                throw new SmoIntegrationException("Range query (" + promql + ") gives a " + type
                        + "; SMO needs an instant vector or a scalar.\nMaybe wrap it in sum(...) or drop the range.");
        }
        return out;
    }

    private static List<Series.Point> points(JsonNode values) {
        List<Series.Point> points = new ArrayList<>();
        values.forEach(pair -> points.add(new Series.Point(instant(pair.path(0)), value(pair))));
        return points;
    }

    private static Instant instant(JsonNode seconds) {
        BigDecimal value = seconds.decimalValue();
        long whole = value.longValue();
        int nanos = value.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static String seconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds())
                .add(BigDecimal.valueOf(duration.getNano(), 9))
                .stripTrailingZeros()
                .toPlainString();
    }

    private JsonNode get(String pathAndQuery, String promql) {
        String base = config.baseUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + pathAndQuery);
        HttpResponse<String> response;
        try {
            response = http.send(
                    HttpRequest.newBuilder(uri).timeout(config.timeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmoIntegrationException(
                    "Prometheus (" + base + ") did not answer query (" + promql + "): " + e
                            + ".\nMaybe check PROMETHEUS_HOST.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmoIntegrationException("Interrupted while querying Prometheus (" + promql + ").", e);
        }
        JsonNode body = parse(response, promql);
        if (!"success".equals(body.path("status").asText())) {
            throw new SmoIntegrationException("Prometheus refused query (" + promql + "): "
                    + body.path("errorType").asText("error") + ": "
                    + body.path("error").asText("HTTP " + response.statusCode()) + ".");
        }
        return body;
    }

    private static JsonNode parse(HttpResponse<String> response, String promql) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new SmoIntegrationException(
                    "Prometheus answered query (" + promql + ") with HTTP " + response.statusCode() + " and no JSON: "
                            + abbreviate(response.body()) + ".",
                    e);
        }
    }

    private static List<Sample> samples(JsonNode data, String promql) {
        String type = data.path("resultType").asText();
        JsonNode result = data.path("result");
        List<Sample> out = new ArrayList<>();
        switch (type) {
            case "vector" -> result.forEach(r -> out.add(new Sample(labels(r.path("metric")), value(r.path("value")))));
            case "scalar" -> out.add(new Sample(Map.of(), value(result)));
            default ->
                throw new SmoIntegrationException("Query (" + promql + ") gives a " + type
                        + "; SMO needs an instant vector or a scalar.\nMaybe wrap it in sum(...) or drop the range.");
        }
        return out;
    }

    private static Map<String, String> labels(JsonNode metric) {
        Map<String, String> labels = new LinkedHashMap<>();
        metric.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** Prometheus writes a value as {@code [timestamp, "text"]}, the text possibly NaN or ±Inf. */
    private static double value(JsonNode pair) {
        String text = pair.path(1).asText("NaN");
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
