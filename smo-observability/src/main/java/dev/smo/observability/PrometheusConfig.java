package dev.smo.observability;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Prometheus answers and how long to wait for it.
 *
 * @param baseUrl Prometheus' base URL, e.g. {@code http://prometheus:9090} (a path prefix is kept)
 * @param timeout limit for one query, connection included
 */
public record PrometheusConfig(URI baseUrl, Duration timeout) {

    public PrometheusConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("Prometheus URL (" + baseUrl + ") is not http(s).");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Timeout (" + timeout + ") must be positive.");
        }
    }

    /**
     * @param baseUrl Prometheus' base URL
     * @return a config with a 5 s timeout, like the original SMO
     */
    public static PrometheusConfig of(URI baseUrl) {
        return new PrometheusConfig(baseUrl, Duration.ofSeconds(5));
    }
}
