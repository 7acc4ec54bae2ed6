package dev.smo.observability;

import dev.smo.core.spi.DashboardPublisher;
import dev.smo.observability.internal.DefaultGrafanaDashboards;
import java.net.http.HttpClient;

/**
 * A {@link DashboardPublisher} over Grafana's HTTP API.
 *
 * <p>{@code publish} sends {@code POST /api/dashboards/db} with {@code {"dashboard": <model with uid, title and
 * id null>, "overwrite": true, "folderUid": <if configured>}} and returns Grafana's base URL joined with the
 * {@code url} of its answer. {@code delete} sends {@code DELETE /api/dashboards/uid/<uid>}; a missing dashboard is
 * fine. Other answers become {@link dev.smo.core.SmoIntegrationException}s with Grafana's {@code message}.
 */
public final class GrafanaDashboards {

    private GrafanaDashboards() {}

    /**
     * @param config where Grafana answers and the credentials
     * @return a publisher with its own HTTP client
     */
    public static DashboardPublisher create(GrafanaConfig config) {
        return create(
                config, HttpClient.newBuilder().connectTimeout(config.timeout()).build());
    }

    /**
     * @param config where Grafana answers and the credentials
     * @param http the HTTP client to use (proxies, TLS)
     * @return a publisher
     */
    public static DashboardPublisher create(GrafanaConfig config, HttpClient http) {
        return new DefaultGrafanaDashboards(config, http);
    }
}
