package dev.smo.server.config;

import dev.smo.core.Provisioning;
import dev.smo.core.ScalingPolicy;
import dev.smo.core.ServiceDiscovery;
import dev.smo.karmada.HelmOptions;
import dev.smo.karmada.KarmadaConfig;
import dev.smo.karmada.RegistryOptions;
import dev.smo.karmada.artifact.ArtifactConfig;
import dev.smo.karmada.artifact.OutboundPolicy;
import dev.smo.karmada.artifact.RegistryCredentials;
import dev.smo.nfvcl.NfvclConfig;
import dev.smo.observability.GrafanaConfig;
import dev.smo.observability.PrometheusConfig;
import dev.smo.observability.PrometheusOperatorConfig;
import dev.smo.observability.PrometheusRuleFilesConfig;
import dev.smo.server.HttpSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@link ServerConfig} from environment variables: the original SMO's names plus {@code SMO_*}.
 * Every problem is collected, so one start-up reports them all.
 */
public final class EnvironmentConfig {

    private final ConfigSource source;
    private final List<String> problems = new ArrayList<>();

    private EnvironmentConfig(ConfigSource source) {
        this.source = source;
        problems.addAll(source.problems());
    }

    /**
     * @param env the environment, e.g. {@code System.getenv()}
     * @return the configuration
     * @throws ConfigException listing every variable that holds an unusable value
     */
    public static ServerConfig read(Map<String, String> env) {
        return read(env, Optional.empty());
    }

    /**
     * @param env the environment, e.g. {@code System.getenv()}
     * @param file a YAML configuration file with the same keys (the environment wins), or empty
     * @return the configuration
     * @throws ConfigException listing every problem, each naming the setting and where its value came from
     */
    public static ServerConfig read(Map<String, String> env, Optional<Path> file) {
        return new EnvironmentConfig(ConfigSource.load(env, file)).parse();
    }

