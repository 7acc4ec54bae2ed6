package dev.smo.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the server reads from its environment, parsed and checked once at start-up.
 *
 * @param port HTTP port ({@code SMO_PORT}, default 8000; 0 picks a free one)
 * @param bindHost address to bind ({@code SMO_BIND}, default 127.0.0.1)
 * @param home SMO's home directory ({@code SMO_HOME}, default {@code ~/.smo}); holds the embedded database
 * @param database the database to use; empty means the embedded PostgreSQL under {@code home}
 * @param apiToken bearer token required on mutating routes ({@code SMO_API_TOKEN}); empty means none
 * @param karmadaKubeconfig Karmada API server kubeconfig ({@code KARMADA_KUBECONFIG}); empty means dry run
 * @param submarinerKubeconfig Submariner broker kubeconfig ({@code SUBMARINER_KUBECONFIG}), optional
 * @param clustersFile a static clusters file ({@code SMO_CLUSTERS_FILE}) used when there is no Karmada
 * @param insecureRegistry whether registries are reached over plain HTTP ({@code INSECURE_REGISTRY})
 * @param registryHost registry the credentials are for ({@code SMO_REGISTRY_HOST}, {@code host} or
 *        {@code host:port}), required with a user name
 * @param registryUsername registry user ({@code SMO_REGISTRY_USERNAME}), optional
 * @param registryPassword registry password ({@code SMO_REGISTRY_PASSWORD}), optional
 * @param prometheusUrl Prometheus base URL ({@code PROMETHEUS_HOST}), optional
 * @param rulesDirectory directory of Prometheus rule files SMO writes ({@code SMO_PROMETHEUS_RULES_DIR}),
 *        reloaded through {@code PROMETHEUS_HOST}; optional
 * @param rulesKubeconfig cluster whose Prometheus Operator reads SMO's PrometheusRule objects
 *        ({@code SMO_PROMETHEUS_RULES_KUBECONFIG}); optional, exclusive with {@code rulesDirectory}
 * @param rulesNamespace namespace of those objects ({@code SMO_PROMETHEUS_RULES_NAMESPACE}, default monitoring)
 * @param rulesLabels labels the operator's ruleSelector needs ({@code SMO_PROMETHEUS_RULES_LABELS},
 *        {@code k=v,k2=v2})
 * @param grafanaUrl Grafana base URL ({@code GRAFANA_HOST}), optional
 * @param grafanaToken Grafana service-account token ({@code GRAFANA_TOKEN}); used instead of user and password
 * @param grafanaUsername Grafana user ({@code GRAFANA_USERNAME}, default admin)
 * @param grafanaPassword Grafana password ({@code GRAFANA_PASSWORD}, default prom-operator)
 * @param nfvclUrl NFVCL base URL ({@code NFVCL_BASE_URL}), optional
 * @param scalingEnabled whether the scaling loop runs ({@code SCALING_ENABLED}, default false)
 * @param scalingInterval the scaling loop's period ({@code SCALING_INTERVAL} in seconds, default 30)
 * @param maxBodyBytes largest accepted request body ({@code SMO_MAX_BODY_BYTES}, default 1 MiB)
 * @param resourceTable a YAML file overriding the resource level table ({@code SMO_RESOURCE_TABLE}), optional
 * @param dryRunLatency how long each dry-run Helm call pretends to take ({@code SMO_DRY_RUN_LATENCY_MS}, default 0)
 */
public record ServerConfig(
        int port,
        String bindHost,
        Path home,
        Optional<DatabaseSettings> database,
        Optional<String> apiToken,
        Optional<Path> karmadaKubeconfig,
        Optional<Path> submarinerKubeconfig,
        Optional<Path> clustersFile,
        boolean insecureRegistry,
        Optional<String> registryHost,
        Optional<String> registryUsername,
        Optional<String> registryPassword,
        Optional<URI> prometheusUrl,
        Optional<Path> rulesDirectory,
        Optional<Path> rulesKubeconfig,
        String rulesNamespace,
        java.util.Map<String, String> rulesLabels,
        Optional<URI> grafanaUrl,
        Optional<String> grafanaToken,
        String grafanaUsername,
        String grafanaPassword,
        Optional<URI> nfvclUrl,
        boolean scalingEnabled,
        Duration scalingInterval,
        long maxBodyBytes,
        Optional<Path> resourceTable,
        Duration dryRunLatency) {

    /**
     * How to reach PostgreSQL.
     *
     * @param jdbcUrl JDBC URL
     * @param user user name
     * @param password password, may be empty
     */
    public record DatabaseSettings(String jdbcUrl, String user, String password) {

        @Override
        public String toString() {
            return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=***]";
        }
    }

    /** @return a copy listening on this port */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(
                newPort,
                bindHost,
                home,
                database,
                apiToken,
                karmadaKubeconfig,
                submarinerKubeconfig,
                clustersFile,
                insecureRegistry,
                registryHost,
                registryUsername,
                registryPassword,
                prometheusUrl,
                rulesDirectory,
                rulesKubeconfig,
                rulesNamespace,
                rulesLabels,
                grafanaUrl,
                grafanaToken,
                grafanaUsername,
                grafanaPassword,
                nfvclUrl,
                scalingEnabled,
                scalingInterval,
                maxBodyBytes,
                resourceTable,
                dryRunLatency);
    }

    /** @return whether the server only listens on the loopback interface */
    public boolean loopbackOnly() {
        return bindHost.equals("127.0.0.1") || bindHost.equals("localhost") || bindHost.equals("::1");
    }

    @Override
    public String toString() {
        return "ServerConfig[port=" + port + ", bind=" + bindHost + ", home=" + home + ", database="
                + database.map(DatabaseSettings::toString).orElse("embedded") + ", apiToken="
                + (apiToken.isPresent() ? "***" : "none") + ", karmada=" + karmadaKubeconfig.orElse(null)
                + ", prometheus=" + prometheusUrl.orElse(null) + ", grafana=" + grafanaUrl.orElse(null)
                + ", nfvcl=" + nfvclUrl.orElse(null) + ", scaling=" + scalingEnabled + "/" + scalingInterval + "]";
    }
}
