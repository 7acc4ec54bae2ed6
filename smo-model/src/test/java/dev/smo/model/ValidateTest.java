package dev.smo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidateTest {

    @Test
    void acceptsAGraphBuiltInCode() {
        HdaGraph graph = HdaGraph.of(
                "demo",
                List.of(
                        Service.of(
                                "web",
                                "oci://registry/web",
                                Intent.of(Compute.of("light", "500Mi", "none"), List.of("db"))),
                        Service.of(
                                "db",
                                "https://registry/db",
                                Intent.of(Compute.of("2", "3Gi", "10G").withGpu(Gpu.of(2)), List.of()))));

        assertThat(Descriptors.validate(graph)).isEmpty();
        assertThat(Descriptors.parse(Descriptors.toYaml(graph))).isEqualTo(graph);
    }

    @Test
    void reportsRuleViolationsOfAGraphBuiltInCodeWithoutPositions() {
        HdaGraph graph = HdaGraph.of(
                "demo",
                List.of(Service.of("web", "registry/web", Intent.of(Compute.of("tiny", null, null), List.of("bd")))));

        assertThat(Descriptors.validate(graph))
                .extracting(Violation::path)
                .containsExactly(
                        "/hdaGraph/services/0/artifact/ociImage",
                        "/hdaGraph/services/0/deployment/intent/compute/cpu",
                        "/hdaGraph/services/0/deployment/intent/connectionPoints/0");
        assertThat(Descriptors.validate(graph))
                .allSatisfy(violation -> assertThat(violation.line()).isZero());
    }

    @Test
    void resourceLevelsAreAParameter() {
        String text = Descriptor.withCompute("{cpu: xlarge, ram: xlarge}");

        assertThatThrownBy(() -> Descriptors.parse(text))
                .isInstanceOf(InvalidDescriptorException.class)
                .hasMessageContaining("compute cpu (xlarge) is neither a resource level (light, small, medium, large)");
        ParseOptions options = ParseOptions.defaults().withResourceLevels(Set.of("light", "xlarge"));
        assertThat(Descriptors.parse(text, options)
                        .services()
                        .get(0)
                        .intent()
                        .compute()
                        .cpu())
                .isEqualTo("xlarge");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
        "cpu, 250m, true",
        "cpu, 2, true",
        "cpu, 0.5, true",
        "cpu, 1e3, true",
        "cpu, .5, true",
        "cpu, 3Gi, false",
        "cpu, none, false",
        "cpu, -1, false",
        "cpu, 1.5.2, false",
        "ram, 3Gi, true",
        "ram, 500Mi, true",
        "ram, 10G, true",
        "ram, 1024, true",
        "ram, 500m, false",
        "ram, none, false",
        "ram, 500MiB, false",
        "storage, none, true",
        "storage, 10G, true",
        "storage, 10GB, false",
        "storage, large, true"
    })
    void acceptsLevelsAndKubernetesQuantities(String resource, String value, boolean valid) {
        Compute compute = switch (resource) {
            case "cpu" -> Compute.of(value, null, null);
            case "ram" -> Compute.of(null, value, null);
            default -> Compute.of(null, null, value);
        };

        List<Violation> violations = Descriptors.validate(HdaGraph.of(
                "demo", List.of(Service.of("web", "oci://r/web", Intent.of(compute, List.of())))));

        assertThat(violations.isEmpty()).as("%s %s", resource, value).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "web, true",
        "a, true",
        "web-2, true",
        "Web, false",
        "web_2, false",
        "-web, false",
        "web-, false",
        "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghi, true",
        "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghij, false"
    })
    void serviceIdsMustBeHelmReleaseNames(String id, boolean valid) {
        HdaGraph graph = HdaGraph.of("demo", List.of(Service.of(id, "oci://r/c", Intent.EMPTY)));

        assertThat(Descriptors.validate(graph).isEmpty()).isEqualTo(valid);
    }

    @Test
    void recordsCopyTheirCollectionsAndApplyDefaults() {
        List<String> points = new java.util.ArrayList<>(List.of("db"));
        Intent intent = Intent.of(null, points);
        points.add("cache");

        assertThat(intent.connectionPoints()).containsExactly("db");
        assertThat(intent.compute()).isEqualTo(Compute.UNSPECIFIED);
        assertThat(intent.network()).isEqualTo(Network.EMPTY);
        assertThat(new Deployment(null, null, null).trigger()).isEqualTo(Trigger.standard());
        assertThatThrownBy(() -> intent.connectionPoints().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new Gpu(true, 0, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void alertConditionKeepsTextAndDurationInStep() {
        assertThat(AlertCondition.of("up == 0", "1h30m", null).gracePeriod()).isEqualTo(Duration.ofMinutes(90));
        assertThat(new AlertCondition("up == 0", Duration.ofSeconds(90), null, null, null).gracePeriodText())
                .isEqualTo("1m30s");
        assertThatThrownBy(() -> AlertCondition.of("up == 0", "90 seconds", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(90 seconds)");
    }
}
