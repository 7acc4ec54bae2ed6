package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import dev.smo.core.Orchestrator;
import dev.smo.core.StoredGraph;
import dev.smo.core.local.InMemoryAlertRuleStore;
import dev.smo.core.spi.GraphStore;
import dev.smo.karmada.FakeKarmada;
import dev.smo.karmada.HelmOptions;
import dev.smo.karmada.Karmada;
import dev.smo.karmada.KarmadaConfig;
import dev.smo.karmada.KarmadaMockServer;
import dev.smo.karmada.RegistryOptions;
import dev.smo.karmada.RetryPolicy;
import dev.smo.karmada.artifact.ArtifactConfig;
import dev.smo.karmada.artifact.OciArtifacts;
import dev.smo.karmada.artifact.PushedArtifact;
import dev.smo.observability.PrometheusConfig;
import dev.smo.observability.PrometheusMetrics;
import dev.smo.persistence.PostgresGraphStore;
import dev.smo.persistence.PostgresSchemaExtension;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Karmada twin of {@link ServerLifecycleIT}: the server over HTTP on the real PostgreSQL, with the real
 * adapters instead of the dry run. Helm (helm-java) installs the Brussels demo charts, pulled from the real OCI
 * registry, into the fabric8 mock API server standing in for Karmada ({@code KarmadaMockServer}, with
 * {@code FakeKarmada} filling member cluster statuses and working out where each PropagationPolicy sends its
 * objects); the descriptor comes from an HDAG artifact in the same registry; the request rate that drives
 * scaling comes from the real Prometheus.
 *
 * <p>Members: {@code cloud-athens} (8 CPU, 2 GiB) holds at most two of the graph's services (memory), the two edge
 * clusters (1 CPU each) at most one, so the demo must spread, and the only placements cutting a single HDAG edge put
 * noise-reduction on cloud-athens with one neighbour. noise-reduction carries the scaling profile.
 */
