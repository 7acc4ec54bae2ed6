package dev.smo.observability;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where a plain Prometheus reads SMO's rule files, and where it answers to reload them.
 *
 * <p>Prometheus must list the directory in its configuration ({@code rule_files: [<directory>/*.yml]}) and run
 * with {@code --web.enable-lifecycle}, so that {@code POST /-/reload} works.
 *
 * @param directory the directory of the rule files; created when missing
 * @param prometheusUrl Prometheus' base URL, e.g. {@code http://prometheus:9090} (a path prefix is kept), or
 *        {@code null} to skip the reload (when a sidecar such as a config reloader watches the directory)
 * @param timeout limit for one reload request, connection included
 */
public record PrometheusRuleFilesConfig(Path directory, URI prometheusUrl, Duration timeout) {

    /** Reload timeout when none is given: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public PrometheusRuleFilesConfig {
        Objects.requireNonNull(directory, "directory");
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (prometheusUrl != null
                && !"http".equals(prometheusUrl.getScheme())
                && !"https".equals(prometheusUrl.getScheme())) {
            throw new IllegalArgumentException("Prometheus URL (" + prometheusUrl + ") is not http(s).");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Timeout (" + timeout + ") must be positive.");
        }
    }

    /**
     * @param directory the directory Prometheus reads rule files from
     * @param prometheusUrl Prometheus' base URL, or {@code null} to skip the reload
     * @return a config with the default timeout
     */
    public static PrometheusRuleFilesConfig of(Path directory, URI prometheusUrl) {
        return new PrometheusRuleFilesConfig(directory, prometheusUrl, null);
    }

    /**
     * @param timeout limit for one reload request
     * @return a copy with this timeout
     */
    public PrometheusRuleFilesConfig withTimeout(Duration timeout) {
        return new PrometheusRuleFilesConfig(directory, prometheusUrl, timeout);
    }
}
