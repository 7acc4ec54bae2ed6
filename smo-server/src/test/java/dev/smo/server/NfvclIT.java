package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smo.core.Infrastructure;
import dev.smo.core.NfvclCluster;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.core.spi.Nfvcl;
import dev.smo.nfvcl.NfvclClient;
import dev.smo.nfvcl.NfvclConfig;
import dev.smo.nfvcl.NfvclStandIn;
import dev.smo.persistence.PostgresInfrastructureStore;
import dev.smo.persistence.PostgresSchemaExtension;
import dev.smo.persistence.SealingKey;
import dev.smo.server.http.NfvclHandlers;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NFVCL routes over HTTP, on the real PostgreSQL, against the NFVCL stand-in (real HTTP, blueprints that turn
 * idle after two polls of the blueprint list): VIMs registered, synced, filtered and deleted; a cluster created,
 * followed to ready, scaled out and deleted; a restart of SMO and of the NFVCL mid-creation; bad requests.
 */
class NfvclIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    private static final String PASSWORD = "hunter2-Secret";
    private static final SealingKey KEY =
            SealingKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    private static final String JSON_TYPE = "application/json";

    private final List<String> answers = new ArrayList<>();
    private NfvclStandIn nfvcl;
    private Orchestrator smo;
    private Javalin app;
    private Http http;
    private Infrastructure infra;

    @BeforeEach
    void start() throws Exception {
        nfvcl = new NfvclStandIn(NfvclStandIn.Release.CURRENT, 2);
        PostgresInfrastructureStore.create(DB.dataSource(), KEY);
        DB.truncate();
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of()))
                .deployer(new DryRunDeployer())
                .build();
        startServer(Optional.of(nfvcl.url()));
    }

    /** Starts SMO (a new one after a restart) on the same database; no URL means no NFVCL configured. */
    private void startServer(Optional<URI> nfvclUrl) {
        startServer(nfvclUrl, HttpSettings.DEFAULTS);
    }

    private void startServer(Optional<URI> nfvclUrl, HttpSettings settings) {
        infra = nfvclUrl.map(url -> Infrastructure.create(
                        NfvclClient.create(NfvclConfig.of(url).withTimeout(Duration.ofSeconds(2))),
                        PostgresInfrastructureStore.create(DB.dataSource(), KEY)))
                .orElse(null);
        app = SmoServer.create(smo, Optional.ofNullable(infra), settings, new InFlight())
                .start("127.0.0.1", 0);
        http = new Http(app.port());
    }

    @AfterEach
    void stop() {
        app.stop();
        smo.close();
        nfvcl.close();
        assertThat(answers).as("no answer shows a VIM password").noneMatch(a -> a.contains(PASSWORD));
    }

    private Http.Response call(Http.Response r) {
        answers.add(r.body());
        return r;
    }

    private Http.Response post(String path, String body) {
        return call(http.post(path, body == null ? null : JSON_TYPE, body));
    }

    private Http.Response get(String path) {
        return call(http.get(path));
    }

    private static String vimBody(String name, int area) {
        return """
                {"topology": "topology", "pop_area": %d, "vim_name": "%s", "vim_tenant_name": "admin",
                 "vim_user": "smo", "vim_password": "%s", "vim_url": "https://keystone.example:5000/v3",
                 "mgmt_network": {"name": "mgmt-%d", "cidr": "10.%d.0.0/24", "gateway": "10.%d.0.1"},
                 "service_network": {"name": "svc-%d", "cidr": "10.%d.1.0/24", "gateway": "10.%d.1.1"},
                 "use_floating_ip": false}""".formatted(area, name, PASSWORD, area, area, area, area, area, area);
    }

    /** Syncs until the cluster leaves DEPLOYING; returns how many syncs it took. */
    private int syncUntilSettled(String smoId) {
        for (int i = 1; i <= 10; i++) {
            Http.Response r = post("/os_k8s/sync/nfvcl_k8s", null);
            assertThat(r.status()).isEqualTo(200);
            String status =
                    get("/os_k8s/cluster/" + smoId).json().path("status").asText();
            if (!status.equals("deploying") && !status.equals("requested")) {
                return i;
            }
        }
        throw new AssertionError("Cluster " + smoId + " never settled");
    }

    @Test
    void vimAndClusterLifecycle() throws Exception {
        Http.Response registered = post("/vims/smo_vims", vimBody("Pop-Area-1", 1));
        assertThat(registered.status()).isEqualTo(201);
        JsonNode vim = registered.json();
        assertThat(vim.path("nfvcl_name").asText()).isEqualTo("pop_area_1");
        assertThat(vim.has("vim_password")).isFalse();
        assertThat(registered.header("Location"))
                .contains("/vims/smo_vims/" + vim.path("id").asLong());
        assertThat(nfvcl.requests()).contains("POST /v1/topology", "POST /v1/topology/vim");

        // A VIM someone else registered in the NFVCL is imported by the sync.
        NfvclClient.create(NfvclConfig.of(nfvcl.url()))
                .registerVim(new Nfvcl.VimSpec(
                        "Other-Vim",
                        "https://other:5000/v3",
                        "u",
                        "p",
                        true,
                        true,
                        2,
                        new Nfvcl.Network("m2", "10.9.0.0/24", "10.9.0.1"),
                        new Nfvcl.Network("s2", "10.9.1.0/24", "10.9.1.1")));
        Http.Response synced = call(http.get("/vims/sync/nfvcl_vims"));
        assertThat(synced.status()).isEqualTo(200);
        assertThat(synced.json().path("added")).singleElement().satisfies(v -> {
            assertThat(v.path("vim_name").asText()).isEqualTo("other_vim");
            assertThat(v.path("pop_area").asInt()).isEqualTo(2);
            assertThat(v.path("use_floating_ip").asBoolean()).isTrue();
        });
        assertThat(synced.json().path("vims")).hasSize(2);
        assertThat(get("/vims/smo_vims?pop_area=1").json())
                .singleElement()
                .satisfies(v -> assertThat(v.path("vim_name").asText()).isEqualTo("Pop-Area-1"));
        assertThat(get("/vims/smo_vims?pop_area=2").json())
                .singleElement()
                .satisfies(v -> assertThat(v.path("vim_name").asText()).isEqualTo("other_vim"));
        assertThat(get("/vims/smo_vims?pop_area=3").json()).isEmpty();
        assertThat(get("/vims/smo_vims").json()).hasSize(2);

        Http.Response created = post("/os_k8s/clusters", """
                {"pop_area": 1, "vim_name": "Pop-Area-1", "workers": 1,
                 "master_flavor": {"vcpu_count": 4, "memory_mb": 8192, "storage_gb": 40}}""");
        assertThat(created.status()).isEqualTo(202);
        JsonNode cluster = created.json();
        String smoId = cluster.path("smo_id").asText();
        assertThat(smoId).matches("OS_K8S_1_[A-Za-z]{5}");
        assertThat(cluster.path("status").asText()).isEqualTo("deploying");
        assertThat(cluster.path("nfvcl_id").asText()).matches("[A-Z0-9]{6}");
        assertThat(cluster.path("task_id").asText()).startsWith("task-");
        assertThat(created.header("Location")).contains("/os_k8s/cluster/" + smoId);
        String blueprint = cluster.path("nfvcl_id").asText();
        assertThat(nfvcl.blueprint(blueprint)
                        .path("create_config")
                        .path("master_flavors")
                        .path("memory_mb")
                        .asText())
                .isEqualTo("8192");

        assertThat(syncUntilSettled(smoId))
                .as("the stand-in is idle after two polls")
                .isEqualTo(2);
        JsonNode ready = get("/os_k8s/cluster/" + smoId).json();
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("running_workers").asInt()).isEqualTo(1);
        assertThat(ready.path("task_id").isNull()).isTrue();

        Http.Response scaled = post("/os_k8s/scale-out/" + smoId, "{\"workers\": 2}");
        assertThat(scaled.status()).isEqualTo(202);
        assertThat(scaled.json().path("status").asText()).isEqualTo("deploying");
        Http.Response busy = post("/os_k8s/scale-out/" + smoId, null);
        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.json().path("errors").get(0).path("path").asText()).isEqualTo("/status");
        syncUntilSettled(smoId);
        JsonNode bigger = get("/os_k8s/cluster/" + smoId).json();
        assertThat(bigger.path("status").asText()).isEqualTo("ready");
        assertThat(bigger.path("running_workers").asInt()).isEqualTo(3);
        assertThat(get("/os_k8s/clusters?pop_area=1").json()).hasSize(1);
        assertThat(get("/os_k8s/clusters?pop_area=2").json()).isEmpty();

        Http.Response vimInUse =
                call(http.delete("/vims/smo_vims/" + vim.path("id").asLong()));
        assertThat(vimInUse.status()).isEqualTo(409);

        Http.Response deleting = call(http.delete("/os_k8s/cluster/" + smoId));
        assertThat(deleting.status()).isEqualTo(202);
        assertThat(deleting.json().path("status").asText()).isEqualTo("deleting");
        Http.Response gone = post("/os_k8s/sync/nfvcl_k8s?pop_area=1", null);
        assertThat(gone.json().path("removed"))
                .singleElement()
                .satisfies(c -> assertThat(c.path("smo_id").asText()).isEqualTo(smoId));
        assertThat(get("/os_k8s/cluster/" + smoId).status()).isEqualTo(404);
        assertThat(nfvcl.blueprint(blueprint)).isNull();

        Http.Response vimDeleted =
                call(http.delete("/vims/smo_vims/" + vim.path("id").asLong()));
        assertThat(vimDeleted.status()).isEqualTo(200);
        assertThat(get("/vims/smo_vims/" + vim.path("id").asLong()).status()).isEqualTo(404);
        assertThat(nfvcl.requests()).contains("DELETE /v1/topology/vim/pop_area_1");
    }

    @Test
    void restartOfSmoAndOfTheNfvclMidCreationConverges() throws Exception {
        assertThat(post("/vims/smo_vims", vimBody("Pop-Area-1", 1)).status()).isEqualTo(201);
        String deploying = post("/os_k8s/clusters", "{\"pop_area\": 1, \"vim_name\": \"Pop-Area-1\"}")
                .json()
                .path("smo_id")
                .asText();
        // SMO stopped after storing a request and before posting it: the row is REQUESTED, with no blueprint.
        PostgresInfrastructureStore.create(DB.dataSource(), KEY)
                .insertCluster(new NfvclCluster(
                        "OS_K8S_1_crash",
                        Optional.empty(),
                        1,
                        "Pop-Area-1",
                        "mgmt-1",
                        "svc-1",
                        Optional.empty(),
                        Optional.empty(),
                        1,
                        NfvclCluster.Status.REQUESTED,
                        Optional.empty(),
                        Optional.empty(),
                        Instant.now(),
                        Instant.now(),
                        0));
        app.stop();
        nfvcl.restart(); // the NFVCL forgets its tasks too

        startServer(Optional.of(nfvcl.url()));
        infra.reconcile(); // what `smo serve` does at start

        JsonNode resubmitted = get("/os_k8s/cluster/OS_K8S_1_crash").json();
        assertThat(resubmitted.path("status").asText()).isEqualTo("deploying");
        assertThat(resubmitted.path("nfvcl_id").asText()).matches("[A-Z0-9]{6}");
        assertThat(get("/os_k8s/cluster/" + deploying).json().path("task_id").isNull())
                .as("the task the NFVCL forgot is dropped")
                .isTrue();
        syncUntilSettled("OS_K8S_1_crash");
        syncUntilSettled(deploying);
        assertThat(get("/os_k8s/clusters").json())
                .extracting(c -> c.path("status").asText())
                .containsExactly("ready", "ready");
        assertThat(nfvcl.requests().stream().filter(r -> r.equals("POST /nfvcl/v2/api/blue/k8s")))
                .as("one blueprint per cluster")
                .hasSize(2);
    }

    static Stream<Arguments> badRequests() {
        String vim = vimBody("Pop-Area-1", 1);
        return Stream.of(
                Arguments.of(
                        "VIM without password",
                        "/vims/smo_vims",
                        vim.replace("\"vim_password\"", "\"x\""),
                        400,
                        "/vim_password"),
                Arguments.of(
                        "VIM pop area as text",
                        "/vims/smo_vims",
                        vim.replace("\"pop_area\": 1", "\"pop_area\": \"one\""),
                        400,
                        "/pop_area"),
                Arguments.of(
                        "VIM URL not http",
                        "/vims/smo_vims",
                        vim.replace("https://keystone", "ftp://keystone"),
                        400,
                        "/vim_url"),
                Arguments.of(
                        "network CIDR without prefix",
                        "/vims/smo_vims",
                        vim.replace("10.1.0.0/24", "10.1.0.0"),
                        400,
                        "/mgmt_network/cidr"),
                Arguments.of(
                        "network gateway not an address",
                        "/vims/smo_vims",
                        vim.replace("10.1.1.1\"", "gw\""),
                        400,
                        "/service_network/gateway"),
                Arguments.of("VIM body not JSON", "/vims/smo_vims", "{\"vim_name\": ", 400, ""),
                Arguments.of("VIM body an array", "/vims/smo_vims", "[]", 400, ""),
                Arguments.of("cluster without VIM", "/os_k8s/clusters", "{\"pop_area\": 1}", 400, "/vim_name"),
                Arguments.of(
                        "cluster with no workers",
                        "/os_k8s/clusters",
                        "{\"pop_area\": 1, \"vim_name\": \"Pop-Area-1\", \"workers\": 0}",
                        400,
                        "/workers"),
                Arguments.of(
                        "cluster flavor too small",
                        "/os_k8s/clusters",
                        "{\"pop_area\": 1, \"vim_name\": \"Pop-Area-1\", \"worker_flavor\": {\"vcpu_count\": 2, \"memory_mb\": 100, \"storage_gb\": 10}}",
                        400,
                        "/worker_flavor/memory_mb"),
                Arguments.of(
                        "cluster unknown field",
                        "/os_k8s/clusters",
                        "{\"pop_area\": 1, \"vim_name\": \"Pop-Area-1\", \"service_net_required_ip_number\": 20}",
                        400,
                        "/service_net_required_ip_number"),
                Arguments.of(
                        "cluster on an unknown VIM",
                        "/os_k8s/clusters",
                        "{\"pop_area\": 1, \"vim_name\": \"nope\"}",
                        404,
                        "/vim_name"),
                Arguments.of(
                        "cluster on a VIM of another area",
                        "/os_k8s/clusters",
                        "{\"pop_area\": 7, \"vim_name\": \"Pop-Area-1\"}",
                        400,
                        "/pop_area"),
                Arguments.of("VIM registered twice", "/vims/smo_vims", vimBody("pop_area_1", 1), 409, "/vim_name"),
                Arguments.of(
                        "sync with a bad pop area",
                        "/os_k8s/sync/nfvcl_k8s?pop_area=abc",
                        null,
                        400,
                        "/query/pop_area"),
                Arguments.of(
                        "scale-out of an unknown cluster", "/os_k8s/scale-out/OS_K8S_1_nopex", null, 404, "/smo_id"),
                Arguments.of(
                        "scale-out of zero workers",
                        "/os_k8s/scale-out/OS_K8S_1_nopex",
                        "{\"workers\": 0}",
                        400,
                        "/workers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestsAreProblemsWithTheFieldPath(String name, String path, String body, int status, String field) {
        assertThat(post("/vims/smo_vims", vimBody("Pop-Area-1", 1)).status()).isEqualTo(201);
        int before = nfvcl.requests().size();

        Http.Response r = post(path, body);

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors"))
                .extracting(e -> e.path("path").asText())
                .contains(field);
        if (status == 400) {
            assertThat(nfvcl.requests()).as("nothing reaches the NFVCL").hasSize(before);
        }
    }

    @Test
    void theVimSyncWritesSoTheReadTokenCannotRunIt() {
        String write = "write-token-0123456789";
        String read = "read-token-0123456789";
        app.stop();
        startServer(
                Optional.of(nfvcl.url()),
                new HttpSettings(Optional.of(write), 1 << 20).withReads(Optional.of(read), false));

        Http reader = new Http(app.port()).token(read);
        assertThat(reader.get("/vims/smo_vims").status()).isEqualTo(200);
        assertThat(reader.get("/os_k8s/clusters").status()).isEqualTo(200);
        assertThat(reader.get(NfvclHandlers.VIM_SYNC).status()).isEqualTo(401);
        assertThat(reader.post("/os_k8s/sync/nfvcl_k8s", null, null).status()).isEqualTo(401);
        assertThat(new Http(app.port()).token(write).get(NfvclHandlers.VIM_SYNC).status())
                .isEqualTo(200);
    }

    @Test
    void readsOfAVimOrClusterThatIsNotThereAreProblems() {
        Http.Response badId = get("/vims/smo_vims/x");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().path("errors").get(0).path("path").asText()).isEqualTo("/id");
        assertThat(get("/vims/smo_vims/42").status()).isEqualTo(404);
        assertThat(get("/os_k8s/cluster/OS_K8S_1_abcde").status()).isEqualTo(404);
        assertThat(get("/vims/smo_vims?pop_area=-1").status()).isEqualTo(400);
    }

    @Test
    void aFailingNfvclIs502AndAnAbsentOne504AndNoneConfigured503() throws Exception {
        nfvcl.failNext(10);
        Http.Response failing = post("/os_k8s/sync/nfvcl_k8s", null);
        assertThat(failing.status()).isEqualTo(502);
        assertThat(failing.json().path("detail").asText()).contains("injected");

        app.stop();
        nfvcl.close();
        startServer(Optional.of(nfvcl.url())); // nothing listens there any more
        Http.Response absent = post("/os_k8s/sync/nfvcl_k8s", null);
        assertThat(absent.status()).isEqualTo(504);

        app.stop();
        startServer(Optional.empty());
        Http.Response none = get("/vims/smo_vims");
        assertThat(none.status()).isEqualTo(503);
        assertThat(none.json().path("detail").asText()).contains("NFVCL_BASE_URL");
    }
}
