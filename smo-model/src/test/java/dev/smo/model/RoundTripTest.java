package dev.smo.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"brussels-demo/hdag.yaml", "my-webapp/hdag.yaml"})
    void yamlRoundTripIsLossless(String example) {
        HdaGraph graph = Descriptors.parse(Examples.ROOT.resolve(example));

        String yaml = Descriptors.toYaml(graph);

        assertThat(Descriptors.parse(yaml)).isEqualTo(graph);
        assertThat(Descriptors.toYaml(Descriptors.parse(yaml))).isEqualTo(yaml);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"brussels-demo/hdag.yaml", "my-webapp/hdag.yaml"})
    void jsonRoundTripIsLossless(String example) {
        HdaGraph graph = Descriptors.parse(Examples.ROOT.resolve(example));

        String json = Descriptors.toJson(graph);

        assertThat(json).startsWith("{");
        assertThat(Descriptors.parse(json)).isEqualTo(graph);
    }

    @Test
    void readsTheBrusselsDemo() {
        HdaGraph graph = Descriptors.parse(Examples.BRUSSELS);

        assertThat(graph.id()).isEqualTo("image-detection-graph");
        assertThat(graph.version()).isEqualTo("1.0.0");
        assertThat(graph.imVersion()).isEqualTo("0.4.0");
        assertThat(graph.designer()).isEqualTo("NTUA");
        assertThat(graph.description()).isEqualTo("Brussels demo");
        assertThat(graph.hdaGraphIntent())
                .containsEntry("useStaticPlacement", true)
                .containsEntry("security", Map.of("enabled", false));
        assertThat(graph.serviceIds()).containsExactly("image-compression-vo", "noise-reduction", "image-detection");

        Service vo = graph.services().get(0);
        assertThat(vo.artifact().ociImage()).isEqualTo("oci://10.0.3.53:5000/test/image-compression-vo");
        assertThat(vo.artifact().ociConfig()).isEqualTo(new OciConfig("VO", "WOT", Map.of()));
        assertThat(vo.artifact().ociRun()).isEqualTo(new OciRun("HELM", "v3", Map.of()));
        assertThat(vo.artifact().valuesOverwrite()).containsOnlyKeys("voDescriptorOverwrite", "voChartOverwrite");
        assertThat(vo.intent().compute()).isEqualTo(Compute.of("light", "light", "small"));
        assertThat(vo.intent().connectionPoints()).containsExactly("noise-reduction");
        assertThat(vo.intent().network().latencies())
                .containsExactly(new Latency("noise-reduction", "best-effort", Map.of()));
        Trigger.Event event = (Trigger.Event) vo.deployment().trigger();
        assertThat(event.condition()).isEqualTo(EventCondition.ANY);
        EventSpec spec = event.events().get(0);
        assertThat(spec.id()).isEqualTo("main-event");
        assertThat(spec.source()).isEqualTo(List.of(Map.of("serviceId", "vo", "metricId", "vo-metric")));
        assertThat(spec.condition().promQuery()).isEqualTo("absent(up{prometheus=\"kc1/kube-prometheus-operator\"})");
        assertThat(spec.condition().gracePeriod()).isEqualTo(Duration.ofMinutes(2));
        assertThat(spec.condition().gracePeriodText()).isEqualTo("2m");
        assertThat(graph.services().get(1).deployment().trigger()).isEqualTo(Trigger.auto(List.of()));
    }

    @Test
    void readsTheMyWebappExample() {
        HdaGraph graph = Descriptors.parse(Examples.MY_WEBAPP);

        assertThat(graph.services()).hasSize(3);
        assertThat(graph.services().get(0).deployment().trigger()).isEqualTo(Trigger.standard());
        assertThat(graph.services().get(0).intent().compute().storage()).isEqualTo("none");
        assertThat(graph.services().get(0).artifact().valuesOverwrite())
                .isEqualTo(Map.of("serviceType", "ClusterIP", "image", Map.of("tag", "latest")));
        Trigger.Event event = (Trigger.Event)
                graph.service("user-db").orElseThrow().deployment().trigger();
        assertThat(event.condition()).isEqualTo(EventCondition.AND);
        assertThat(event.events().get(0).source()).isEqualTo("prometheus");
        assertThat(event.events().get(0).condition().gracePeriod()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void toMapWritesTheTypeShapeOfTriggers() {
        HdaGraph graph = Descriptors.parse(Examples.BRUSSELS);

        Map<String, Object> document = Descriptors.toMap(graph);

        @SuppressWarnings("unchecked")
        Map<String, Object> hdaGraph = (Map<String, Object>) document.get("hdaGraph");
        @SuppressWarnings("unchecked")
        List<Map<String, Map<String, Object>>> services =
                (List<Map<String, Map<String, Object>>>) hdaGraph.get("services");
        assertThat(services.get(1).get("deployment").get("trigger"))
                .isEqualTo(Map.of("type", "auto", "auto", Map.of("dependencies", List.of())));
    }

    @Test
    void parsesFromBytesStringAndPathAlike() throws Exception {
        Path file = Examples.MY_WEBAPP;
        byte[] bytes = java.nio.file.Files.readAllBytes(file);

        assertThat(Descriptors.parse(bytes))
                .isEqualTo(Descriptors.parse(file))
                .isEqualTo(Descriptors.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)));
    }
}
