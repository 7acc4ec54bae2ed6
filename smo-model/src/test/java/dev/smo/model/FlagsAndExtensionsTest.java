package dev.smo.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlagsAndExtensionsTest {

    @ParameterizedTest(name = "enabled: {0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'True'   | true",
                "'true'   | true",
                "'TRUE'   | true",
                "True     | true",
                "true     | true",
                "'False'  | false",
                "'false'  | false",
                "False    | false",
                "false    | false"
            })
    void gpuEnabledAcceptsStringsAndBooleans(String written, boolean expected) {
        HdaGraph graph = Descriptors.parse(Descriptor.withCompute("{cpu: small, gpu: {enabled: " + written + "}}"));

        Gpu gpu = graph.services().get(0).intent().compute().gpu();
        assertThat(gpu.enabled()).isEqualTo(expected);
        assertThat(gpu.requested()).isEqualTo(expected ? 1 : 0);
    }

    @Test
    void gpuCountIsKeptWhenEnabled() {
        HdaGraph graph = Descriptors.parse(Descriptor.withCompute("{cpu: small, gpu: {enabled: 'True', count: 2}}"));

        assertThat(graph.services().get(0).intent().compute().gpu()).isEqualTo(Gpu.of(2));
        assertThat(Descriptors.parse(Descriptors.toYaml(graph))).isEqualTo(graph);
    }

    @Test
    void deviceProximityAcceptsTheOriginalsString() {
        String text = Descriptor.withCompute("{cpu: small}")
                .replace(
                        "          compute:",
                        "          network: {deviceProximity: {enabled: 'True'}}\n          compute:");

        HdaGraph graph = Descriptors.parse(text);

        assertThat(graph.services().get(0).intent().network().deviceProximity().enabled())
                .isTrue();
    }

    @Test
    void unknownFieldsAreKeptAtEveryLevelAndWrittenBack() {
        String text = """
                hdaGraph:
                  id: demo
                  owner: {team: vision}
                  services:
                    - id: web
                      tier: frontend
                      artifact: {ociImage: oci://registry/web, digest: sha256-abc, ociConfig: {type: App, extra: 1}}
                      deployment:
                        rollout: canary
                        trigger: {event: {condition: any, events: [{id: e1, severity: high, condition: {promQuery: up == 0, gracePeriod: 1h30m, labels: {a: b}}}], window: 5m}}
                        intent:
                          compute: {cpu: 250m, ram: 3Gi, storage: none, gpu: {enabled: false, vendor: nvidia, model: a100}, arch: arm64}
                          network: {latencies: [{connectionPoint: web, qos: low, maxMs: 10}], deviceProximity: {enabled: False, radius: 5}, mesh: istio}
                          priority: 3
                """;

        HdaGraph graph = Descriptors.parse(text);

        assertThat(graph.extensions()).isEqualTo(Map.of("owner", Map.of("team", "vision")));
        Service web = graph.services().get(0);
        assertThat(web.extensions()).isEqualTo(Map.of("tier", "frontend"));
        assertThat(web.artifact().extensions()).isEqualTo(Map.of("digest", "sha256-abc"));
        assertThat(web.artifact().ociConfig().extensions()).isEqualTo(Map.of("extra", 1));
        assertThat(web.deployment().extensions()).isEqualTo(Map.of("rollout", "canary"));
        Trigger.Event event = (Trigger.Event) web.deployment().trigger();
        assertThat(event.extensions()).isEqualTo(Map.of("window", "5m"));
        assertThat(event.events().get(0).extensions()).isEqualTo(Map.of("severity", "high"));
        assertThat(event.events().get(0).condition().extensions()).isEqualTo(Map.of("labels", Map.of("a", "b")));
        assertThat(web.intent().extensions()).isEqualTo(Map.of("priority", 3));
        assertThat(web.intent().compute().extensions()).isEqualTo(Map.of("arch", "arm64"));
        assertThat(web.intent().compute().gpu().extensions()).isEqualTo(Map.of("model", "a100"));
        assertThat(web.intent().compute().gpu().vendor()).isEqualTo("nvidia");
        assertThat(web.intent().network().extensions()).isEqualTo(Map.of("mesh", "istio"));
        assertThat(web.intent().network().latencies().get(0).extensions()).isEqualTo(Map.of("maxMs", 10));
        assertThat(web.intent().network().deviceProximity().extensions()).isEqualTo(Map.of("radius", 5));
        assertThat(Descriptors.parse(Descriptors.toYaml(graph))).isEqualTo(graph);
        assertThat(Descriptors.parse(Descriptors.toJson(graph))).isEqualTo(graph);
    }

    @Test
    void genericValuesKeepStringsThatLookLikeOtherTypes() {
        String text = Descriptor.withCompute("{cpu: '2'}")
                .replace(
                        "artifact: {ociImage: oci://registry/web}",
                        "artifact: {ociImage: oci://registry/web, valuesOverwrite: {a: '1', b: 'true', c: '', d: 'null', e: '1.5', f: ~, g: [1, '2']}}");

        HdaGraph graph = Descriptors.parse(text);
        Map<String, Object> values = graph.services().get(0).artifact().valuesOverwrite();

        assertThat(values)
                .containsEntry("a", "1")
                .containsEntry("b", "true")
                .containsEntry("c", "")
                .containsEntry("d", "null")
                .containsEntry("e", "1.5")
                .containsEntry("f", null)
                .containsEntry("g", List.of(1, "2"));
        assertThat(Descriptors.parse(Descriptors.toYaml(graph))).isEqualTo(graph);
    }

    @Test
    void bothTriggerShapesReadTheSame() {
        String typed = Descriptor.withCompute("{cpu: small}");
        String bare = typed.replace("{type: standard}", "{standard: {}}");
        String auto = typed.replace("{type: standard}", "{type: auto, auto: {dependencies: [web]}}");
        String bareAuto = typed.replace("{type: standard}", "{auto: {dependencies: [web]}}");

        assertThat(Descriptors.parse(bare)
                        .services()
                        .get(0)
                        .deployment()
                        .trigger()
                        .type())
                .isEqualTo("standard");
        assertThat(Descriptors.parse(auto)).isEqualTo(Descriptors.parse(bareAuto));
    }
}
