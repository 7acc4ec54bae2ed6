package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.optimizer.milp.SolverOptions;
import io.javalin.Javalin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Three services that each need 4 of a cluster's 6 CPUs, on two clusters: the totals fit, no packing does, and only
 * an exhaustive search proves it. A search stopped by a node limit first is answered as "not proven", never as
 * "infeasible": on {@code POST /plan} (status LIMIT_REACHED) and on a deploy (422 placement-not-proven).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementNotProvenTest {

    private static final String TOKEN = "0123456789abcdef-test-token";
    private static final String GRAPH = """
            hdaGraph:
              id: packing-graph
              services:
                - {id: s0, artifact: {ociImage: oci://r/s}, deployment: {intent: {compute: {cpu: medium, ram: light}}}}
                - {id: s1, artifact: {ociImage: oci://r/s}, deployment: {intent: {compute: {cpu: medium, ram: light}}}}
                - {id: s2, artifact: {ociImage: oci://r/s}, deployment: {intent: {compute: {cpu: medium, ram: light}}}}
            """;

    private final List<Orchestrator> orchestrators = new java.util.ArrayList<>();
    private final List<Javalin> apps = new java.util.ArrayList<>();
    private Http full;
    private Http oneNode;

    @BeforeAll
    void start() {
        full = serve(SolverOptions.defaults());
        oneNode = serve(SolverOptions.defaults().withNodeLimit(1));
    }

    private Http serve(SolverOptions options) {
        Orchestrator smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(
                        List.of(ClusterInfo.of("c0", 6_000, 8L << 30, 0), ClusterInfo.of("c1", 6_000, 8L << 30, 0))))
                .solverOptions(options)
                .build();
        Javalin app = SmoServer.create(smo, new HttpSettings(Optional.of(TOKEN), 64 * 1024))
                .start("127.0.0.1", 0);
        orchestrators.add(smo);
        apps.add(app);
        return new Http(app.port()).token(TOKEN);
    }

    @AfterAll
    void stop() {
        apps.forEach(Javalin::stop);
        orchestrators.forEach(Orchestrator::close);
    }

    @Test
    void aPlanStoppedByItsNodeLimitIsLimitReachedAndOtherwiseInfeasible() {
        Http.Response stopped = full.post("/plan?nodeLimit=1", "application/yaml", GRAPH);
        Http.Response proven = full.post("/plan", "application/yaml", GRAPH);

        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().path("feasible").asBoolean()).isFalse();
        assertThat(stopped.json().path("status").asText()).isEqualTo("LIMIT_REACHED");
        assertThat(stopped.json().path("explanation").path("reason").asText()).isEqualTo("LIMIT_REACHED");
        assertThat(stopped.json().path("explanation").path("message").asText()).contains("not proven");
        assertThat(proven.status()).isEqualTo(200);
        assertThat(proven.json().path("status").asText()).isEqualTo("INFEASIBLE");
        assertThat(proven.json().path("explanation").path("reason").asText()).isEqualTo("PACKING_IMPOSSIBLE");
    }

    @Test
    void aDeployWithoutAPlacementIs422InfeasibleOnlyWhenProven() {
        Http.Response notProven = oneNode.post("/project/p/graphs", "application/yaml", GRAPH);
        Http.Response infeasible = full.post("/project/p/graphs", "application/yaml", GRAPH);

        assertThat(notProven.status()).isEqualTo(422);
        assertThat(notProven.contentType()).startsWith("application/problem+json");
        assertThat(notProven.json().path("type").asText()).endsWith("/placement-not-proven");
        assertThat(notProven.json().path("title").asText()).contains("none is proven impossible");
        assertThat(notProven.json().path("errors").findValuesAsText("path")).containsExactly("/hdaGraph/services");
        assertThat(infeasible.status()).isEqualTo(422);
        assertThat(infeasible.json().path("type").asText()).endsWith("/placement-infeasible");
        assertThat(oneNode.get("/graphs/packing-graph").status()).isEqualTo(404);
        assertThat(full.get("/graphs/packing-graph").status()).isEqualTo(404);
    }

    @Test
    void aNodeLimitThatIsNotAPositiveWholeNumberIsRefusedByName() {
        for (String limit : new String[] {"0", "-3", "1.5", "lots", "10000000000"}) {
            Http.Response r = full.post("/plan?nodeLimit=" + limit, "application/yaml", GRAPH);

            assertThat(r.status()).as(limit).isEqualTo(400);
            assertThat(r.json().path("errors").findValuesAsText("path"))
                    .as(limit)
                    .containsExactly("/nodeLimit");
        }
    }
}
