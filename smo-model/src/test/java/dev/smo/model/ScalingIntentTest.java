package dev.smo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScalingIntentTest {

    private static final String PATH = "/hdaGraph/services/0/deployment/intent/scaling";

    private static String descriptor(String scaling) {
        return Descriptor.withCompute("{cpu: light}") + "          scaling: " + scaling + "\n";
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of(
                        "coefficients given",
                        "{minReplicas: 2, maxReplicas: 5, alpha: 30, beta: -4.5}",
                        new ScalingIntent(
                                2,
                                5,
                                OptionalDouble.of(30),
                                OptionalDouble.of(-4.5),
                                Optional.empty(),
                                Optional.empty(),
                                1.0,
                                java.util.Map.of())),
                Arguments.of(
                        "profile to be learned",
                        "{maxReplicas: 3, targetUtilisation: 0.8, requestRate: 'sum(rate(x[1m]))'}",
                        new ScalingIntent(
                                1,
                                3,
                                OptionalDouble.empty(),
                                OptionalDouble.empty(),
                                Optional.of("sum(rate(x[1m]))"),
                                Optional.empty(),
                                0.8,
                                java.util.Map.of())),
                Arguments.of(
                        "min 0, alpha only, replicas query",
                        "{minReplicas: 0, maxReplicas: 1, alpha: 2.5, replicasQuery: 'sum(up)'}",
                        new ScalingIntent(
                                0,
                                1,
                                OptionalDouble.of(2.5),
                                OptionalDouble.empty(),
                                Optional.empty(),
                                Optional.of("sum(up)"),
                                1.0,
                                java.util.Map.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesTheTypedIntentAndWritesItBack(String name, String scaling, ScalingIntent expected) {
        HdaGraph graph = Descriptors.parse(descriptor(scaling));

        assertThat(graph.services().get(0).intent().scaling()).contains(expected);
        assertThat(graph.services().get(0).intent().extensions()).doesNotContainKey("scaling");
        assertThat(Descriptors.parse(Descriptors.toYaml(graph))).isEqualTo(graph);
        assertThat(Descriptors.parse(Descriptors.toJson(graph))).isEqualTo(graph);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("{maxReplicas: 3, alpha: '30'}", "/alpha", "alpha must be a number, not a string (30)"),
                Arguments.of("{maxReplicas: 3, alpha: true}", "/alpha", "alpha must be a number, not a boolean"),
                Arguments.of("{maxReplicas: 3, alpha: -1}", "/alpha", "alpha (-1) must be a positive number"),
                Arguments.of("{maxReplicas: 3, alpha: 1, beta: x}", "/beta", "beta must be a number"),
                Arguments.of("{maxReplicas: 3, beta: 2}", "/beta", "has beta (2) without alpha"),
                Arguments.of("{alpha: 3}", "/maxReplicas", "has no maxReplicas"),
                Arguments.of("{maxReplicas: 0, minReplicas: 0}", "/maxReplicas", "maxReplicas (0) is not in 1..1000"),
                Arguments.of("{maxReplicas: 2, minReplicas: 3}", "/maxReplicas", "is below minReplicas (3)"),
                Arguments.of("{maxReplicas: 2, minReplicas: -1}", "/minReplicas", "minReplicas (-1) is not in 0..1000"),
                Arguments.of("{maxReplicas: 2.5}", "/maxReplicas", "maxReplicas (2.5) is not a whole number"),
                Arguments.of("{maxReplicas: 2, targetUtilisation: 0}", "/targetUtilisation", "is not in (0, 1]"),
                Arguments.of("{maxReplicas: 2, targetUtilisation: 1.01}", "/targetUtilisation", "is not in (0, 1]"),
                Arguments.of("{maxReplicas: 2, replicasQuery: ' '}", "/replicasQuery", "replicasQuery is empty"),
                Arguments.of("[1, 2]", "", "scaling must be a mapping, not a list"));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("invalid")
    void refusesWithTheJsonPointerOfTheField(String scaling, String field, String message) {
        InvalidDescriptorException thrown =
                catchThrowableOfType(InvalidDescriptorException.class, () -> Descriptors.parse(descriptor(scaling)));

        assertThat(thrown).isNotNull();
        assertThat(thrown.violations()).hasSize(1);
        assertThat(thrown.violations().get(0).path()).isEqualTo(PATH + field);
        assertThat(thrown.violations().get(0).message()).contains(message);
    }

    @org.junit.jupiter.api.Test
    void coversEveryRule() {
        assertThat(valid()).hasSize(3);
        assertThat(invalid()).hasSize(14);
        assertThat(Descriptors.validate(HdaGraph.of(
                        "demo",
                        List.of(Service.of(
                                "web",
                                "oci://registry/web",
                                Intent.of(Compute.of("light", null, null), List.of())
                                        .withScaling(ScalingIntent.of(3, 2, 0, 0)))))))
                .extracting(Violation::path)
                .containsExactly(PATH + "/maxReplicas", PATH + "/alpha");
    }
}
