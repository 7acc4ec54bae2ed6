package dev.smo.observability;

import dev.smo.core.spi.AlertRuleStore;
import dev.smo.observability.internal.DefaultPrometheusRuleFiles;
import java.net.http.HttpClient;
import java.nio.file.Path;

/**
 * An {@link AlertRuleStore} for a plain Prometheus: each group is one rule file
 * {@code <directory>/<namespace>--<group>.yml} in Prometheus' standard format, written atomically (a temporary
 * file renamed over the old one) and followed by {@code POST <prometheus>/-/reload}.
 *
 * <p>An empty rule list deletes the file. When Prometheus refuses the reload (an invalid expression, say), the
 * previous file is put back, so one bad rule cannot block the reloads of every other group, and the call throws
 * {@link dev.smo.core.SmoIntegrationException} with Prometheus' message. When Prometheus cannot be reached, the
 * file stays written (Prometheus loads it at its next reload or restart) and the call throws.
 *
 * <p>Namespaces must be DNS-1123 labels without {@code --}; groups are letters, digits, {@code -}, {@code _} and
 * {@code .}; neither can name a file outside the directory.
 */
public interface PrometheusRuleFiles extends AlertRuleStore {

    /**
     * @param namespace the graph's namespace
     * @param group the group name
     * @return the file that holds the group (whether or not it exists)
     * @throws IllegalArgumentException when the namespace or the group is not a valid name
     */
    Path file(String namespace, String group);

    /**
     * @param config where the files go and where Prometheus answers
     * @return a rule store with its own HTTP client
     */
    static PrometheusRuleFiles create(PrometheusRuleFilesConfig config) {
        return create(
                config, HttpClient.newBuilder().connectTimeout(config.timeout()).build());
    }

    /**
     * @param config where the files go and where Prometheus answers
     * @param http the HTTP client for the reload (proxies, TLS, authentication)
     * @return a rule store
     */
    static PrometheusRuleFiles create(PrometheusRuleFilesConfig config, HttpClient http) {
        return new DefaultPrometheusRuleFiles(config, http);
    }
}
