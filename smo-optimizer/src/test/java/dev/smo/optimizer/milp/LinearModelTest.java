package dev.smo.optimizer.milp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.common.SmoException;
import org.junit.jupiter.api.Test;

class LinearModelTest {

    @Test
    void duplicateVariableNameIsRejected() {
        LinearModel model = LinearModel.create("m");
        model.binary("x");

        assertThatThrownBy(() -> model.binary("x"))
                .isInstanceOf(InvalidModelException.class)
                .isInstanceOf(SmoException.class)
                .hasMessageContaining("Variable (x) already exists");
    }

    @Test
    void boundsWithLowerAboveUpperAreRejected() {
        assertThatThrownBy(() -> LinearModel.create("m").integer("n", 3, 1))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("Maybe swap the bounds");
    }

    @Test
    void variableOfAnotherModelIsRejected() {
        LinearModel other = LinearModel.create("other");
        other.binary("a");
        Variable foreign = other.binary("b");
        LinearModel model = LinearModel.create("m");

        assertThatThrownBy(() ->
                        model.minimise(LinearExpression.builder().add(foreign).build()))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("another model");
    }

    @Test
    void expressionConstantMovesToTheRightHandSide() {
        LinearModel model = LinearModel.create("m");
        Variable x = model.continuous("x", 0, 10);

        Constraint c = model.constraint(
                "c", LinearExpression.builder().add(2, x).add(x).constant(4).build(), Relation.LESS_OR_EQUAL, 10);

        assertThat(c.rhs()).isEqualTo(6);
        assertThat(c.expression().coefficient(0)).isEqualTo(3);
        assertThat(c.isSatisfiedBy(new double[] {2}, 1e-9)).isTrue();
        assertThat(c.isSatisfiedBy(new double[] {2.1}, 1e-9)).isFalse();
    }
}
