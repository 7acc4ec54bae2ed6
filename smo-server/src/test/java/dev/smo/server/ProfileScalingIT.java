package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.ProfileReport;
import dev.smo.core.ScalingPolicy;
import dev.smo.core.StoredGraph;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.core.spi.Sample;
import dev.smo.karmada.FakeKarmada;
import dev.smo.karmada.HelmOptions;
import dev.smo.karmada.Karmada;
import dev.smo.karmada.KarmadaConfig;
import dev.smo.karmada.KarmadaMockServer;
import dev.smo.karmada.RetryPolicy;
import dev.smo.observability.PrometheusConfig;
import dev.smo.observability.PrometheusMetrics;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profiling and scaling against a real Prometheus: a request counter and a replica gauge for one service over the
 * 2 h 20 min up to 10 minutes from now are written as OpenMetrics, turned into TSDB blocks by {@code promtool tsdb
 * create-blocks-from openmetrics}, and served by a private {@code prometheus} process on a free loopback port. The
 * profile is learned through the real query API ({@link PrometheusMetrics}), and one scaling round patches the
 * Deployment on the fabric8 Karmada mock through the real smo-karmada scaler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class ProfileScalingIT {

    private static final String PROJECT = "shop";
    private static final String SERVICE = "web";
    private static final double ALPHA = 20;
    private static final double BETA = 10;
    private static final double TARGET = 0.75;
    /** One point every 15 s; replicas step 1→2→3→4 every 35 min over 2 h 20 min. */
    private static final int STEP_SECONDS = 15;

    private static final Duration HISTORY = Duration.ofMinutes(140);
    private static final String RATE = "sum(rate(http_requests_total{service=\"web\"}[5m]))";
    private static final String REPLICAS = "sum(smo_test_replicas{service=\"web\"})";

    private static final String GRAPH = """
            hdaGraph:
              id: shop-graph
              services:
                - id: web
                  artifact: {ociImage: oci://registry/web}
                  deployment:
                    trigger: {type: standard}
                    intent:
                      compute: {cpu: 100m, ram: 64Mi}
                      scaling:
                        minReplicas: 1
                        maxReplicas: 10
                        targetUtilisation: %s
                        requestRate: '%s'
                        replicasQuery: '%s'
            """.formatted(TARGET, RATE, REPLICAS);

    @TempDir
    static Path dir;

    private Process prometheus;
    private URI uri;

    @BeforeAll
    void startPrometheus() throws Exception {
        String promtool = executable("promtool");
        String server = executable("prometheus");
        Path openMetrics = dir.resolve("series.om");
        // The series run 10 minutes past now, so that rate()[5m] at the test's instant sees a full window (a series
        // ending before now would be extrapolated over part of it only, and read low).
        Files.writeString(openMetrics, openMetrics(Instant.now().plusSeconds(600)), StandardCharsets.UTF_8);
        Path data = Files.createDirectories(dir.resolve("data"));
        run(List.of(promtool, "tsdb", "create-blocks-from", "openmetrics", openMetrics.toString(), data.toString()));
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 1h\nscrape_configs: []\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        uri = URI.create("http://127.0.0.1:" + port);
        prometheus = new ProcessBuilder(
                        server,
                        "--storage.tsdb.path=" + data,
                        "--config.file=" + config,
                        "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        awaitReady();
    }

    @AfterAll
    void stopPrometheus() throws InterruptedException {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
    }

    @Test
    void learnsTheProfileFromPrometheusAndScalesTheDeployment() throws Exception {
        PrometheusMetrics metrics = PrometheusMetrics.create(PrometheusConfig.of(uri));
        try (KarmadaMockServer mock = KarmadaMockServer.start(Files.createDirectories(dir.resolve("karmada")))) {
            FakeKarmada karmada = new FakeKarmada(mock.apiClient());
            deployment(mock, 1);
            Karmada connection = Karmada.connect(
                    KarmadaConfig.of(mock.kubeconfig()).withHelm(HelmOptions.DEFAULT.withRetry(RetryPolicy.NONE)),
                    mock.apiClient(),
                    mock.apiClient());
            try (Orchestrator smo = Orchestrator.builder()
                    .store(new InMemoryGraphStore())
                    .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("edge", 16_000, 32L << 30, 0))))
                    .scaler(connection.scaler())
                    .metrics(metrics)
                    .scalingPolicy(ScalingPolicy.IMMEDIATE)
                    .build()) {
                StoredGraph deployed = smo.deployDescriptor(PROJECT, GRAPH);
                assertThat(deployed.services())
                        .singleElement()
                        .satisfies(s -> assertThat(s.replicas()).isEqualTo(1));

                ProfileReport report = smo.learnProfile("shop-graph", SERVICE, Duration.ofHours(2));

                // 2 h at a 15 s step, both ends included; every point has both series (the history is longer).
                assertThat(report.samples()).hasSize(481);
                assertThat(report.profile().samplesTotal()).isEqualTo(481);
                assertThat(report.profile().samplesUsed()).isGreaterThan(400);
                assertThat(report.profile().alpha()).isCloseTo(ALPHA, within(ALPHA * 0.03));
                assertThat(report.profile().beta()).isCloseTo(BETA, within(3.0));
                assertThat(report.profile().rSquared()).isGreaterThan(0.95);
                assertThat(report.profile().alphaLow())
                        .isLessThanOrEqualTo(report.profile().alpha());
                assertThat(report.profile().alphaHigh())
                        .isGreaterThanOrEqualTo(report.profile().alpha());

                // The scaling round reads the instant rate (≈ 4·α + β = 90 req/s), plans at 75 % of capacity:
                // ⌈(90 / 0.75 − β) / α⌉ = ⌈5.5⌉ = 6 replicas, half a replica from either rounding edge.
                double rate =
                        metrics.query(RATE).stream().mapToDouble(Sample::value).sum();
                assertThat(rate).isCloseTo(4 * ALPHA + BETA, within(3.0));
                int expected = (int) Math.ceil((rate / TARGET - report.profile().beta())
                        / report.profile().alpha());
                assertThat(expected).isEqualTo(6);

                StoredGraph scaled = smo.scale("shop-graph");

                assertThat(scaled.services())
                        .singleElement()
                        .satisfies(s -> assertThat(s.replicas()).isEqualTo(expected));
                assertThat(replicas(karmada)).isEqualTo(expected);
                assertThat(smo.events("shop-graph"))
                        .filteredOn(e -> e.type().equals("SCALED"))
                        .singleElement()
                        .satisfies(e -> assertThat(e.message()).contains("1 → 6", "profile v1"));
            }
        }
    }

    /**
     * @param end the last sample's time
     * @return OpenMetrics text: {@code http_requests_total} growing at α·replicas + β per second (±1 % noise) and
     *     the {@code smo_test_replicas} gauge, one point every 15 s up to {@code end}
     */
    private static String openMetrics(Instant end) {
        long last = end.getEpochSecond();
        long first = last - HISTORY.toSeconds();
        long segment = HISTORY.toSeconds() / 4;
        SplittableRandom random = new SplittableRandom(15);
        StringBuilder counter = new StringBuilder();
        StringBuilder gauge = new StringBuilder();
        double total = 0;
        for (long t = first; t <= last; t += STEP_SECONDS) {
            int replicas = 1 + (int) Math.min(3, (t - first) / segment);
            double perSecond = (ALPHA * replicas + BETA) * (1 + random.nextDouble(-0.01, 0.01));
            total += perSecond * STEP_SECONDS;
            counter.append(String.format(Locale.ROOT, "http_requests_total{service=\"web\"} %.3f %d%n", total, t));
            gauge.append(String.format(Locale.ROOT, "smo_test_replicas{service=\"web\"} %d %d%n", replicas, t));
        }
        return "# TYPE http_requests counter\n" + counter + "# TYPE smo_test_replicas gauge\n" + gauge + "# EOF\n";
    }

    private void deployment(KarmadaMockServer mock, int replicas) throws Exception {
        Map<String, Object> labels = Map.of("app.kubernetes.io/instance", SERVICE, "app.kubernetes.io/name", SERVICE);
        Map<String, Object> body = Map.of(
                "apiVersion",
                "apps/v1",
                "kind",
                "Deployment",
                "metadata",
                Map.of("name", SERVICE, "namespace", PROJECT, "labels", labels),
                "spec",
                Map.of(
                        "replicas",
                        replicas,
                        "selector",
                        Map.of("matchLabels", labels),
                        "template",
                        Map.of(
                                "metadata",
                                Map.of("labels", labels),
                                "spec",
                                Map.of("containers", List.of(Map.of("name", SERVICE, "image", "example/web:1"))))));
        new CustomObjectsApi(mock.apiClient())
                .createNamespacedCustomObject("apps", "v1", PROJECT, "deployments", body)
                .execute();
    }

    private static int replicas(FakeKarmada karmada) throws Exception {
        for (Map<String, Object> d : karmada.list("apps", "v1", PROJECT, "deployments")) {
            if (SERVICE.equals(((Map<?, ?>) d.get("metadata")).get("name"))) {
                return ((Number) ((Map<?, ?>) d.get("spec")).get("replicas")).intValue();
            }
        }
        throw new AssertionError("No Deployment " + SERVICE + " in namespace " + PROJECT);
    }

    private static String executable(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator, -1)) {
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail(name + " is not on the PATH; this test needs the Prometheus binaries (" + name + ").");
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private void awaitReady() throws Exception {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!prometheus.isAlive()) {
                fail("prometheus exited with " + prometheus.exitValue() + ":\n"
                        + Files.readString(dir.resolve("prometheus.log")));
            }
            try {
                HttpResponse<Void> r = client.send(
                        HttpRequest.newBuilder(uri.resolve("/-/ready"))
                                .timeout(Duration.ofSeconds(1))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("prometheus at " + uri + " not ready in 20 s:\n" + Files.readString(dir.resolve("prometheus.log")));
    }
}
