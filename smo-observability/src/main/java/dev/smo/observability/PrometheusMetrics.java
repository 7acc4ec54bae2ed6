package dev.smo.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.Sample;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MetricsSource} over Prometheus' HTTP API ({@code GET /api/v1/query}): vector and scalar results become
 * samples; Prometheus' own errors, HTTP failures and timeouts become {@link SmoIntegrationException}s naming the
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
        String base = config.baseUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
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
        return samples(body.path("data"), promql);
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
