package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.marcnuri.helm.Helm;
import dev.smo.core.Infrastructure;
import dev.smo.core.Orchestrator;
import dev.smo.core.Provisioning;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.InfrastructureStore;
import dev.smo.core.spi.Nfvcl;
import dev.smo.karmada.FakeKarmada;
import dev.smo.karmada.FakeMemberController;
import dev.smo.karmada.HelmOptions;
import dev.smo.karmada.Karmada;
import dev.smo.karmada.KarmadaConfig;
import dev.smo.karmada.KarmadaMembers;
import dev.smo.karmada.KarmadaMockServer;
import dev.smo.karmada.RegistryOptions;
import dev.smo.karmada.RetryPolicy;
import dev.smo.nfvcl.NfvclClient;
import dev.smo.nfvcl.NfvclConfig;
import dev.smo.nfvcl.NfvclStandIn;
import dev.smo.persistence.PostgresGraphStore;
import dev.smo.persistence.PostgresInfrastructureStore;
import dev.smo.persistence.PostgresSchemaExtension;
import dev.smo.persistence.SealingKey;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provisioning loop end to end, over HTTP on the real PostgreSQL: a graph loses the cluster one of its
 * services ran on and the other cannot take it; {@code POST /plan} suggests a cluster, {@code POST
 * /graphs/{name}/placement?provision=true} asks the NFVCL stand-in for it, the blueprint is built after a few polls,
 * its kubeconfig joins Karmada (the Kubernetes mock) in push mode, the test's member controller reports it Ready
 * with its capacity, and the graph is re-placed: Helm installs the service's release onto the new member. A cluster
 * Karmada never reports Ready is deleted through the NFVCL once the timeout passes, and the graph's events say why.
 */
