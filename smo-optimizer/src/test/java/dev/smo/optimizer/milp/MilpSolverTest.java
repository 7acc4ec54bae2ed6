package dev.smo.optimizer.milp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MilpSolverTest {

    private final MilpSolver solver = MilpSolver.create(SolverOptions.defaults());

    static Stream<Arguments> textbookCases() {
        return Stream.of(
                Arguments.of(
                        "binary knapsack", (Consumer<LinearModel>) MilpSolverTest::knapsack, Termination.OPTIMAL, 23.0),
                Arguments.of(
                        "contradictory rows",
                        (Consumer<LinearModel>) m -> {
                            Variable x = m.continuous("x", 0, 10);
                            Variable y = m.continuous("y", 0, 10);
                            m.constraint("low", sum(x, y), Relation.GREATER_OR_EQUAL, 3);
                            m.constraint("high", sum(x, y), Relation.LESS_OR_EQUAL, 2);
                            m.minimise(sum(x, y));
                        },
                        Termination.INFEASIBLE,
                        Double.NaN),
                Arguments.of(
                        "LP feasible but no integer point",
                        (Consumer<LinearModel>) m -> {
                            Variable x = m.integer("x", 0, 10);
                            m.constraint(
                                    "half", LinearExpression.builder().add(2, x).build(), Relation.EQUAL, 1);
                            m.minimise(LinearExpression.builder().add(x).build());
                        },
                        Termination.INFEASIBLE,
                        Double.NaN),
                Arguments.of(
                        "unbounded ray",
                        (Consumer<LinearModel>) m -> {
                            Variable x = m.integer("x", 0, Double.POSITIVE_INFINITY);
                            Variable y = m.integer("y", 0, Double.POSITIVE_INFINITY);
                            m.constraint(
                                    "diff",
                                    LinearExpression.builder().add(x).add(-1, y).build(),
                                    Relation.LESS_OR_EQUAL,
                                    1);
                            m.maximise(sum(x, y));
                        },
                        Termination.UNBOUNDED,
                        Double.NaN),
                Arguments.of(
                        "equality constrained",
                        (Consumer<LinearModel>) m -> {
                            Variable x = m.integer("x", 0, 3);
                            Variable y = m.integer("y", 0, 10);
                            m.constraint("total", sum(x, y), Relation.EQUAL, 5);
                            m.minimise(
                                    LinearExpression.builder().add(x).add(2, y).build());
                        },
                        Termination.OPTIMAL,
                        7.0),
                Arguments.of(
                        "maximise with fractional LP optimum",
                        (Consumer<LinearModel>) m -> {
                            Variable x = m.integer("x", 0, 100);
                            Variable y = m.integer("y", 0, 100);
                            m.constraint(
                                    "a",
                                    LinearExpression.builder()
                                            .add(6, x)
                                            .add(4, y)
                                            .build(),
                                    Relation.LESS_OR_EQUAL,
                                    24);
                            m.constraint(
                                    "b",
                                    LinearExpression.builder().add(x).add(2, y).build(),
                                    Relation.LESS_OR_EQUAL,
                                    6);
                            m.maximise(LinearExpression.builder()
                                    .add(5, x)
                                    .add(4, y)
                                    .build());
                        },
                        Termination.OPTIMAL,
                        20.0),
                Arguments.of(
                        "free integer variable with negative bound",
                        (Consumer<LinearModel>) m -> {
                            Variable x = m.integer("x", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
                            m.constraint(
                                    "floor",
                                    LinearExpression.builder().add(x).build(),
                                    Relation.GREATER_OR_EQUAL,
                                    -3.5);
                            m.minimise(LinearExpression.builder()
                                    .add(x)
                                    .constant(1)
                                    .build());
                        },
                        Termination.OPTIMAL,
                        -2.0),
                Arguments.of(
                        "mixed continuous and integer",
                        (Consumer<LinearModel>) m -> {
                            Variable n = m.integer("n", 0, 10);
                            Variable c = m.continuous("c", 0, 10);
                            m.constraint(
                                    "cover",
                                    LinearExpression.builder().add(3, n).add(c).build(),
                                    Relation.GREATER_OR_EQUAL,
                                    7.5);
                            m.minimise(LinearExpression.builder()
                                    .add(2, n)
                                    .add(1, c)
                                    .build());
                        },
                        Termination.OPTIMAL,
                        5.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("textbookCases")
    void solvesTextbookCase(String name, Consumer<LinearModel> build, Termination expected, double objective) {
        LinearModel model = LinearModel.create(name);
        build.accept(model);

        SolveResult result = solver.solve(model);

        assertThat(result.termination()).isEqualTo(expected);
        if (expected.hasSolution()) {
            assertThat(result.objective()).isCloseTo(objective, within(1e-6));
            assertThat(model.firstViolation(result.values(), 1e-6)).isNull();
            assertThat(result.describe()).isEqualTo("OPTIMAL");
        }
    }

    @Test
    void knapsackPicksTheFirstTwoItems() {
        LinearModel model = LinearModel.create("knapsack");
        knapsack(model);

        SolveResult result = solver.solve(model);

        assertThat(result.values()).containsExactly(1, 1, 0, 0);
        assertThat(result.bestBound()).isCloseTo(23, within(1e-9));
        assertThat(result.gap()).isZero();
    }

    @Test
    void heuristicIncumbentIsRecheckedAndIgnoredWhenInfeasible() {
        LinearModel model = LinearModel.create("knapsack");
        knapsack(model);

        SolveResult result = solver.solve(model, m -> java.util.Optional.of(new double[] {1, 1, 1, 1}));

        assertThat(result.termination()).isEqualTo(Termination.OPTIMAL);
        assertThat(result.objective()).isCloseTo(23, within(1e-9));
    }

    @Test
    void nodeLimitKeepsTheHeuristicIncumbentWithItsGap() {
        LinearModel model = LinearModel.create("knapsack");
        knapsack(model);
        MilpSolver limited = MilpSolver.create(SolverOptions.defaults().withNodeLimit(1));

        SolveResult result = limited.solve(model, m -> java.util.Optional.of(new double[] {0, 1, 0, 1}));

        assertThat(result.termination()).isEqualTo(Termination.FEASIBLE);
        assertThat(result.objective()).isCloseTo(21, within(1e-9));
        assertThat(result.bestBound()).isGreaterThan(21);
        assertThat(result.describe()).matches("FEASIBLE \\(gap \\d+\\.\\d%\\)");
    }

    @Test
    void sameModelGivesTheSameResultTwice() {
        LinearModel model = LinearModel.create("knapsack");
        knapsack(model);

        SolveResult first = solver.solve(model);
        SolveResult second = solver.solve(model);

        assertThat(second.values()).containsExactly(first.values());
        assertThat(second.nodes()).isEqualTo(first.nodes());
    }

    private static void knapsack(LinearModel m) {
        double[] value = {10, 13, 7, 8};
        double[] weight = {3, 4, 2, 3};
        LinearExpression.Builder objective = LinearExpression.builder();
        LinearExpression.Builder capacity = LinearExpression.builder();
        for (int i = 0; i < value.length; i++) {
            Variable x = m.binary("item" + i);
            objective.add(value[i], x);
            capacity.add(weight[i], x);
        }
        m.constraint("capacity", capacity.build(), Relation.LESS_OR_EQUAL, 7);
        m.maximise(objective.build());
    }

    private static LinearExpression sum(Variable a, Variable b) {
        return LinearExpression.builder().add(a).add(b).build();
    }
}
