package dev.smo.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.Violation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code useStaticPlacement}: pinned services land on the clusters their values name, the others go where the
 * optimizer puts them (the big cluster), and unusable pins are refused with the pin's JSON pointer.
 */
class StaticPlacementTest {

    /**
     * Without pins the optimizer puts both services on big (most room, no cut edge); a pin to small pulls its
     * neighbour along (the edge app → vo costs more than sharing the small cluster).
     */
    private static final List<ClusterInfo> CLUSTERS = List.of(
            ClusterInfo.of("big", 64_000, 256L << 30, 0),
            ClusterInfo.of("small", 4_000, 16L << 30, 0),
            new ClusterInfo("down", false, 64_000, 256L << 30, 0, Map.of(), null, null));

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("static, app pinned", "true", "clustersAffinity: [small]", "{}", "small", "small", null),
                Arguments.of(
                        "not static: pins ignored", "false", "clustersAffinity: [small]", "{}", "big", "big", null),
                Arguments.of(
                        "no graph intent: pins ignored", null, "clustersAffinity: [small]", "{}", "big", "big", null),
                Arguments.of(
                        "static, VO pinned through voChartOverwrite",
                        "true",
                        "{}",
                        "{voChartOverwrite: {clustersAffinity: [small]}}",
                        "small",
                        "small",
                        null),
                Arguments.of(
                        "static, two clusters allowed",
                        "true",
                        "clustersAffinity: [small, big]",
                        "{}",
                        "big",
                        "big",
                        null),
                Arguments.of("static, empty list: free", "true", "clustersAffinity: []", "{}", "big", "big", null),
                Arguments.of(
                        "static, unknown cluster",
                        "true",
                        "clustersAffinity: [big, gone]",
                        "{}",
                        null,
                        null,
                        "/hdaGraph/services/0/artifact/valuesOverwrite/clustersAffinity/1"),
                Arguments.of(
                        "static, cluster not ready",
                        "true",
                        "{}",
                        "{voChartOverwrite: {clustersAffinity: [down]}}",
                        null,
                        null,
                        "/hdaGraph/services/1/artifact/valuesOverwrite/voChartOverwrite/clustersAffinity/0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pins(
            String name,
            String useStatic,
            String appValues,
            String voValues,
            String appCluster,
            String voCluster,
            String refusedPointer) {
        String yaml = "hdaGraph:\n  id: pinned\n"
                + (useStatic == null ? "" : "  hdaGraphIntent: {useStaticPlacement: " + useStatic + "}\n")
                + "  services:\n"
                + "    - id: app\n"
                + "      artifact: {ociImage: oci://registry:5000/test/app, valuesOverwrite: {" + strip(appValues)
                + "}}\n"
                + "      deployment: {intent: {compute: {cpu: light, ram: light}, connectionPoints: [vo]}}\n"
                + "    - id: vo\n"
                + "      artifact:\n"
                + "        ociImage: oci://registry:5000/test/vo\n"
                + "        ociConfig: {type: VO, implementer: WOT}\n"
                + "        valuesOverwrite: " + voValues + "\n"
                + "      deployment: {intent: {compute: {cpu: light, ram: light}}}\n";
        try (Orchestrator smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new Fixtures.MutableInventory(false, CLUSTERS.toArray(ClusterInfo[]::new)))
                .build()) {
            if (refusedPointer != null) {
                InvalidDescriptorException refused =
                        catchThrowableOfType(InvalidDescriptorException.class, () -> smo.deployDescriptor("p", yaml));
                assertThat(refused).as(name).isNotNull();
                assertThat(refused.violations()).extracting(Violation::path).containsExactly(refusedPointer);
                assertThat(smo.find("pinned")).as("nothing stored").isEmpty();
                return;
            }
            StoredGraph graph = smo.deployDescriptor("p", yaml);
            assertThat(graph.placement())
                    .as(name)
                    .containsEntry("app", appCluster)
                    .containsEntry("vo", voCluster);
            assertThat(graph.service("app").orElseThrow().values().get("clustersAffinity"))
                    .as("the release follows the placement")
                    .isEqualTo(List.of(appCluster));
        }
    }

    private static String strip(String values) {
        return values.equals("{}") ? "" : values;
    }
}