@Timeout(60)
class ProvisioningIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static final SealingKey KEY =
            SealingKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    private static final String REGISTRY = "127.0.0.1:5000";
    private static final Path CHARTS =
            Path.of("../smo-examples/charts").toAbsolutePath().normalize();
    private static final String PROJECT = "shop";
    private static final String GRAPH = "shop-graph";

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;
    private FakeMemberController members;
    private NfvclStandIn nfvcl;
    private Orchestrator smo;
    private Infrastructure infra;
    private Provisioning provisioning;
    private Javalin app;
    private Http http;

    @BeforeEach
    void start() throws Exception {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        members = new FakeMemberController(mock.apiClient());
        karmada.addMember(FakeKarmada.Member.ready("edge-1", "1500m", "4Gi"));
        karmada.addMember(FakeKarmada.Member.ready("edge-2", "1500m", "4Gi"));
        nfvcl = new NfvclStandIn(NfvclStandIn.Release.CURRENT, 2);
        PostgresGraphStore.create(DB.dataSource()); // migrates the schema
        DB.truncate();
    }

    /** What the server composes with KARMADA_KUBECONFIG, NFVCL_BASE_URL and SMO_PROVISION_TIMEOUT_S set. */
    private void startServer(Duration timeout) {
        KarmadaConfig config = KarmadaConfig.of(mock.kubeconfig())
                .withRegistry(RegistryOptions.DEFAULT.withPlainHttp())
                .withHelm(HelmOptions.DEFAULT
                        .withOpenApiValidation(false)
                        .withTimeout(Duration.ofSeconds(30))
                        .withRetry(new RetryPolicy(2, Duration.ofMillis(200), Duration.ofSeconds(1))));
        Karmada connection = Karmada.connect(config, mock.apiClient(), null);
        GraphStore graphs = PostgresGraphStore.create(DB.dataSource());
        InfrastructureStore clusters = PostgresInfrastructureStore.create(DB.dataSource(), KEY);
        smo = Orchestrator.builder()
                .store(graphs)
                .inventory(connection.inventory())
                .deployer(connection.deployer())
                .scaler(connection.scaler())
                .build();
        infra = Infrastructure.create(
                NfvclClient.create(NfvclConfig.of(nfvcl.url()).withTimeout(Duration.ofSeconds(5))), clusters);
        provisioning = Provisioning.create(
                smo,
                graphs,
                infra,
                clusters,
                KarmadaMembers.connect(mock.apiClient(), RetryPolicy.NONE),
                new Provisioning.Settings(timeout, Duration.ofMillis(200), false));
        provisioning.start();
        app = SmoServer.create(
                        smo, Optional.of(infra), Optional.of(provisioning), HttpSettings.DEFAULTS, new InFlight())
                .start("127.0.0.1", 0);
        http = new Http(app.port());
        infra.registerVim(new Nfvcl.VimSpec(
                "Pop-Area-7",
                "https://keystone.example:5000/v3",
                "smo",
                "vim-password",
                true,
                false,
                7,
                new Nfvcl.Network("mgmt-7", "10.7.0.0/24", "10.7.0.1"),
                new Nfvcl.Network("svc-7", "10.7.1.0/24", "10.7.1.1")));
    }

    @AfterEach
    void stop() {
        if (provisioning != null) {
            provisioning.close();
        }
        if (app != null) {
            app.stop();
        }
        if (smo != null) {
            smo.close();
        }
        nfvcl.close();
        mock.close();
    }

    @Test
    void aGraphShortOfCapacityGetsAClusterThatJoinsKarmadaAndRunsTheServiceThatDidNotFit() throws Exception {
        startServer(Duration.ofSeconds(30));
        String descriptor = deployAcrossBothEdges();
        String lost = placement().get("back");
        String kept = placement().get("front");
        members.notReady(lost);

        // What-if: the graph no longer fits, and an NFVCL cluster would (pop area 7, the only VIM).
        JsonNode plan = http.post("/plan?project=" + PROJECT, "application/yaml", descriptor)
                .json();
        assertThat(plan.path("feasible").asBoolean()).as(plan.toString()).isFalse();
        JsonNode advice = plan.path("provisioning");
        assertThat(advice.path("possible").asBoolean()).as(advice.toString()).isTrue();
        assertThat(advice.path("vimName").asText()).isEqualTo("Pop-Area-7");
        assertThat(advice.path("popArea").asInt()).isEqualTo(7);
        // 2 CPU wanted, 1.5 CPU offered by the ready edge: short by one replica (1 CPU), so one worker of 2 vCPU.
        assertThat(advice.path("workers").asInt()).isEqualTo(1);
        assertThat(advice.path("workerVcpus").asInt()).isEqualTo(2);
        assertThat(advice.path("cpuMillis").asLong()).isEqualTo(1000);

        // Re-place with provisioning: 202 at once, the loop does the rest.
        Http.Response accepted = http.post("/graphs/" + GRAPH + "/placement?provision=true", null, null);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.header("Location")).contains("/graphs/" + GRAPH + "/provisions");
        JsonNode provision = http.get("/graphs/" + GRAPH + "/provisions").json().get(0);
        String smoId = provision.path("smoId").asText();
        String member = provision.path("member").asText();
        assertThat(smoId).startsWith("OS_K8S_7_");
        assertThat(member).isEqualTo(smoId.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        // The re-placement lacks 1 CPU for back alone: one worker of 2 vCPU, 4 GiB.
        JsonNode cluster = http.get("/os_k8s/cluster/" + smoId).json();
        assertThat(cluster.path("running_workers").asInt()).isEqualTo(1);
        JsonNode blueprint = nfvcl.blueprint(cluster.path("nfvcl_id").asText());
        assertThat(blueprint
                        .path("create_config")
                        .path("areas")
                        .get(0)
                        .path("worker_flavors")
                        .toString())
                .isEqualTo("{\"vcpu_count\":\"2\",\"memory_mb\":\"4096\",\"storage_gb\":\"40\"}");

        // The NFVCL builds it; SMO joins it to Karmada; the member controller reports it Ready with its capacity.
        Map<String, Object> joined = await("the Cluster " + member + " in Karmada", () -> {
            try {
                return members.cluster(member);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) joined.get("spec");
        assertThat(spec)
                .containsEntry("syncMode", "Push")
                .containsEntry("apiEndpoint", "https://10.0.0.10:6443")
                .containsEntry("insecureSkipTLSVerification", true);
        assertThat(blueprint.path("status").path("current_operation").asText()).isEqualTo("idle");
        members.ready(member, "1900m", "3Gi");

        // Re-placed: back runs on the new member, its release's PropagationPolicy sends it there.
        await("back on " + member, () -> member.equals(placement().get("back")) ? true : null);
        JsonNode settled = http.awaitSettled(GRAPH).json();
        assertThat(settled.path("status").asText()).isEqualTo("Running");
        assertThat(placement()).containsEntry("front", kept).containsEntry("back", member);
        assertThat(karmada.placements(PROJECT))
                .containsEntry("Deployment/back", java.util.Set.of(member))
                .containsEntry("Deployment/front", java.util.Set.of(kept));
        assertThat(http.get("/os_k8s/cluster/" + smoId).json().path("status").asText())
                .isEqualTo("joined");
        assertThat(await("provisioning done", () -> {
                            JsonNode p = http.get("/graphs/" + GRAPH + "/provisions")
                                    .json()
                                    .get(0);
                            return p.path("state").asText().equals("DONE") ? p : null;
                        })
                        .path("detail")
                        .asText())
                .isEqualTo("Re-placed.");
        List<String> types = eventTypes();
        assertThat(types)
                .containsSubsequence(
                        "PROVISIONING_REQUESTED", "CLUSTER_READY", "CLUSTER_JOINED", "REPLACE_REQUESTED", "PLACED");
        assertThat(types).doesNotContain("PROVISIONING_FAILED");
        assertThat(http.get("/graphs/" + GRAPH + "/events").body()).doesNotContain("token-", "vim-password");
    }

    @Test
    void aClusterKarmadaNeverReportsReadyIsDeletedAfterTheTimeoutAndTheGraphSaysWhy() throws Exception {
        startServer(Duration.ofSeconds(4));
        deployAcrossBothEdges();
        members.notReady(placement().get("back"));

        // The CLI asks for it and follows the provisioning's events until it ends.
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        java.util.concurrent.CompletableFuture<Integer> cli =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> dev.smo.server.cli.SmoCommand.commandLine(
                                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))
                        .execute("place", GRAPH, "--provision", "--server", "http://127.0.0.1:" + app.port()));
        String smoId = await("a provisioning", () -> {
                    JsonNode all = http.get("/graphs/" + GRAPH + "/provisions").json();
                    return all.isEmpty() ? null : all.get(0);
                })
                .path("smoId")
                .asText();
        String member = smoId.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        await("the Cluster " + member + " in Karmada", () -> {
            try {
                return members.cluster(member);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        members.notReady(member);

        JsonNode failed = await("the provisioning failed", () -> {
            JsonNode p = http.get("/graphs/" + GRAPH + "/provisions").json().get(0);
            return p.path("state").asText().equals("FAILED") ? p : null;
        });
        assertThat(failed.path("detail").asText()).contains("not ready in Karmada within 4 s", "ClusterNotReachable");
        JsonNode event = lastEvent("PROVISIONING_FAILED");
        assertThat(event.path("message").asText()).contains(smoId, "ClusterNotReachable", "deleted through the NFVCL");
        assertThat(members.cluster(member)).as("left Karmada").isNull();
        assertThat(nfvcl.requests()).anyMatch(r -> r.startsWith("DELETE /nfvcl/v2/api/blue/"));
        assertThat(http.get("/os_k8s/cluster/" + smoId).json().path("status").asText())
                .isIn("deleting", null, "");
        assertThat(http.get("/graphs/" + GRAPH)
                        .json()
                        .path("placement")
                        .path("back")
                        .asText())
                .as("the graph stays where it was")
                .isNotEqualTo(member);
        assertThat(cli.get(30, java.util.concurrent.TimeUnit.SECONDS))
                .as(err.toString())
                .isEqualTo(3);
        assertThat(err.toString())
                .contains("PROVISIONING_REQUESTED: Cluster (" + smoId, "CLUSTER_READY: ", "PROVISIONING_FAILED: ");
        assertThat(out.toString()).contains("Provisioning failed: Cluster (" + smoId + ") was not ready in Karmada");
    }

    /** Deploys two services of 1 CPU each: one per edge cluster (1.5 CPU each). */
    private String deployAcrossBothEdges() throws Exception {
        String prefix =
                "smo-prov-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path packages = Files.createDirectories(dir.resolve("packages"));
        new Helm(CHARTS.resolve("noise-reduction"))
                .packageIt()
                .withDestination(packages)
                .call();
        Helm.push()
                .withChart(packages.resolve("noise-reduction-0.1.0.tgz"))
                .withRemote(URI.create("oci://" + REGISTRY + "/" + prefix))
                .plainHttp()
                .call();
        String chart = "oci://" + REGISTRY + "/" + prefix + "/noise-reduction";
        String descriptor = """
                hdaGraph:
                  id: %s
                  services:
                    - id: front
                      artifact: {ociImage: "%s", ociConfig: {implementer: Helm, type: Application}}
                      deployment:
                        intent: {compute: {cpu: small, ram: small, storage: none, gpu: {enabled: 'False'}}}
                        trigger: {type: standard}
                    - id: back
                      artifact: {ociImage: "%s", ociConfig: {implementer: Helm, type: Application}}
                      deployment:
                        intent: {compute: {cpu: small, ram: small, storage: none, gpu: {enabled: 'False'}}}
                        trigger: {type: standard}
                """.formatted(GRAPH, chart, chart);
        Http.Response deployed = http.waiting().post("/project/" + PROJECT + "/graphs", "application/yaml", descriptor);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(201);
        assertThat(placement().values()).containsExactlyInAnyOrder("edge-1", "edge-2");
        // What Karmada's status controller then reports: each member's pods hold 1 CPU and 1 GiB.
        members.ready("edge-1", "1500m", "4Gi", "1", "1Gi");
        members.ready("edge-2", "1500m", "4Gi", "1", "1Gi");
        return descriptor;
    }

    private Map<String, String> placement() {
        Map<String, String> placement = new java.util.LinkedHashMap<>();
        http.get("/graphs/" + GRAPH)
                .json()
                .path("placement")
                .properties()
                .forEach(e -> placement.put(e.getKey(), e.getValue().asText()));
        return placement;
    }

    private List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        http.get("/graphs/" + GRAPH + "/events")
                .json()
                .forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    private JsonNode lastEvent(String type) {
        JsonNode found = null;
        for (JsonNode e : http.get("/graphs/" + GRAPH + "/events").json()) {
            if (e.path("type").asText().equals(type)) {
                found = e;
            }
        }
        assertThat(found).as(type + " in " + eventTypes()).isNotNull();
        return found;
    }

    private static <T> T await(String what, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Timed out waiting for " + what);
    }
}
