package dev.smo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    private static final String BRUSSELS = Cli.example("brussels-demo/hdag.yaml");
    private static final String CLUSTERS = Cli.example("clusters.yaml");
    private static final String[] SERVICES = {"image-compression-vo", "noise-reduction", "image-detection"};

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    @Test
    void feasiblePlanListsEveryServiceWithItsClusterAndTheSolverStatus() {
        Cli cli = Cli.run("plan", BRUSSELS, "--clusters", CLUSTERS);

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out())
                .startsWith("SERVICE  ")
                .contains("CLUSTER", "REPLICAS", "CPU", "MEMORY", "STORAGE", "GPUS", "PENDING");
        for (String service : SERVICES) {
            assertThat(cli.out().lines().filter(line -> line.startsWith(service + " ")))
                    .singleElement()
                    .asString()
                    .containsPattern("(brussels-edge|brussels-core|athens-edge)");
        }
        assertThat(cli.out())
                .contains("yes (event trigger)", "objective: moves 0, cut edges ", "solver: OPTIMAL, bound ", " ms");
    }

    @Test
    void jsonHasTheServicesTheObjectiveAndTheStatus() throws Exception {
        Cli cli = Cli.run("plan", "--json", BRUSSELS, "--clusters", CLUSTERS, "--project", "demo");

        JsonNode plan = new ObjectMapper().readTree(cli.out());
        assertThat(cli.exitCode()).isZero();
        assertThat(plan.get("graph").asText()).isEqualTo("image-detection-graph");
        assertThat(plan.get("project").asText()).isEqualTo("demo");
        assertThat(plan.get("status").asText()).isEqualTo("OPTIMAL");
        assertThat(plan.get("feasible").asBoolean()).isTrue();
        assertThat(plan.get("services")).hasSize(3);
        assertThat(plan.get("services").findValuesAsText("name")).containsExactly(SERVICES);
        assertThat(plan.get("services").findValuesAsText("cluster"))
                .doesNotContainNull()
                .hasSize(3);
        assertThat(plan.get("services").get(0).get("cpuMillis").asLong()).isEqualTo(500);
        assertThat(plan.get("objective").get("moves").asInt()).isZero();
        assertThat(plan.get("objective").has("tieBreaker")).isTrue();
        assertThat(plan.get("nodes").asLong()).isPositive();
        assertThat(plan.get("explanation").isNull()).isTrue();
    }

    @Test
    void infeasiblePlanExitsTwoWithAnExplanationNamingTheResource() throws Exception {
        String tiny = write("tiny.yaml", "clusters:\n  - {name: tiny, cpu: 200m, memory: 256Mi}\n");

        Cli cli = Cli.run("plan", BRUSSELS, "--clusters", tiny);
        Cli json = Cli.run("plan", "--json", BRUSSELS, "--clusters", tiny);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.out())
                .startsWith("No placement for graph (image-detection-graph): Service (")
                .contains("cpu", "Closest: tiny")
                .contains("solver: INFEASIBLE");
        JsonNode plan = new ObjectMapper().readTree(json.out());
        assertThat(json.exitCode()).isEqualTo(2);
        assertThat(plan.get("feasible").asBoolean()).isFalse();
        assertThat(plan.get("status").asText()).isEqualTo("INFEASIBLE");
        assertThat(plan.get("explanation").get("resource").asText()).isEqualTo("cpu");
        assertThat(plan.get("explanation").get("message").asText()).contains("tiny (200m cpu)");
    }

    @Test
    void serviceOnAClusterThatIsGoneMoves() throws Exception {
        String current = write("current.yaml", """
                placement:
                  image-detection: decommissioned-cluster
                  noise-reduction: brussels-core
                replicas:
                  image-detection: 2
                """);

        Cli cli = Cli.run("plan", "--json", BRUSSELS, "--clusters", CLUSTERS, "--current", current);

        JsonNode plan = new ObjectMapper().readTree(cli.out());
        assertThat(cli.exitCode()).isZero();
        assertThat(plan.get("objective").get("moves").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode detection = plan.get("services").get(2);
        assertThat(detection.get("name").asText()).isEqualTo("image-detection");
        assertThat(detection.get("cluster").asText()).isNotEqualTo("decommissioned-cluster");
        assertThat(detection.get("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void bareMapIsACurrentPlacementToo() throws Exception {
        String current = write("bare.yaml", "image-detection: decommissioned-cluster\n");

        Cli cli = Cli.run("plan", BRUSSELS, "--clusters", CLUSTERS, "--current", current);

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("objective: moves 1,");
    }

    @Test
    void invalidCurrentPlacementExitsOneWithEveryProblemAndItsPosition() throws Exception {
        String current = write("current.yaml", """
                placement:
                  image-detecton: brussels-core
                replicas:
                  noise-reduction: 0
                extra: true
                """);

        Cli cli = Cli.run("plan", BRUSSELS, "--clusters", CLUSTERS, "--current", current);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .contains(current + ":/placement/image-detecton (2:19): Service (image-detecton) is "
                        + "not a service of graph (image-detection-graph).\n  Maybe use one of [image-compression-vo, "
                        + "noise-reduction, image-detection].");
        assertThat(cli.err())
                .contains(current + ":/replicas/noise-reduction (4:20): Service (noise-reduction) "
                        + "replicas (0) is not a count");
        assertThat(cli.err()).contains(current + ":/extra (5:8): Current placement has an unknown key (extra).");
    }

    @Test
    void invalidClustersFileExitsOneWithPaths() throws Exception {
        String clusters = write("clusters.yaml", """
                clusters:
                  - {name: a, cpu: lots, memory: 1Gi}
                  - {cpu: "1", memory: 1Gi}
                """);

        Cli cli = Cli.run("plan", BRUSSELS, "--clusters", clusters);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err())
                .contains(
                        clusters + ":/clusters/0/cpu (0:0): Cluster (a) cpu (lots) is not a " + "Kubernetes quantity.",
                        clusters + ":/clusters/1/name (0:0): Cluster has no name.");
    }

    @Test
    void invalidDescriptorExitsOneLikeValidate() {
        String broken = Cli.example("invalid/several-problems.yaml");

        Cli cli = Cli.run("plan", broken, "--clusters", CLUSTERS);

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err().lines().filter(line -> line.startsWith(broken + ":/")))
                .hasSize(5);
    }

    @Test
    void invalidProjectIsNamed() {
        Cli cli = Cli.run("plan", BRUSSELS, "--clusters", CLUSTERS, "--project", "Not_A_Namespace");

        assertThat(cli.exitCode()).isEqualTo(1);
        assertThat(cli.err()).startsWith("--project Not_A_Namespace:").contains("Not_A_Namespace");
    }

    @Test
    void clustersFileIsRequired() {
        Cli cli = Cli.run("plan", BRUSSELS);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--clusters");
    }

    @Test
    void aResourceTableAddsLevelsToValidationTranslationAndPlanning() throws Exception {
        String table = write("levels.yaml", "cpu: {tiny: 100m}\nram: {tiny: 64Mi}\n");
        String graph = write(
                "tiny-graph.yaml",
                java.nio.file.Files.readString(java.nio.file.Path.of(BRUSSELS))
                        .replace("cpu: \"light\"", "cpu: \"tiny\"")
                        .replace("ram: \"light\"", "ram: \"tiny\""));

        Cli without = Cli.run("plan", graph, "--clusters", CLUSTERS);
        Cli with = Cli.run("plan", "--json", graph, "--clusters", CLUSTERS, "--resource-table", table);
        Cli validate = Cli.run("validate", graph, "--resource-table", table);
        Cli badTable = Cli.run("plan", graph, "--clusters", CLUSTERS, "--resource-table", graph);

        assertThat(without.exitCode()).isEqualTo(1);
        assertThat(without.out() + without.err()).contains("tiny");
        assertThat(with.exitCode()).isZero();
        assertThat(new ObjectMapper()
                        .readTree(with.out())
                        .get("services")
                        .get(0)
                        .get("cpuMillis")
                        .asLong())
                .isEqualTo(100);
        assertThat(validate.exitCode()).isZero();
        assertThat(badTable.exitCode()).isEqualTo(2);
        assertThat(badTable.err()).contains("SMO_RESOURCE_TABLE");
    }

    /**
     * A hub on c1 talks to twelve services on c2. Weighted (a move costs 10 cut edges) moves the hub to c2, unless a
     * move is made to cost 13; the
     * lexicographic objective (the default, as the orchestrator re-places) moves nothing and keeps the twelve cut
     * edges.
     */
    @Test
    void theObjectiveDecidesBetweenAMoveAndCutEdges() throws Exception {
        StringBuilder graph = new StringBuilder("hdaGraph:\n  id: hub-graph\n  services:\n");
        StringBuilder current = new StringBuilder("placement:\n  hub: c1\n");
        StringBuilder spokes = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            spokes.append(i == 0 ? "" : ", ").append("s").append(i);
            current.append("  s").append(i).append(": c2\n");
        }
        graph.append("    - {id: hub, artifact: {ociImage: oci://r/hub},"
                        + " deployment: {intent: {compute: {cpu: light, ram: light}, connectionPoints: [")
                .append(spokes)
                .append("]}}}\n");
        for (int i = 0; i < 12; i++) {
            graph.append("    - {id: s")
                    .append(i)
                    .append(", artifact: {ociImage: oci://r/s},"
                            + " deployment: {intent: {compute: {cpu: light, ram: light}}}}\n");
        }
        String graphFile = write("hub.yaml", graph.toString());
        String currentFile = write("current.yaml", current.toString());
        String clusters = write("two.yaml", """
                clusters:
                  - {name: c1, cpu: 64, memory: 256Gi}
                  - {name: c2, cpu: 64, memory: 256Gi}
                """);

        Cli weighted = Cli.run(
                "plan",
                "--json",
                graphFile,
                "--clusters",
                clusters,
                "--current",
                currentFile,
                "--objective",
                "weighted");
        Cli lexicographic = Cli.run("plan", "--json", graphFile, "--clusters", clusters, "--current", currentFile);
        Cli costlyMoves = Cli.run(
                "plan",
                "--json",
                graphFile,
                "--clusters",
                clusters,
                "--current",
                currentFile,
                "--objective",
                "weighted",
                "--move-cost",
                "13");
        Cli costsWithoutWeights =
                Cli.run("plan", graphFile, "--clusters", clusters, "--current", currentFile, "--edge-cut-cost", "2");

        JsonNode w = new ObjectMapper().readTree(weighted.out());
        JsonNode l = new ObjectMapper().readTree(lexicographic.out());
        assertThat(weighted.exitCode()).isZero();
        assertThat(lexicographic.exitCode()).isZero();
        assertThat(w.get("objective").get("moves").asInt()).isEqualTo(1);
        assertThat(w.get("objective").get("cutEdges").asLong()).isZero();
        assertThat(l.get("objective").get("moves").asInt()).isZero();
        assertThat(l.get("objective").get("cutEdges").asLong()).isEqualTo(12);
        JsonNode c = new ObjectMapper().readTree(costlyMoves.out());
        assertThat(costlyMoves.exitCode()).isZero();
        assertThat(c.get("objective").get("moves").asInt())
                .as("a move now costs more than 12 cut edges")
                .isZero();
        assertThat(c.get("objective").get("cutEdges").asLong()).isEqualTo(12);
        assertThat(costsWithoutWeights.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(costsWithoutWeights.err()).contains("--objective weighted");
    }

    @Test
    void aTimeLimitOutOfRangeIsAUsageError() {
        for (String limit : new String[] {"0", "-1", "NaN", "7200"}) {
            Cli cli = Cli.run("plan", BRUSSELS, "--clusters", CLUSTERS, "--time-limit", limit);

            assertThat(cli.exitCode()).as(limit).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err()).as(limit).contains("--time-limit");
        }
        Cli unknown = Cli.run("plan", BRUSSELS, "--clusters", CLUSTERS, "--objective", "best");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("weighted", "lexicographic");
    }

    /**
     * Three services that each need 4 of a cluster's 6 CPUs, two clusters: the totals fit, no packing does, and only
     * an exhaustive search proves it. With one search node the search stops first: exit 4, "not proven".
     */
    @Test
    void aSearchStoppedByTheNodeLimitExitsFourNotProvenWhereTheFullSearchExitsTwo() throws Exception {
        StringBuilder graph = new StringBuilder("hdaGraph:\n  id: packing-graph\n  services:\n");
        for (int i = 0; i < 3; i++) {
            graph.append("    - {id: s")
                    .append(i)
                    .append(", artifact: {ociImage: oci://r/s},"
                            + " deployment: {intent: {compute: {cpu: medium, ram: light}}}}\n");
        }
        String graphFile = write("packing.yaml", graph.toString());
        String clusters = write("two.yaml", """
                clusters:
                  - {name: c0, cpu: 6, memory: 8Gi}
                  - {name: c1, cpu: 6, memory: 8Gi}
                """);

        Cli proven = Cli.run("plan", graphFile, "--clusters", clusters);
        Cli stopped = Cli.run("plan", graphFile, "--clusters", clusters, "--node-limit", "1");
        Cli json = Cli.run("plan", "--json", graphFile, "--clusters", clusters, "--node-limit", "1");
        Cli zero = Cli.run("plan", graphFile, "--clusters", clusters, "--node-limit", "0");

        assertThat(proven.exitCode()).isEqualTo(ExitCodes.INFEASIBLE);
        assertThat(proven.out()).contains("solver: INFEASIBLE");
        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(stopped.out()).contains("not proven", "solver: LIMIT_REACHED");
        JsonNode plan = new ObjectMapper().readTree(json.out());
        assertThat(json.exitCode()).isEqualTo(ExitCodes.NOT_PROVEN);
        assertThat(plan.get("feasible").asBoolean()).isFalse();
        assertThat(plan.get("status").asText()).isEqualTo("LIMIT_REACHED");
        assertThat(plan.get("explanation").get("reason").asText()).isEqualTo("LIMIT_REACHED");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("--node-limit");
    }
}
