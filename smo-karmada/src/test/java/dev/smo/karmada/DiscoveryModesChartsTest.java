package dev.smo.karmada;

import static dev.smo.karmada.ExampleCharts.at;
import static dev.smo.karmada.ExampleCharts.find;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.Plan;
import dev.smo.core.PlannedService;
import dev.smo.core.ServiceDiscovery;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.model.Descriptors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The objects the example charts render with the values SMO plans in each discovery mode. The Brussels demo is
 * pinned: the VO on edge-brussels, noise-reduction and image-detection on edge-leuven; the VO calls
 * noise-reduction, which calls image-detection.
 */
class DiscoveryModesChartsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> modes() {
        return Stream.of(
                // mode, chart, ServiceImport clusters (null: none rendered), container env
                Arguments.of(
                        ServiceDiscovery.KARMADA_MCS,
                        "image-compression-vo",
                        null,
                        Map.of("NOISE_REDUCTION_HOST", "derived-noise-reduction.brussels.svc.cluster.local")),
                Arguments.of(
                        ServiceDiscovery.KARMADA_MCS,
                        "noise-reduction",
                        List.of("edge-brussels"),
                        Map.of("IMAGE_DETECTION_HOST", "image-detection.brussels.svc.cluster.local")),
                // Its only client runs beside it: imported nowhere.
                Arguments.of(ServiceDiscovery.KARMADA_MCS, "image-detection", null, Map.of()),
                Arguments.of(
                        ServiceDiscovery.LIGHTHOUSE,
                        "image-compression-vo",
                        null,
                        Map.of("NOISE_REDUCTION_HOST", "noise-reduction.brussels.svc.clusterset.local")),
                // Lighthouse writes the ServiceImport itself: none from the chart.
                Arguments.of(
                        ServiceDiscovery.LIGHTHOUSE,
                        "noise-reduction",
                        null,
                        Map.of("IMAGE_DETECTION_HOST", "image-detection.brussels.svc.cluster.local")),
                Arguments.of(ServiceDiscovery.LIGHTHOUSE, "image-detection", null, Map.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modes")
    void chartsRenderTheModesObjects(
            ServiceDiscovery mode, String chart, List<String> importClusters, Map<String, String> env)
            throws Exception {
        PlannedService planned = plan(mode).services().stream()
                .filter(s -> s.name().equals(chart))
                .findFirst()
                .orElseThrow();
        List<Map<String, Object>> objects = ExampleCharts.render(dir, chart, JSON.writeValueAsString(planned.values()));

        // Every service exports itself and is placed where SMO chose.
        find(objects, "ServiceExport", chart);
        assertThat(at(find(objects, "PropagationPolicy", chart), "spec", "placement", "clusterAffinity"))
                .isEqualTo(Map.of("clusterNames", List.of(planned.cluster())));
        if (importClusters == null) {
            assertThat(objects).extracting(o -> o.get("kind")).doesNotContain("ServiceImport");
        } else {
            find(objects, "ServiceImport", chart);
            assertThat(at(
                            find(objects, "PropagationPolicy", chart + "-import"),
                            "spec",
                            "placement",
                            "clusterAffinity",
                            "clusterNames"))
                    .isEqualTo(importClusters);
        }
        Map<?, ?> container = (Map<?, ?>)
                ((List<?>) at(find(objects, "Deployment", chart), "spec", "template", "spec", "containers")).get(0);
        Map<String, Object> actualEnv = new LinkedHashMap<>();
        if (container.get("env") instanceof List<?> list) {
            list.forEach(e -> actualEnv.put((String) ((Map<?, ?>) e).get("name"), ((Map<?, ?>) e).get("value")));
        }
        assertThat(actualEnv).isEqualTo(env);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tolerationCharts")
    void tolerationsAndRequiredLabelsReachThePropagationPolicy(String chart, String valuesJson) throws Exception {
        List<Map<String, Object>> objects = ExampleCharts.render(dir, chart, valuesJson);

        assertThat(at(find(objects, "PropagationPolicy", chart), "spec", "placement", "clusterAffinity"))
                .isEqualTo(Map.of(
                        "clusterNames",
                        List.of("edge-1"),
                        "labelSelector",
                        Map.of("matchLabels", Map.of("region", "eu"))));

        assertThat(at(find(objects, "PropagationPolicy", chart), "spec", "placement", "clusterTolerations"))
                .isEqualTo(List.of(
                        Map.of("key", "dedicated", "operator", "Equal", "value", "gpu", "effect", "NoSchedule")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charts")
    void aListOfLabelValuesBecomesAnInExpression(String chart, boolean vo) throws Exception {
        String labels = "{\"clusterLabels\":{\"provider\":\"aws\",\"region\":[\"eu-west\",\"eu-central\"]}}";
        List<Map<String, Object>> objects =
                ExampleCharts.render(dir, chart, vo ? "{\"voChartOverwrite\":" + labels + "}" : labels);

        assertThat(at(find(objects, "PropagationPolicy", chart), "spec", "placement", "clusterAffinity"))
                .isEqualTo(Map.of(
                        "labelSelector",
                        Map.of(
                                "matchLabels",
                                Map.of("provider", "aws"),
                                "matchExpressions",
                                List.of(Map.of(
                                        "key",
                                        "region",
                                        "operator",
                                        "In",
                                        "values",
                                        List.of("eu-west", "eu-central"))))));
    }

    static Stream<Arguments> charts() {
        return Stream.of(
                Arguments.of("noise-reduction", false),
                Arguments.of("image-detection", false),
                Arguments.of("image-compression-vo", true));
    }

    static Stream<Arguments> tolerationCharts() {
        String tolerations = "{\"clusterTolerations\":[{\"key\":\"dedicated\",\"operator\":\"Equal\",\"value\":\"gpu\","
                + "\"effect\":\"NoSchedule\"}],\"clustersAffinity\":[\"edge-1\"],"
                + "\"clusterLabels\":{\"region\":\"eu\"}}";
        return Stream.of(
                Arguments.of("noise-reduction", tolerations),
                Arguments.of("image-detection", tolerations),
                Arguments.of("image-compression-vo", "{\"voChartOverwrite\":" + tolerations + "}"));
    }

    private static Plan plan(ServiceDiscovery mode) throws Exception {
        String yaml = Files.readString(Path.of("../smo-examples/brussels-demo/hdag.yaml"))
                .replace("voChartOverwrite: {}", "voChartOverwrite: {clustersAffinity: [edge-brussels]}")
                .replace("valuesOverwrite: {}", "valuesOverwrite: {clustersAffinity: [edge-leuven]}");
        try (Orchestrator smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(
                        ClusterInfo.of("edge-brussels", 4_000, 8L << 30, 0),
                        ClusterInfo.of("edge-leuven", 4_000, 8L << 30, 0))))
                .serviceDiscovery(mode)
                .build()) {
            Plan plan = smo.plan("brussels", Descriptors.parse(yaml));
            assertThat(plan.services())
                    .extracting(PlannedService::cluster)
                    .containsExactly("edge-brussels", "edge-leuven", "edge-leuven");
            return plan;
        }
    }
}
