package dev.smo.server.config;

import java.util.List;
import java.util.Optional;

/**
 * One configuration key: its name (an environment variable, and the same key in a configuration file), what it
 * means, its default and whether it is a secret. {@link #ALL} is the catalogue every read goes through, the source
 * of {@code smo config check} and the list the README's configuration table is checked against.
 *
 * @param name the key, e.g. {@code SMO_PORT}
 * @param meaning one line on what it sets
 * @param defaultValue the value when unset, or {@code null}
 * @param secret whether its value is never printed; a secret can also be read from the file named by
 *     {@code <name>_FILE}
 */
public record Setting(String name, String meaning, String defaultValue, boolean secret) {

    /** Every key SMO reads, in the README's order. */
    public static final List<Setting> ALL = List.of(
            plain("SMO_PORT", "HTTP port", "8000"),
            plain("SMO_BIND", "bind address; beyond loopback only with SMO_API_TOKEN", "127.0.0.1"),
            plain("SMO_HOME", "home directory (embedded database)", "~/.smo"),
            secret("SMO_DATABASE_URL", "PostgreSQL: jdbc:postgresql://… or postgresql://…, all parameters kept"),
            secret("FLASK_SQLALCHEMY_DATABASE_URI", "the original's name for SMO_DATABASE_URL"),
            plain("DB_HOST", "the original's PostgreSQL host", null),
            plain("DB_PORT", "the original's PostgreSQL port", "5432"),
            plain("DB_NAME", "the original's PostgreSQL database", null),
            plain("DB_USER", "PostgreSQL user (over PGUSER)", null),
            secret("DB_PASSWORD", "PostgreSQL password (over PGPASSWORD)"),
            plain("PGHOST", "libpq host, the last fallback", null),
            plain("PGPORT", "libpq port", null),
            plain("PGDATABASE", "libpq database", null),
            plain("PGUSER", "libpq user", null),
            secret("PGPASSWORD", "libpq password"),
            plain("PGSSLMODE", "libpq sslmode, when the URL sets none", null),
            secret("SMO_API_TOKEN", "write token: mutating routes, and reads (16 characters or more)"),
            secret("SMO_READ_TOKEN", "a read-only token"),
            plain("SMO_ANONYMOUS_READS", "let reads go without any token", "false"),
            plain("SMO_ALLOWED_HOSTS", "Host names answered (loopback and the bind address by default)", null),
            plain("SMO_ALLOWED_ORIGINS", "extra origins allowed to mutate from a browser", null),
            plain("SMO_GET_ALIASES", "serve the original's GET aliases of placement, start and stop", "false"),
            plain("SMO_READ_TIMEOUT_MS", "time to send a body, and connection idle time", "10000"),
            plain("SMO_MAX_ALERTS", "alerts per webhook call", "1000"),
            plain("SMO_ANONYMOUS_PLANS", "concurrent plans without a token", "2"),
            plain("SMO_REPLICA_ID", "this replica's id among those sharing the database", "host name-pid"),
            plain(
                    "SMO_LEADER_LEASE_TTL_S",
                    "seconds the leader's lease and each replica's heartbeat last unrenewed (renewed every third)",
                    "15"),
            plain("SMO_EMBEDDED_FAST_UNSAFE", "embedded database without fsync, for tests only", "false"),
            plain("KARMADA_KUBECONFIG", "Karmada API server kubeconfig; dry run when unset", null),
            plain("SUBMARINER_KUBECONFIG", "Submariner broker kubeconfig", null),
            plain(
                    "SMO_SERVICE_DISCOVERY",
                    "karmada (ServiceImport, clients call derived-<svc>) or lighthouse (Submariner, ServiceExport only)",
                    "karmada"),
            plain(
                    "SMO_KARMADA_WAIT_APPLIED",
                    "a service is Deployed only once Karmada scheduled and applied it (ResourceBinding FullyApplied)",
                    "true"),
            plain("SMO_HELM_TIMEOUT_S", "limit of one Helm call and of the waits for Karmada, in seconds", "300"),
            plain("SMO_CLUSTERS_FILE", "a static clusters file when there is no Karmada", null),
            plain("INSECURE_REGISTRY", "reach OCI registries over plain HTTP", "false"),
            plain("SMO_REGISTRY_HOST", "the registry the credentials are for (host[:port])", null),
            plain("SMO_REGISTRY_USERNAME", "registry user", null),
            secret("SMO_REGISTRY_PASSWORD", "registry password or token"),
            plain("SMO_REGISTRY_ALLOW", "registries artifacts may come from (default SMO_REGISTRY_HOST, else *)", null),
            plain("PROMETHEUS_HOST", "Prometheus base URL (metrics, rule reloads)", null),
            plain("SCALING_ENABLED", "run the scaling loop", "false"),
            plain("SCALING_INTERVAL", "scaling loop period in seconds", "30"),
            plain("SCALING_STABILISATION_WINDOW", "seconds a scale-down looks back for higher recommendations", "300"),
            plain("SCALING_MAX_CHANGE", "most replicas a service gains or loses per scaling round", "4"),
            plain(
                    "SCALING_TOLERANCE",
                    "relative replica change below which a scaling round changes nothing (as the HPA's tolerance)",
                    "0.1"),
            plain("SMO_PROMETHEUS_RULES_DIR", "write alerting rules as rule files there", null),
            plain("SMO_PROMETHEUS_RULES_KUBECONFIG", "or as PrometheusRule objects in this cluster", null),
            plain("SMO_PROMETHEUS_RULES_NAMESPACE", "namespace of the PrometheusRule objects", "monitoring"),
            plain("SMO_PROMETHEUS_RULES_LABELS", "labels of the PrometheusRule objects (k=v,…)", null),
            plain("GRAFANA_HOST", "Grafana base URL; dashboards in memory when unset", null),
            secret("GRAFANA_TOKEN", "Grafana service-account token"),
            plain("GRAFANA_USERNAME", "Grafana user (with GRAFANA_PASSWORD)", null),
            secret("GRAFANA_PASSWORD", "Grafana password"),
            plain("NFVCL_BASE_URL", "NFVCL base URL; the VIM and cluster routes answer 503 when unset", null),
            plain("NFVCL_USERNAME", "NFVCL user, when its OAuth2 authentication is on", null),
            secret("NFVCL_PASSWORD", "NFVCL password (with NFVCL_USERNAME)"),
            plain("NFVCL_TIMEOUT_S", "limit for one NFVCL request, in seconds", "30"),
            plain("NFVCL_SYNC_INTERVAL_S", "sync busy NFVCL clusters every N seconds; 0 turns it off", "10"),
            plain(
                    "SMO_PROVISION_TIMEOUT_S",
                    "a provisioned cluster not Ready in Karmada within N seconds is deleted",
                    "1800"),
            plain("SMO_PROVISION_INTERVAL_S", "period of the provisioning loop, in seconds", "5"),
            plain(
                    "SMO_PROVISION_AUTO",
                    "true: re-placements short of capacity provision an NFVCL cluster by themselves",
                    "false"),
            secret(
                    "SMO_SEALING_KEY",
                    "base64 AES-256 key sealing stored VIM passwords (default: SMO_HOME/sealing.key)"),
            plain("SMO_RESOURCE_TABLE", "a YAML file of resource levels over the defaults", null),
            plain("SMO_MAX_BODY_BYTES", "request size limit in bytes", "1048576"),
            plain("SMO_DRY_RUN_LATENCY_MS", "simulated Helm latency in dry-run mode", "0"));

    /**
     * @param name a key
     * @return its entry in the catalogue
     */
    public static Optional<Setting> named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static Setting plain(String name, String meaning, String defaultValue) {
        return new Setting(name, meaning, defaultValue, false);
    }

    private static Setting secret(String name, String meaning) {
        return new Setting(name, meaning, null, true);
    }
}