    /**
     * What {@code smo config check} prints: every setting with its effective value (secrets redacted) and where it
     * came from, then every problem.
     *
     * @param env the environment
     * @param file a YAML configuration file, or empty
     * @return the report
     */
    public static ConfigReport check(Map<String, String> env, Optional<Path> file) {
        ConfigSource source = ConfigSource.load(env, file);
        List<ConfigReport.Line> lines = new ArrayList<>();
        for (Setting setting : Setting.ALL) {
            Optional<String> value = source.text(setting.name());
            String shown = value.map(v -> setting.secret() ? "***" : v).orElse(setting.defaultValue());
            if (shown != null) {
                lines.add(new ConfigReport.Line(setting.name(), shown, source.origin(setting.name())));
            }
        }
        List<String> problems = new ArrayList<>();
        try {
            new EnvironmentConfig(source).parse();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        return new ConfigReport(lines, problems);
    }

    private ServerConfig parse() {
        ServerConfig.Listen listen = new ServerConfig.Listen(
                integer("SMO_PORT", 8000, 0, 65535), text("SMO_BIND").orElse("127.0.0.1"));
        Path home = path("SMO_HOME").orElse(Path.of(System.getProperty("user.home"), ".smo"));
        Optional<ServerConfig.DatabaseSettings> database = database();
        HttpSettings http = http(listen);
        ArtifactConfig artifacts = artifacts();
        DeploymentSettings deployment = deployment(artifacts);
        ObservabilitySettings observability = observability();
        Optional<NfvclConfig> nfvcl = nfvcl();
        Duration nfvclSync = Duration.ofSeconds(integer("NFVCL_SYNC_INTERVAL_S", 10, 0, 3600));
        Provisioning.Settings provisioning = new Provisioning.Settings(
                Duration.ofSeconds(integer("SMO_PROVISION_TIMEOUT_S", 1800, 1, 86_400)),
                Duration.ofSeconds(integer("SMO_PROVISION_INTERVAL_S", 5, 1, 3600)),
                bool("SMO_PROVISION_AUTO", false));
        Optional<String> sealingKey = text("SMO_SEALING_KEY");
        Optional<Path> resourceTable = existingFile("SMO_RESOURCE_TABLE");
        ReplicaSettings replicas = replicas();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        boolean fastUnsafe = bool("SMO_EMBEDDED_FAST_UNSAFE", false);
        return new ServerConfig(
                listen,
                http,
                home,
                database,
                deployment,
                artifacts,
                observability,
                nfvcl,
                nfvclSync,
                provisioning,
                sealingKey,
                resourceTable,
                fastUnsafe,
                replicas);
    }

    private ReplicaSettings replicas() {
        String id = text("SMO_REPLICA_ID").orElseGet(EnvironmentConfig::hostAndPid);
        if (id.isBlank() || id.length() > 200) {
            problem("SMO_REPLICA_ID", "SMO_REPLICA_ID (" + id + ") must be 1 to 200 characters.");
        }
        int ttl = integer("SMO_LEADER_LEASE_TTL_S", 15, 1, 3600);
        return new ReplicaSettings(id, Duration.ofSeconds(ttl));
    }

    /** The default replica id: the host's name (a pod's name in Kubernetes) and the process id. */
    private static String hostAndPid() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "smo";
        }
        return host + "-" + ProcessHandle.current().pid();
    }

    private HttpSettings http(ServerConfig.Listen listen) {
        Optional<String> token = token("SMO_API_TOKEN");
        Optional<String> readToken = token("SMO_READ_TOKEN");
        if (readToken.isPresent() && readToken.equals(token)) {
            problems.add("SMO_READ_TOKEN equals SMO_API_TOKEN; a read token must not be able to write.");
        }
        long maxBody = integer("SMO_MAX_BODY_BYTES", 1 << 20, 1024, 64 << 20);
        Set<String> hosts = new HashSet<>(HttpSettings.LOOPBACK_HOSTS);
        String bind = listen.bindHost().toLowerCase(Locale.ROOT);
        if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
            hosts.add(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind);
        }
        Optional<Set<String>> allowedHosts = list("SMO_ALLOWED_HOSTS");
        return new HttpSettings(
                token,
                maxBody,
                readToken,
                bool("SMO_ANONYMOUS_READS", false),
                allowedHosts.orElse(hosts),
                list("SMO_ALLOWED_ORIGINS").orElse(Set.of()),
                bool("SMO_GET_ALIASES", false),
                Duration.ofMillis(integer("SMO_READ_TIMEOUT_MS", 10_000, 100, 600_000)),
                integer("SMO_MAX_ALERTS", 1000, 1, 1_000_000),
                integer("SMO_ANONYMOUS_PLANS", 2, 1, 64));
    }

    private Optional<String> token(String name) {
        Optional<String> token = text(name);
        if (token.isPresent() && token.get().length() < 16) {
            problems.add(name + " is " + token.get().length() + " characters long; use at least 16.");
        }
        return token;
    }

    /** Reads {@code a,b,c}; empty entries are dropped. */
    private Optional<Set<String>> list(String name) {
        return text(name)
                .map(v -> Arrays.stream(v.split(",", -1))
                        .map(String::strip)
                        .filter(entry -> !entry.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()));
    }

    /** Registry access, read once: the artifact fetcher uses it as is, Helm through {@link RegistryOptions#from}. */
    private ArtifactConfig artifacts() {
        ArtifactConfig config = ArtifactConfig.defaults().withPlainHttp(bool("INSECURE_REGISTRY", false));
        Optional<String> host = text("SMO_REGISTRY_HOST");
        Optional<String> user = text("SMO_REGISTRY_USERNAME");
        if (user.isPresent() && host.isEmpty()) {
            problems.add("SMO_REGISTRY_USERNAME is set but SMO_REGISTRY_HOST is not.\n"
                    + "  Maybe set SMO_REGISTRY_HOST=registry.example.com:5000, the registry the credentials are for.");
        }
        if (text("SMO_REGISTRY_PASSWORD").isPresent() && user.isEmpty()) {
            problems.add("SMO_REGISTRY_PASSWORD is set but SMO_REGISTRY_USERNAME is not.\n"
                    + "  Maybe set SMO_REGISTRY_USERNAME, the user the password belongs to.");
        }
        Set<String> allowed =
                list("SMO_REGISTRY_ALLOW").orElse(host.map(Set::of).orElse(Set.of("*")));
        config = config.withPolicy(OutboundPolicy.allow(allowed));
        if (host.isPresent() && user.isPresent()) {
            config = config.withCredentials(
                    host.get(),
                    RegistryCredentials.of(
                            user.get(), text("SMO_REGISTRY_PASSWORD").orElse("")));
        }
        return config;
    }

    private DeploymentSettings deployment(ArtifactConfig artifacts) {
        Optional<Path> karmada = existingFile("KARMADA_KUBECONFIG");
        Optional<Path> submariner = existingFile("SUBMARINER_KUBECONFIG");
        if (submariner.isPresent()
                && karmada.isEmpty()
                && text("KARMADA_KUBECONFIG").isEmpty()) {
            problems.add("SUBMARINER_KUBECONFIG is set but KARMADA_KUBECONFIG is not; Submariner is only read "
                    + "for clusters Karmada manages.\n  Maybe set KARMADA_KUBECONFIG too.");
        }
        boolean waitApplied = bool("SMO_KARMADA_WAIT_APPLIED", true);
        int helmTimeout = integer("SMO_HELM_TIMEOUT_S", 300, 1, 86_400);
        Optional<KarmadaConfig> config = karmada.map(k -> KarmadaConfig.of(k)
                .withSubmariner(submariner.orElse(null))
                .withRegistry(RegistryOptions.from(artifacts))
                .withHelm(HelmOptions.DEFAULT
                        .withTimeout(Duration.ofSeconds(helmTimeout))
                        .withWaitApplied(waitApplied)));
        int latency = integer("SMO_DRY_RUN_LATENCY_MS", 0, 0, 600_000);
        ServiceDiscovery discovery = ServiceDiscovery.KARMADA_MCS;
        Optional<String> mode = text("SMO_SERVICE_DISCOVERY");
        if (mode.isPresent()) {
            try {
                discovery = ServiceDiscovery.parse(mode.get());
            } catch (IllegalArgumentException e) {
                problem(
                        "SMO_SERVICE_DISCOVERY",
                        "SMO_SERVICE_DISCOVERY (" + mode.get() + ") is not karmada or "
                                + "lighthouse.\n  Maybe use karmada (Karmada's multi-cluster services) or lighthouse "
                                + "(Submariner).");
            }
        }
        return new DeploymentSettings(config, existingFile("SMO_CLUSTERS_FILE"), Duration.ofMillis(latency), discovery);
    }

    private ObservabilitySettings observability() {
        Optional<URI> prometheus = url("PROMETHEUS_HOST");
        boolean scaling = bool("SCALING_ENABLED", false);
        int interval = integer("SCALING_INTERVAL", 30, 1, 86_400);
        int window = integer("SCALING_STABILISATION_WINDOW", 300, 0, 86_400);
        int maxChange = integer("SCALING_MAX_CHANGE", 4, 1, 1000);
        double tolerance = fraction("SCALING_TOLERANCE", ScalingPolicy.DEFAULT_TOLERANCE);
        if (scaling && prometheus.isEmpty()) {
            problems.add("SCALING_ENABLED is true but PROMETHEUS_HOST is not set.\n"
                    + "  Maybe set PROMETHEUS_HOST=http://prometheus:9090, or SCALING_ENABLED=false.");
        }
        Optional<Path> rulesDir = path("SMO_PROMETHEUS_RULES_DIR");
        if (rulesDir.isPresent() && !rulesDir.get().toFile().isDirectory()) {
            problems.add("SMO_PROMETHEUS_RULES_DIR (" + rulesDir.get() + ") is not a directory.\n"
                    + "  Maybe point it at a directory listed in Prometheus' rule_files.");
        }
        Optional<Path> rulesKubeconfig = existingFile("SMO_PROMETHEUS_RULES_KUBECONFIG");
        if (rulesDir.isPresent() && rulesKubeconfig.isPresent()) {
            problems.add("SMO_PROMETHEUS_RULES_DIR and SMO_PROMETHEUS_RULES_KUBECONFIG are both set; choose one: "
                    + "rule files for a plain Prometheus, or PrometheusRule objects for the Prometheus Operator.");
        }
        Map<String, String> labels = labels("SMO_PROMETHEUS_RULES_LABELS");
        String namespace = text("SMO_PROMETHEUS_RULES_NAMESPACE").orElse(PrometheusOperatorConfig.DEFAULT_NAMESPACE);
        return new ObservabilitySettings(
                prometheus.map(PrometheusConfig::of),
                scaling ? Optional.of(Duration.ofSeconds(interval)) : Optional.empty(),
                new ScalingPolicy(Duration.ofSeconds(window), maxChange, tolerance),
                rulesDir.map(dir -> PrometheusRuleFilesConfig.of(dir, prometheus.orElse(null))),
                rulesKubeconfig.map(k ->
                        PrometheusOperatorConfig.of(k).withNamespace(namespace).withLabels(labels)),
                grafana());
    }

    /** The NFVCL, logging in with OAuth2 when a user and password are set (NFVCL's authentication is optional). */
    private Optional<NfvclConfig> nfvcl() {
        Optional<URI> url = url("NFVCL_BASE_URL");
        Optional<String> user = text("NFVCL_USERNAME");
        Optional<String> password = text("NFVCL_PASSWORD");
        int timeout = integer("NFVCL_TIMEOUT_S", 30, 1, 600);
        if (user.isPresent() != password.isPresent()) {
            problems.add("NFVCL_USERNAME and NFVCL_PASSWORD go together; only one is set.");
            return Optional.empty();
        }
        if (url.isEmpty()) {
            return Optional.empty();
        }
        NfvclConfig config = NfvclConfig.of(url.get()).withTimeout(Duration.ofSeconds(timeout));
        return Optional.of(user.isPresent() ? config.withLogin(user.get(), password.get()) : config);
    }

    /** Grafana needs a token or a user and password: no default credentials are ever sent. */
    private Optional<GrafanaConfig> grafana() {
        Optional<URI> url = url("GRAFANA_HOST");
        Optional<String> token = text("GRAFANA_TOKEN");
        Optional<String> user = text("GRAFANA_USERNAME");
        Optional<String> password = text("GRAFANA_PASSWORD");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (token.isPresent()) {
            if (user.isPresent() || password.isPresent()) {
                problems.add("GRAFANA_TOKEN and GRAFANA_USERNAME/GRAFANA_PASSWORD are both set; choose one.\n"
                        + "  Maybe keep only GRAFANA_TOKEN (a service-account token).");
                return Optional.empty();
            }
            return Optional.of(GrafanaConfig.token(url.get(), token.get()));
        }
        if (user.isEmpty() || password.isEmpty()) {
            problems.add("GRAFANA_HOST is set without credentials: set GRAFANA_TOKEN, or both GRAFANA_USERNAME and "
                    + "GRAFANA_PASSWORD.\n  Maybe create a Grafana service account with the Editor role and use its "
                    + "token.");
            return Optional.empty();
        }
        return Optional.of(GrafanaConfig.basic(url.get(), user.get(), password.get()));
    }

    /**
     * The database, in one precedence: {@code SMO_DATABASE_URL} (or the original's
     * {@code FLASK_SQLALCHEMY_DATABASE_URI}), then the original's {@code DB_HOST}/{@code DB_NAME}, then libpq's
     * {@code PGHOST}/{@code PGDATABASE}; none of them means the embedded database. User and password come from the
     * URL first, then {@code DB_USER}/{@code DB_PASSWORD}, then {@code PGUSER}/{@code PGPASSWORD}; {@code PGSSLMODE}
     * applies when the URL sets no {@code sslmode}. Every URL parameter is kept.
     */
    private Optional<ServerConfig.DatabaseSettings> database() {
        Optional<String> urlName = text("SMO_DATABASE_URL").isPresent()
                ? Optional.of("SMO_DATABASE_URL")
                : text("FLASK_SQLALCHEMY_DATABASE_URI").map(v -> "FLASK_SQLALCHEMY_DATABASE_URI");
        Optional<String> user = text("DB_USER").or(() -> text("PGUSER"));
        Optional<String> password = text("DB_PASSWORD").or(() -> text("PGPASSWORD"));
        Optional<DatabaseUrl> url;
        if (urlName.isPresent()) {
            String raw = text(urlName.get()).orElseThrow();
            try {
                url = Optional.of(DatabaseUrl.parse(raw));
            } catch (IllegalArgumentException e) {
                problem(urlName.get(), urlName.get() + " (" + DatabaseUrl.redact(raw) + ") " + e.getMessage());
                return Optional.empty();
            }
        } else if (text("DB_HOST").isPresent() || text("DB_NAME").isPresent()) {
            url = Optional.of(DatabaseUrl.of(
                    text("DB_HOST").orElse("localhost"),
                    integer("DB_PORT", 5432, 1, 65535),
                    text("DB_NAME").orElse("smo")));
        } else if (text("PGHOST").isPresent() || text("PGDATABASE").isPresent()) {
            url = Optional.of(DatabaseUrl.of(
                    text("PGHOST").orElse("localhost"),
                    integer("PGPORT", 5432, 1, 65535),
                    text("PGDATABASE").or(() -> text("PGUSER")).orElse("postgres")));
        } else {
            return Optional.empty();
        }
        DatabaseUrl resolved = url.get();
        Optional<String> sslmode = text("PGSSLMODE");
        if (sslmode.isPresent() && !resolved.parameters().containsKey("sslmode")) {
            resolved = resolved.with("sslmode", sslmode.get());
        }
        String sslmodeValue = resolved.parameters().get("sslmode");
        if (sslmodeValue != null && !DatabaseUrl.SSL_MODES.contains(sslmodeValue)) {
            problems.add("sslmode (" + sslmodeValue + ") is not one of " + DatabaseUrl.SSL_MODES + ".");
        }
        return Optional.of(new ServerConfig.DatabaseSettings(
                resolved.jdbcUrl(),
                resolved.user().or(() -> user).orElse(null),
                resolved.password().or(() -> password).orElse(null)));
    }

    /** Reads {@code k=v,k2=v2}. */
    private Map<String, String> labels(String name) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : text(name).map(v -> v.split(",")).orElse(new String[0])) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                problem(
                        name,
                        name + " (" + pair.trim()
                                + ") is not key=value.\n  Maybe write release=kube-prometheus-stack.");
            } else {
                out.put(kv[0].trim(), kv[1].trim());
            }
        }
        return out;
    }

    private Optional<String> text(String name) {
        return source.text(name);
    }

    /** Adds a problem about one setting, saying where its value came from unless that was the environment. */
    private void problem(String name, String message) {
        String origin = source.origin(name);
        if (origin.equals("environment") || origin.equals("default")) {
            problems.add(message);
            return;
        }
        int newline = message.indexOf('\n');
        problems.add(
                newline < 0
                        ? message + " (set in " + origin + ")"
                        : message.substring(0, newline) + " (set in " + origin + ")" + message.substring(newline));
    }

    private Optional<Path> path(String name) {
        return text(name).map(Path::of);
    }

    private Optional<Path> existingFile(String name) {
        Optional<Path> p = path(name);
        if (p.isPresent() && !p.get().toFile().isFile()) {
            problem(name, name + " (" + p.get() + ") is not a readable file.");
            return Optional.empty();
        }
        return p;
    }

    private Optional<URI> url(String name) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(v.get());
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null) {
                problem(name, name + " (" + v.get() + ") is not an http(s) URL.\n  Maybe write http://" + v.get());
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problem(name, name + " (" + v.get() + ") is not a URL: " + e.getReason() + ".");
            return Optional.empty();
        }
    }

    private boolean bool(String name, boolean fallback) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1", "on" -> true;
            case "false", "f", "no", "n", "0", "off" -> false;
            default -> {
                problem(name, name + " (" + v.get() + ") is not a boolean; use true or false.");
                yield fallback;
            }
        };
    }

    /** Reads a number in [0, 1). */
    private double fraction(String name, double fallback) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.get());
            if (!(d >= 0 && d < 1)) {
                problem(name, name + " (" + v.get() + ") is outside [0, 1).\n  Maybe use 0.1 (10 %).");
                return fallback;
            }
            return d;
        } catch (NumberFormatException e) {
            problem(name, name + " (" + v.get() + ") is not a number; use a fraction such as 0.1.");
            return fallback;
        }
    }

    private int integer(String name, int fallback, int min, int max) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                problem(name, name + " (" + n + ") is outside " + min + ".." + max + ".");
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(name, name + " (" + v.get() + ") is not a whole number.");
            return fallback;
        }
    }
}
