package dev.smo.server.config;

import dev.smo.karmada.KarmadaConfig;
import dev.smo.karmada.RegistryOptions;
import dev.smo.karmada.artifact.ArtifactConfig;
import dev.smo.karmada.artifact.OutboundPolicy;
import dev.smo.karmada.artifact.RegistryCredentials;
import dev.smo.observability.GrafanaConfig;
import dev.smo.observability.PrometheusConfig;
import dev.smo.observability.PrometheusOperatorConfig;
import dev.smo.observability.PrometheusRuleFilesConfig;
import dev.smo.server.HttpSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    private EnvironmentConfig(Map<String, String> env) {
        this.env = env;
    }

    /**
     * @param env the environment, e.g. {@code System.getenv()}
     * @return the configuration
     * @throws ConfigException listing every variable that holds an unusable value
     */
    public static ServerConfig read(Map<String, String> env) {
        return new EnvironmentConfig(env).parse();
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
        Optional<URI> nfvcl = url("NFVCL_BASE_URL");
        Optional<Path> resourceTable = existingFile("SMO_RESOURCE_TABLE");
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        boolean fastUnsafe = bool("SMO_EMBEDDED_FAST_UNSAFE", false);
        return new ServerConfig(
                listen, http, home, database, deployment, artifacts, observability, nfvcl, resourceTable, fastUnsafe);
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
        Optional<KarmadaConfig> config = karmada.map(k -> KarmadaConfig.of(k)
                .withSubmariner(submariner.orElse(null))
                .withRegistry(RegistryOptions.from(artifacts)));
        int latency = integer("SMO_DRY_RUN_LATENCY_MS", 0, 0, 600_000);
        return new DeploymentSettings(config, existingFile("SMO_CLUSTERS_FILE"), Duration.ofMillis(latency));
    }

    private ObservabilitySettings observability() {
        Optional<URI> prometheus = url("PROMETHEUS_HOST");
        boolean scaling = bool("SCALING_ENABLED", false);
        int interval = integer("SCALING_INTERVAL", 30, 1, 86_400);
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
                rulesDir.map(dir -> PrometheusRuleFilesConfig.of(dir, prometheus.orElse(null))),
                rulesKubeconfig.map(k ->
                        PrometheusOperatorConfig.of(k).withNamespace(namespace).withLabels(labels)),
                grafana());
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

    private Optional<ServerConfig.DatabaseSettings> database() {
        Optional<String> url = text("SMO_DATABASE_URL").or(() -> text("FLASK_SQLALCHEMY_DATABASE_URI"));
        if (url.isPresent()) {
            return fromUrl(url.get());
        }
        if (text("DB_HOST").isEmpty() && text("DB_NAME").isEmpty()) {
            return Optional.empty();
        }
        String host = text("DB_HOST").orElse("localhost");
        int port = integer("DB_PORT", 5432, 1, 65535);
        String name = text("DB_NAME").orElse("smo");
        return Optional.of(new ServerConfig.DatabaseSettings(
                "jdbc:postgresql://" + host + ":" + port + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                text("DB_USER").orElse("root"),
                text("DB_PASSWORD").orElse("password")));
    }

    /** Accepts {@code jdbc:postgresql://...} and {@code postgresql://user:pass@host:port/db}. */
    private Optional<ServerConfig.DatabaseSettings> fromUrl(String raw) {
        String user = text("DB_USER").orElse("");
        String password = text("DB_PASSWORD").orElse("");
        if (raw.startsWith("jdbc:postgresql:")) {
            return Optional.of(new ServerConfig.DatabaseSettings(raw, user, password));
        }
        try {
            URI uri = new URI(raw);
            if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
                problems.add("SMO_DATABASE_URL (" + raw + ") is not a PostgreSQL URL.\n"
                        + "  Maybe use jdbc:postgresql://host:5432/smo or postgresql://user:password@host:5432/smo.");
                return Optional.empty();
            }
            if (uri.getUserInfo() != null) {
                String[] parts = uri.getUserInfo().split(":", 2);
                user = parts[0];
                password = parts.length > 1 ? parts[1] : "";
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            return Optional.of(new ServerConfig.DatabaseSettings(jdbc, user, password));
        } catch (URISyntaxException e) {
            problems.add("SMO_DATABASE_URL (" + raw + ") is not a URL: " + e.getReason() + ".");
            return Optional.empty();
        }
    }

    /** Reads {@code k=v,k2=v2}. */
    private Map<String, String> labels(String name) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String pair : text(name).map(v -> v.split(",")).orElse(new String[0])) {
            String[] kv = pair.trim().split("=", 2);
            if (kv.length != 2 || kv[0].isBlank()) {
                problems.add(name + " (" + pair.trim()
                        + ") is not key=value.\n  Maybe write release=kube-prometheus-stack.");
            } else {
                out.put(kv[0].trim(), kv[1].trim());
            }
        }
        return out;
    }

    private Optional<String> text(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    private Optional<Path> path(String name) {
        return text(name).map(Path::of);
    }

    private Optional<Path> existingFile(String name) {
        Optional<Path> p = path(name);
        if (p.isPresent() && !p.get().toFile().isFile()) {
            problems.add(name + " (" + p.get() + ") is not a readable file.");
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
                problems.add(name + " (" + v.get() + ") is not an http(s) URL.\n  Maybe write http://" + v.get());
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            problems.add(name + " (" + v.get() + ") is not a URL: " + e.getReason() + ".");
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
                problems.add(name + " (" + v.get() + ") is not a boolean; use true or false.");
                yield fallback;
            }
        };
    }

    private int integer(String name, int fallback, int min, int max) {
        Optional<String> v = text(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                problems.add(name + " (" + n + ") is outside " + min + ".." + max + ".");
                return fallback;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(name + " (" + v.get() + ") is not a whole number.");
            return fallback;
        }
    }
}
