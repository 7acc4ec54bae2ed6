package dev.smo.optimizer.internal.lp;

import dev.smo.optimizer.milp.Relation;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Adapts commons-math3's dense {@link SimplexSolver}. Columns are shifted to non-negative form
 * ({@code x = l + y}, {@code x = u − y} or {@code x = y⁺ − y⁻}); fixed columns are substituted out; rows left
 * empty are checked and dropped. The library's exceptions become {@link LpStatus} values.
 */
public final class CommonsMathLpSolver implements LpRelaxationSolver {

    private static final double EMPTY_ROW_TOLERANCE = 1e-9;
    private final int maxIterations;

    public CommonsMathLpSolver(int maxIterations) {
        this.maxIterations = maxIterations;
    }

    @Override
    public LpSolution solve(LpProblem p) {
        int n = p.columns();
        int[] first = new int[n]; // first y column of x_j, -1 if fixed
        int[] kind = new int[n]; // 0 fixed, 1 shift from lower, 2 mirror from upper, 3 free split
        int cols = 0;
        for (int j = 0; j < n; j++) {
            double l = p.lower()[j];
            double u = p.upper()[j];
            if (l > u) {
                return LpSolution.of(LpStatus.INFEASIBLE);
            }
            if (l == u) {
                kind[j] = 0;
                first[j] = -1;
            } else if (Double.isFinite(l)) {
                kind[j] = 1;
                first[j] = cols++;
            } else if (Double.isFinite(u)) {
                kind[j] = 2;
                first[j] = cols++;
            } else {
                kind[j] = 3;
                first[j] = cols;
                cols += 2;
            }
        }
        double constant = p.constant();
        double[] c = new double[cols];
        for (int j = 0; j < n; j++) {
            constant += p.objective()[j] * base(kind[j], p.lower()[j], p.upper()[j]);
            addColumn(c, kind[j], first[j], p.objective()[j]);
        }
        List<LinearConstraint> rows = new ArrayList<>();
        for (LpRow row : p.rows()) {
            double[] a = new double[cols];
            double rhs = row.rhs();
            boolean empty = true;
            for (int t = 0; t < row.indices().length; t++) {
                int j = row.indices()[t];
                double coefficient = row.coefficients()[t];
                rhs -= coefficient * base(kind[j], p.lower()[j], p.upper()[j]);
                if (kind[j] != 0 && coefficient != 0) {
                    empty = false;
                    addColumn(a, kind[j], first[j], coefficient);
                }
            }
            if (empty) {
                if (!row.relation().holds(0, rhs, EMPTY_ROW_TOLERANCE)) {
                    return LpSolution.of(LpStatus.INFEASIBLE);
                }
                continue;
            }
            rows.add(new LinearConstraint(a, relationship(row.relation()), rhs));
        }
        for (int j = 0; j < n; j++) {
            if (kind[j] == 1 && Double.isFinite(p.upper()[j])) {
                double[] a = new double[cols];
                a[first[j]] = 1;
                rows.add(new LinearConstraint(a, Relationship.LEQ, p.upper()[j] - p.lower()[j]));
            }
        }
        double[] y;
        double value;
        if (cols == 0) {
            y = new double[0];
            value = constant;
        } else {
            try {
                PointValuePair optimum = new SimplexSolver(1e-9, 10, 1e-11)
                        .optimize(
                                new MaxIter(maxIterations),
                                new LinearObjectiveFunction(c, constant),
                                new LinearConstraintSet(rows),
                                GoalType.MINIMIZE,
                                new NonNegativeConstraint(true));
                y = optimum.getPoint();
                value = optimum.getValue();
            } catch (NoFeasibleSolutionException e) {
                return LpSolution.of(LpStatus.INFEASIBLE);
            } catch (UnboundedSolutionException e) {
                return LpSolution.of(LpStatus.UNBOUNDED);
            } catch (TooManyIterationsException e) {
                return LpSolution.of(LpStatus.ERROR);
            }
        }
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = switch (kind[j]) {
                case 0 -> p.lower()[j];
                case 1 -> p.lower()[j] + y[first[j]];
                case 2 -> p.upper()[j] - y[first[j]];
                default -> y[first[j]] - y[first[j] + 1];
            };
        }
        return new LpSolution(LpStatus.OPTIMAL, value, x);
    }

    private static double base(int kind, double lower, double upper) {
        return switch (kind) {
            case 0, 1 -> lower;
            case 2 -> upper;
            default -> 0;
        };
    }

    private static void addColumn(double[] target, int kind, int first, double coefficient) {
        switch (kind) {
            case 1 -> target[first] += coefficient;
            case 2 -> target[first] -= coefficient;
            case 3 -> {
                target[first] += coefficient;
                target[first + 1] -= coefficient;
            }
            default -> {}
        }
    }

    private static Relationship relationship(Relation relation) {
        return switch (relation) {
            case LESS_OR_EQUAL -> Relationship.LEQ;
            case EQUAL -> Relationship.EQ;
            case GREATER_OR_EQUAL -> Relationship.GEQ;
        };
    }
}