@Timeout(120)
class KarmadaEndToEndIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES =
            Path.of("../smo-examples").toAbsolutePath().normalize();
    private static final String REGISTRY = "127.0.0.1:5000";
    private static final URI PROMETHEUS = URI.create("http://127.0.0.1:9090");
    private static final String PROJECT = "brussels";
    private static final String GRAPH = "image-detection-graph";
    private static final String VO = "image-compression-vo";
    private static final String NOISE = "noise-reduction";
    private static final String DETECTION = "image-detection";
    private static final List<String> SERVICES = List.of(VO, NOISE, DETECTION);

    /** noise-reduction's scaling profile: capacity = alpha·replicas + beta against a constant request rate. */
    private static final double ALPHA = 50;

    private static final double BETA = 0;
    private static final double RATE = 120;
    private static final int MIN_REPLICAS = 1;
    private static final int MAX_REPLICAS = 5;

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;
    private OciArtifacts artifacts;
    private final InMemoryAlertRuleStore rules = new InMemoryAlertRuleStore();
    private Orchestrator smo;
    private Javalin app;
    private Http http;
    private String prefix;

    @BeforeEach
    void start() throws Exception {
        requireService("OCI registry", URI.create("http://" + REGISTRY + "/v2/"));
        requireService("Prometheus", PROMETHEUS.resolve("/-/ready"));

        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        karmada.addMember(FakeKarmada.Member.ready("cloud-athens", "8", "2Gi"));
        karmada.addMember(FakeKarmada.Member.ready("edge-brussels", "1", "4Gi"));
        karmada.addMember(FakeKarmada.Member.ready("edge-leuven", "1", "4Gi"));
        karmada.joinBroker("cloud-athens", "10.10.0.0/16", "10.110.0.0/16");
        karmada.joinBroker("edge-brussels", "10.20.0.0/16", "10.120.0.0/16");
        karmada.joinBroker("edge-leuven", "10.30.0.0/16", "10.130.0.0/16");

        // What the server composes when KARMADA_KUBECONFIG, INSECURE_REGISTRY and PROMETHEUS_HOST are set; the
        // mock serves no OpenAPI schema, so Helm must not validate against it.
        KarmadaConfig config = KarmadaConfig.of(mock.kubeconfig())
                .withRegistry(RegistryOptions.DEFAULT.withPlainHttp())
                .withHelm(HelmOptions.DEFAULT
                        .withOpenApiValidation(false)
                        .withTimeout(Duration.ofSeconds(30))
                        .withRetry(new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(1))));
        Karmada connection = Karmada.connect(config, mock.apiClient(), mock.apiClient());
        artifacts = OciArtifacts.create(
                ArtifactConfig.defaults().withPlainHttpHosts(REGISTRY).withTimeout(Duration.ofSeconds(20)));
        GraphStore store = PostgresGraphStore.create(DB.dataSource());
        DB.truncate();
        smo = Orchestrator.builder()
                .store(store)
                .inventory(connection.inventory())
                .deployer(connection.deployer())
                .scaler(connection.scaler())
                .artifacts(artifacts)
                .metrics(PrometheusMetrics.create(PrometheusConfig.of(PROMETHEUS)))
                .alertRules(rules)
                .build();
        app = SmoServer.create(smo, HttpSettings.DEFAULTS).start("127.0.0.1", 0);
        http = new Http(app.port());
        prefix = "smo-e2e-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (smo != null) {
            smo.close();
        }
        if (artifacts != null) {
            artifacts.close();
        }
        if (mock != null) {
            mock.close();
        }
    }

    @Test
    void brusselsDemoFromTheRegistryThroughKarmada() throws Exception {
        String reference = publishBrusselsDemo();

        // The inventory is Karmada's: free capacity from the member statuses, CIDRs from the Submariner broker.
        Map<String, JsonNode> clusters = new LinkedHashMap<>();
        http.get("/clusters").json().forEach(c -> clusters.put(c.path("name").asText(), c));
        assertThat(clusters).containsOnlyKeys("cloud-athens", "edge-brussels", "edge-leuven");
        assertThat(clusters.get("cloud-athens").path("cpuMillis").asLong()).isEqualTo(8_000);
        assertThat(clusters.get("cloud-athens").path("memoryBytes").asLong()).isEqualTo(2L << 30);
        assertThat(clusters.get("cloud-athens").path("pod_cidr").asText()).isEqualTo("10.10.0.0/16");
        assertThat(clusters.get("edge-leuven").path("cpuMillis").asLong()).isEqualTo(1_000);

        // Deploy from the artifact: the auto-triggered services are installed, the VO waits for its alert.
        Http.Response deployed = http.waiting()
                .post(
                        "/project/" + PROJECT + "/graphs",
                        "application/json",
                        JSON.writeValueAsString(Map.of("artifact", reference)));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        JsonNode graph = http.get("/graphs/" + GRAPH).json();
        assertThat(graph.path("status").asText()).isEqualTo("Running");
        Map<String, String> placement = placement(graph);
        assertThat(placement).containsOnlyKeys(SERVICES);
        assertThat(statuses(graph))
                .containsExactlyInAnyOrderEntriesOf(Map.of(VO, "Pending", NOISE, "Deployed", DETECTION, "Deployed"));
        // The demo cannot fit on one cluster; one edge cut means noise-reduction shares cloud-athens with one
        // neighbour, and the other neighbour runs on an edge cluster.
        assertThat(placement.get(NOISE)).isEqualTo("cloud-athens");
        assertThat(new HashSet<>(placement.values())).hasSize(2);
        assertThat(List.of(placement.get(VO), placement.get(DETECTION))).containsOnlyOnce("cloud-athens");
        assertThat(rules.groups()).containsKey(PROJECT + "/smo-" + GRAPH);

        // Each installed release's objects are in the project namespace, its PropagationPolicy names the planned
        // cluster, and the workload lands there; each ServiceImport goes where the service's callers run.
        Map<String, Set<String>> landed = karmada.placements(PROJECT);
        for (String service : List.of(NOISE, DETECTION)) {
            String cluster = placement.get(service);
            assertThat(releaseObjects("apps", "v1", "deployments", service)).containsExactly(service);
            assertThat(releaseObjects("", "v1", "services", service)).containsExactly(service);
            assertThat(releaseObjects("multicluster.x-k8s.io", "v1alpha1", "serviceexports", service))
                    .containsExactly(service);
            assertThat(policyClusters(service)).containsExactly(cluster);
            assertThat(landed)
                    .containsEntry("Deployment/" + service, Set.of(cluster))
                    .containsEntry("Service/" + service, Set.of(cluster))
                    .containsEntry("ServiceExport/" + service, Set.of(cluster));
            assertThat(valuesOf(graph, service).path("clustersAffinity").get(0).asText())
                    .isEqualTo(cluster);
        }
        // VO → noise-reduction → image-detection: each is imported on its caller's cluster when that is another
        // one (Karmada's multi-cluster services, the default), as its values say; never onto its own cluster.
        int imported = 0;
        for (var call : List.of(List.of(VO, NOISE), List.of(NOISE, DETECTION))) {
            String caller = placement.get(call.get(0));
            String service = call.get(1);
            List<String> imports = new ArrayList<>();
            valuesOf(graph, service).path("serviceImportClusters").forEach(c -> imports.add(c.asText()));
            if (caller.equals(placement.get(service))) {
                assertThat(imports).as(service).isEmpty();
                assertThat(names(karmada.list("policy.karmada.io", "v1alpha1", PROJECT, "propagationpolicies")))
                        .doesNotContain(service + "-import");
                assertThat(landed).doesNotContainKey("ServiceImport/" + service);
            } else {
                assertThat(imports).as(service).containsExactly(caller);
                assertThat(policyClusters(service + "-import")).as(service).isEqualTo(imports);
                assertThat(landed).containsEntry("ServiceImport/" + service, Set.of(caller));
                imported++;
            }
        }
        // noise-reduction runs on the cloud and exactly one of its neighbours beside it: one import.
        assertThat(imported).isEqualTo(1);
        // Nothing of the pending VO exists yet.
        assertThat(names(karmada.list("apps", "v1", PROJECT, "deployments")))
                .containsExactlyInAnyOrder(NOISE, DETECTION);
        assertThat(landed).doesNotContainKeys("Deployment/" + VO, "ConfigMap/" + VO + "-config");

        // Alertmanager fires for the VO: it is installed where it was placed, following voChartOverwrite.
        JsonNode outcome =
                http.post("/alerts", "application/json", alert(GRAPH, VO)).json();
        assertThat(outcome.path("outcomes").get(0).path("action").asText())
                .as(outcome.toString())
                .isEqualTo("DEPLOYED");
        graph = http.get("/graphs/" + GRAPH).json();
        assertThat(statuses(graph)).containsEntry(VO, "Deployed");
        JsonNode voValues = valuesOf(graph, VO).path("voChartOverwrite");
        assertThat(voValues.path("clustersAffinity").get(0).asText()).isEqualTo(placement.get(VO));
        assertThat(voValues.path("serviceImportClusters").size()).isZero();
        assertThat(policyClusters(VO))
                .containsExactly(voValues.path("clustersAffinity").get(0).asText());
        landed = karmada.placements(PROJECT);
        assertThat(landed)
                .containsEntry("Deployment/" + VO, Set.of(placement.get(VO)))
                .containsEntry("ConfigMap/" + VO + "-config", Set.of(placement.get(VO)))
                .containsEntry("Service/" + VO, Set.of(placement.get(VO)))
                .doesNotContainKey("ServiceImport/" + VO);
        assertThat(releaseObjects("", "v1", "configmaps", VO)).containsExactly(VO + "-config");
        assertThat(rules.groups()).doesNotContainKey(PROJECT + "/smo-" + GRAPH);

        // One scaling round: Prometheus answers the constant request rate, the model asks for
        // max(min, ⌈(rate − β)/α⌉) replicas, and noise-reduction's Deployment is patched to that. (The scaling
        // model bounds CPU per cluster only, like the original SMO: cloud-athens has the CPU for 3 replicas.)
        int expected = Math.min(MAX_REPLICAS, Math.max(MIN_REPLICAS, (int) Math.ceil((RATE - BETA) / ALPHA)));
        assertThat(expected).isEqualTo(3);
        StoredGraph scaled = smo.scale(GRAPH);
        assertThat(scaled.services())
                .filteredOn(s -> s.name().equals(NOISE))
                .singleElement()
                .satisfies(s -> assertThat(s.replicas()).isEqualTo(expected));
        assertThat(replicas(NOISE)).isEqualTo(expected);
        assertThat(replicas(DETECTION)).isEqualTo(1);
        assertThat(replicas(VO)).isEqualTo(1);
        graph = http.get("/graphs/" + GRAPH).json();
        graph.path("services")
                .forEach(s -> assertThat(s.path("replicas").asInt())
                        .as(s.path("name").asText())
                        .isEqualTo(s.path("name").asText().equals(NOISE) ? expected : 1));
        assertThat(placement(graph)).isEqualTo(placement);

        // Removal: every release's objects are gone from the namespace, and so is the graph.
        assertThat(http.waiting().delete("/graphs/" + GRAPH).status()).isEqualTo(200);
        for (String[] kind : List.of(
                new String[] {"apps", "v1", "deployments"},
                new String[] {"", "v1", "services"},
                new String[] {"", "v1", "configmaps"},
                new String[] {"policy.karmada.io", "v1alpha1", "propagationpolicies"},
                new String[] {"multicluster.x-k8s.io", "v1alpha1", "serviceexports"},
                new String[] {"multicluster.x-k8s.io", "v1alpha1", "serviceimports"})) {
            assertThat(karmada.list(kind[0], kind[1], PROJECT, kind[2]))
                    .as(kind[2])
                    .isEmpty();
        }
        assertThat(karmada.placements(PROJECT)).isEmpty();
        assertThat(http.get("/graphs/" + GRAPH).status()).isEqualTo(404);

        // The event log tells the story.
        List<String> story = new ArrayList<>();
        List<String> scaledMessages = new ArrayList<>();
        http.get("/graphs/" + GRAPH + "/events").json().forEach(e -> {
            story.add(e.path("type").asText());
            if (e.path("type").asText().equals("SCALED")) {
                scaledMessages.add(
                        e.path("service").asText() + ": " + e.path("message").asText());
            }
        });
        assertThat(story)
                .containsSubsequence(
                        "DEPLOY_REQUESTED",
                        "PLACED",
                        "RELEASE_APPLIED",
                        "RELEASE_APPLIED",
                        "RUNNING",
                        "ALERT_RECEIVED",
                        "RELEASE_APPLIED",
                        "SCALED",
                        "REMOVE_REQUESTED",
                        "RELEASE_UNINSTALLED",
                        "RELEASE_UNINSTALLED",
                        "RELEASE_UNINSTALLED",
                        "REMOVED");
        assertThat(story).doesNotContain("RELEASE_FAILED", "UNINSTALL_FAILED", "SCALING_INFEASIBLE");
        assertThat(scaledMessages)
                .singleElement()
                .asString()
                .startsWith(NOISE + ": Replicas of " + NOISE + ": 1 → " + expected + ": ")
                .contains("(descriptor)")
                .endsWith("result " + expected + ".");
    }

    /**
     * Pushes the three example charts with helm-java and the Brussels demo descriptor, pointed at them and with a
     * scaling profile for noise-reduction, as an HDAG artifact.
     *
     * @return the artifact reference
     */
    private String publishBrusselsDemo() throws IOException {
        Path packages = Files.createDirectories(dir.resolve("packages"));
        for (String chart : SERVICES) {
            new Helm(EXAMPLES.resolve("charts").resolve(chart))
                    .packageIt()
                    .withDestination(packages)
                    .call();
            Helm.push()
                    .withChart(packages.resolve(chart + "-0.1.0.tgz"))
                    .withRemote(URI.create("oci://" + REGISTRY + "/" + prefix))
                    .plainHttp()
                    .call();
        }
        String original = Files.readString(EXAMPLES.resolve("brussels-demo/hdag.yaml"));
        String anchor = "          connectionPoints: [\"image-detection\"]\n";
        assertThat(original).contains("oci://10.0.3.53:5000/test/").containsOnlyOnce(anchor);
        String descriptor = original.replace("oci://10.0.3.53:5000/test/", "oci://" + REGISTRY + "/" + prefix + "/")
                .replace(anchor, anchor + """
                                  scaling:
                                    minReplicas: %d
                                    maxReplicas: %d
                                    alpha: %s
                                    beta: %s
                                    requestRate: 'vector(%s)'
                        """.formatted(MIN_REPLICAS, MAX_REPLICAS, ALPHA, BETA, (int) RATE));
        Path hdag = Files.createDirectories(dir.resolve("hdag"));
        Files.writeString(hdag.resolve("hdag.yaml"), descriptor);
        PushedArtifact pushed = artifacts.push(hdag, "oci://" + REGISTRY + "/" + prefix + "/" + GRAPH + ":1.0.0");
        assertThat(pushed.digest()).startsWith("sha256:");
        return "oci://" + REGISTRY + "/" + prefix + "/" + GRAPH + ":1.0.0";
    }

    private static Map<String, String> placement(JsonNode graph) {
        Map<String, String> placement = new LinkedHashMap<>();
        graph.path("placement")
                .properties()
                .forEach(e -> placement.put(e.getKey(), e.getValue().asText()));
        return placement;
    }

    private static Map<String, String> statuses(JsonNode graph) {
        Map<String, String> statuses = new LinkedHashMap<>();
        graph.path("services")
                .forEach(s ->
                        statuses.put(s.path("name").asText(), s.path("status").asText()));
        return statuses;
    }

    private static JsonNode valuesOf(JsonNode graph, String service) {
        for (JsonNode s : graph.path("services")) {
            if (s.path("name").asText().equals(service)) {
                return s.path("values_overwrite");
            }
        }
        throw new AssertionError("No service " + service + " in " + graph);
    }

    /** @return names of the objects of a kind in the project namespace that Helm created for the release */
    private Set<String> releaseObjects(String group, String version, String plural, String release) throws Exception {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> o : karmada.list(group, version, PROJECT, plural)) {
            Map<?, ?> metadata = (Map<?, ?>) o.get("metadata");
            Map<?, ?> annotations = metadata.get("annotations") instanceof Map<?, ?> a ? a : Map.of();
            if (release.equals(annotations.get("meta.helm.sh/release-name"))
                    && PROJECT.equals(annotations.get("meta.helm.sh/release-namespace"))) {
                names.add(String.valueOf(metadata.get("name")));
            }
        }
        return names;
    }

    /** @return {@code spec.placement.clusterAffinity.clusterNames} of a PropagationPolicy in the project */
    private List<String> policyClusters(String policy) throws Exception {
        for (Map<String, Object> p : karmada.list("policy.karmada.io", "v1alpha1", PROJECT, "propagationpolicies")) {
            if (policy.equals(((Map<?, ?>) p.get("metadata")).get("name"))) {
                Map<?, ?> placement = (Map<?, ?>) ((Map<?, ?>) p.get("spec")).get("placement");
                Object names = ((Map<?, ?>) placement.get("clusterAffinity")).get("clusterNames");
                return ((List<?>) names).stream().map(String::valueOf).toList();
            }
        }
        throw new AssertionError("No PropagationPolicy " + policy + " in namespace " + PROJECT);
    }

    private int replicas(String deployment) throws Exception {
        for (Map<String, Object> d : karmada.list("apps", "v1", PROJECT, "deployments")) {
            if (deployment.equals(((Map<?, ?>) d.get("metadata")).get("name"))) {
                return ((Number) ((Map<?, ?>) d.get("spec")).get("replicas")).intValue();
            }
        }
        throw new AssertionError("No Deployment " + deployment + " in namespace " + PROJECT);
    }

    private static List<String> names(List<Map<String, Object>> objects) {
        return objects.stream()
                .map(o -> String.valueOf(((Map<?, ?>) o.get("metadata")).get("name")))
                .toList();
    }

    private static String alert(String graph, String service) throws Exception {
        Map<String, Object> a = Map.of(
                "status",
                "firing",
                "labels",
                Map.of("alertname", "trigger", "graph", graph, "service", service, "severity", "critical"),
                "annotations",
                Map.of("description", "High vo-metric"),
                "startsAt",
                "2026-11-25T10:00:00Z",
                "fingerprint",
                "f" + service);
        return JSON.writeValueAsString(Map.of(
                "version",
                "4",
                "status",
                "firing",
                "receiver",
                "smo",
                "groupLabels",
                Map.of(),
                "commonLabels",
                Map.of(),
                "alerts",
                List.of(a)));
    }

    private static void requireService(String what, URI uri) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                fail(what + " at " + uri + " answered " + response.statusCode() + ".");
            }
        } catch (IOException | InterruptedException e) {
            fail("No " + what + " at " + uri + " (" + e + ").\nMaybe run scripts/services.sh start.");
        }
    }
}
