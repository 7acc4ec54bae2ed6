package dev.smo.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smo.core.PlanOptions;
import dev.smo.optimizer.placement.PlacementWeights;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanLimitsTest {

    static Stream<Arguments> accepted() {
        PlacementWeights lex = PlacementWeights.lexicographic();
        return Stream.of(
                Arguments.of(null, null, true, null, null),
                Arguments.of(null, null, false, null, Duration.ofSeconds(2)),
                Arguments.of("weighted", "30", true, PlacementWeights.DEFAULTS, Duration.ofSeconds(30)),
                Arguments.of("", null, true, null, null),
                Arguments.of("Lexicographic", "0.5", true, lex, Duration.ofMillis(500)),
                Arguments.of("lexicographic", "30", false, lex, Duration.ofSeconds(2)),
                Arguments.of(null, "1", false, null, Duration.ofSeconds(1)),
                Arguments.of(null, "120", true, null, Duration.ofSeconds(120)));
    }

    @ParameterizedTest(name = "objective={0} timeLimit={1} token={2}")
    @MethodSource("accepted")
    void options(String objective, String timeLimit, boolean token, PlacementWeights weights, Duration limit) {
        PlanOptions options = PlanLimits.options(objective, timeLimit, null, token);

        assertThat(options.weights()).isEqualTo(weights);
        assertThat(options.timeLimit()).isEqualTo(limit);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("best", null, "/objective"),
                Arguments.of(null, "0", "/timeLimit"),
                Arguments.of(null, "121", "/timeLimit"),
                Arguments.of(null, "NaN", "/timeLimit"),
                Arguments.of(null, "ten", "/timeLimit"),
                Arguments.of(null, "-1", "/timeLimit"),
                Arguments.of(null, "1e400", "/timeLimit"));
    }

    @ParameterizedTest(name = "objective={0} timeLimit={1}")
    @MethodSource("refused")
    void badParametersAreNamed(String objective, String timeLimit, String path) {
        for (boolean token : new boolean[] {true, false}) {
            Problems.BadRequest refused = catchThrowableOfType(
                    Problems.BadRequest.class, () -> PlanLimits.options(objective, timeLimit, null, token));
            assertThat(refused).isNotNull();
            assertThat(refused.path).isEqualTo(path);
        }
    }

    static Stream<Arguments> costs() {
        return Stream.of(
                Arguments.of(null, "20", null, new PlacementWeights(20, 1, 0.5), null),
                Arguments.of("weighted", null, "3", new PlacementWeights(10, 3, 0.5), null),
                Arguments.of(" Weighted ", "0", "0", new PlacementWeights(0, 0, 0.5), null),
                Arguments.of("weighted", "1000000", "1", new PlacementWeights(1_000_000, 1, 0.5), null),
                Arguments.of("lexicographic", "20", null, null, "/moveCost"),
                Arguments.of("lexicographic", null, "2", null, "/edgeCutCost"),
                Arguments.of("weighted", "-1", null, null, "/moveCost"),
                Arguments.of("weighted", "1000001", null, null, "/moveCost"),
                Arguments.of(null, null, "1.5", null, "/edgeCutCost"),
                Arguments.of(null, "ten", null, null, "/moveCost"));
    }

    @ParameterizedTest(name = "objective={0} moveCost={1} edgeCutCost={2}")
    @MethodSource("costs")
    void costsMakeAWeightedObjective(
            String objective, String moveCost, String edgeCutCost, PlacementWeights weights, String refusedAt) {
        if (refusedAt == null) {
            assertThat(PlanLimits.options(objective, moveCost, edgeCutCost, null, null, true)
                            .weights())
                    .isEqualTo(weights);
        } else {
            Problems.BadRequest refused = catchThrowableOfType(
                    Problems.BadRequest.class,
                    () -> PlanLimits.options(objective, moveCost, edgeCutCost, null, null, true));
            assertThat(refused).isNotNull();
            assertThat(refused.path).isEqualTo(refusedAt);
        }
    }

    @Test
    void aNodeLimitIsPassedOnWithOrWithoutAToken() {
        assertThat(PlanLimits.options(null, null, "500", false).nodeLimit()).isEqualTo(500L);
        assertThat(PlanLimits.options(null, null, " 1 ", true).nodeLimit()).isEqualTo(1L);
        assertThat(PlanLimits.options(null, null, null, true).nodeLimit()).isNull();
    }
}
