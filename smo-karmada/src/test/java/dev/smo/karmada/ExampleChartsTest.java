package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** The Brussels demo charts in smo-examples render with {@code helm template} and consume SMO's values. */
class ExampleChartsTest {

    @TempDir
    Path dir;

    private List<Map<String, Object>> render(String chart, String valuesJson) throws Exception {
        return ExampleCharts.render(dir, chart, valuesJson);
    }

    private static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return ExampleCharts.find(objects, kind, name);
    }

    private static Map<?, ?> meta(Map<String, Object> object) {
        return ExampleCharts.meta(object);
    }

    private static Object at(Object root, String... path) {
        return ExampleCharts.at(root, path);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"noise-reduction", "image-detection"})
    void servicePlacedAndImportedWhereSmoSays(String chart) throws Exception {
        List<Map<String, Object>> objects = render(
                chart,
                "{\"clustersAffinity\":[\"edge-leuven\"],\"serviceImportClusters\":[\"edge-brussels\",\"cloud-athens\",\"edge-brussels\"]}");

        assertThat(objects)
                .extracting(o -> o.get("kind"))
                .containsExactlyInAnyOrder(
                        "Service",
                        "Deployment",
                        "PropagationPolicy",
                        "PropagationPolicy",
                        "ServiceExport",
                        "ServiceImport");
        Map<String, Object> deployment = find(objects, "Deployment", chart);
        assertThat(at(deployment, "metadata", "labels"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("app.kubernetes.io/instance", chart);
        assertThat(meta(find(objects, "Service", chart)).get("labels").toString())
                .contains("app.kubernetes.io/instance=" + chart);
        Map<String, Object> policy = find(objects, "PropagationPolicy", chart);
        assertThat(at(policy, "apiVersion")).isEqualTo("policy.karmada.io/v1alpha1");
        assertThat(at(policy, "spec", "placement", "clusterAffinity", "clusterNames"))
                .isEqualTo(List.of("edge-leuven"));
        assertThat(((List<?>) at(policy, "spec", "resourceSelectors"))
                        .stream().map(s -> (Object) ((Map<?, ?>) s).get("kind")).toList())
                .containsExactly("Deployment", "Service", "ServiceExport");
        Map<String, Object> serviceImport = find(objects, "ServiceImport", chart);
        assertThat(at(serviceImport, "apiVersion")).isEqualTo("multicluster.x-k8s.io/v1alpha1");
        assertThat(at(serviceImport, "spec", "type")).isEqualTo("ClusterSetIP");
        assertThat(at(
                        find(objects, "PropagationPolicy", chart + "-import"),
                        "spec",
                        "placement",
                        "clusterAffinity",
                        "clusterNames"))
                .isEqualTo(List.of("edge-brussels", "cloud-athens"));
        Map<?, ?> container = (Map<?, ?>) ((List<?>) at(deployment, "spec", "template", "spec", "containers")).get(0);
        assertThat(container.get("resources").toString()).contains("requests").contains("limits");
    }

    @Test
    void serviceNotImportedAnywhereHasNoServiceImport() throws Exception {
        List<Map<String, Object>> objects =
                render("noise-reduction", "{\"clustersAffinity\":[\"edge-leuven\"],\"serviceImportClusters\":[]}");

        assertThat(objects)
                .extracting(o -> o.get("kind"))
                .doesNotContain("ServiceImport")
                .containsOnlyOnce("PropagationPolicy");
    }

    @Test
    void resourcesAndGpusComeFromValues() throws Exception {
        List<Map<String, Object>> objects = render(
                "image-detection",
                "{\"clustersAffinity\":[\"cloud-athens\"],"
                        + "\"resources\":{\"requests\":{\"cpu\":\"3\",\"memory\":\"6Gi\"},\"limits\":{\"cpu\":\"4\"}},"
                        + "\"gpu\":{\"enabled\":true,\"count\":2}}");

        Map<?, ?> container = (Map<?, ?>)
                ((List<?>) at(find(objects, "Deployment", "image-detection"), "spec", "template", "spec", "containers"))
                        .get(0);
        assertThat(at(container, "resources"))
                .isEqualTo(Map.of(
                        "requests",
                        Map.of("cpu", "3", "memory", "6Gi"),
                        // Helm merges values: the chart's default memory limit stays.
                        "limits",
                        Map.of("cpu", "4", "memory", "2Gi", "nvidia.com/gpu", 2)));
    }

    @Test
    void virtualObjectReadsEverythingUnderVoChartOverwrite() throws Exception {
        List<Map<String, Object>> objects = render(
                "image-compression-vo",
                "{\"voChartOverwrite\":{"
                        + "\"clustersAffinity\":[\"edge-brussels\"],\"serviceImportClusters\":[\"edge-leuven\"]}}");

        assertThat(at(
                        find(objects, "PropagationPolicy", "image-compression-vo"),
                        "spec",
                        "placement",
                        "clusterAffinity",
                        "clusterNames"))
                .isEqualTo(List.of("edge-brussels"));
        assertThat(at(
                        find(objects, "PropagationPolicy", "image-compression-vo-import"),
                        "spec",
                        "placement",
                        "clusterAffinity",
                        "clusterNames"))
                .isEqualTo(List.of("edge-leuven"));
        assertThat(at(find(objects, "ConfigMap", "image-compression-vo-config"), "data", "config.yaml")
                        .toString())
                .contains("thingDescription");
        Map<?, ?> container = (Map<?, ?>) ((List<?>) at(
                        find(objects, "Deployment", "image-compression-vo"), "spec", "template", "spec", "containers"))
                .get(0);
        assertThat(container.get("image").toString()).endsWith("image-compression-vo:1.0.0");
    }

    @Test
    void virtualObjectChartIsAnnotatedAsVo() throws Exception {
        Map<String, Object> chart =
                new Yaml().load(Files.readString(ExampleCharts.CHARTS.resolve("image-compression-vo/Chart.yaml")));

        assertThat(at(chart, "annotations"))
                .isEqualTo(Map.of("specType", "VO", "descriptorPath", "scripts/config.yaml"));
        assertThat(chart).containsEntry("name", "image-compression-vo");
        assertThat(ExampleCharts.CHARTS.resolve("image-compression-vo/scripts/config.yaml"))
                .isRegularFile();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"noise-reduction", "image-detection", "image-compression-vo"})
    void chartsRenderWithTheirDefaults(String chart) throws Exception {
        List<Map<String, Object>> objects = render(chart, "{}");

        Map<String, Object> policy = find(objects, "PropagationPolicy", chart);
        assertThat(((Map<?, ?>) at(policy, "spec", "placement")).containsKey("clusterAffinity"))
                .isFalse();
        assertThat(objects).extracting(o -> o.get("kind")).doesNotContain("ServiceImport");
    }
}
