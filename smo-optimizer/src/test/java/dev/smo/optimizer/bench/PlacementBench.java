package dev.smo.optimizer.bench;

import dev.smo.optimizer.internal.placement.PlacementMilpFormulation;
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.milp.Termination;
import dev.smo.optimizer.placement.PlacementOptimizer;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementResult;
import dev.smo.optimizer.support.OrToolsBridge;
import dev.smo.optimizer.support.RandomInstances;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (not a unit test): seeded placement instances at several sizes, solved by this engine and by OR-Tools
 * (SCIP through MPSolver, same MILP) in the same JVM, after a warm-up of both.
 *
 * <p>Arguments: {@code [--sizes 10x3,50x10,...] [--seed N] [--limit SECONDS] [--solver SCIP|CBC|CP_SAT]}.
 */
public final class PlacementBench {

    private PlacementBench() {}

    public static void main(String[] args) {
        List<int[]> sizes = parseSizes("10x3,50x10,100x20,200x50,500x50");
        long seed = 42;
        Duration limit = Duration.ofSeconds(10);
        Duration referenceLimit = Duration.ofSeconds(60);
        String solver = "SCIP";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" -> sizes = parseSizes(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--limit" -> limit = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                case "--reference-limit" -> referenceLimit = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                case "--solver" -> solver = args[i + 1];
                default ->
                    throw new IllegalArgumentException("Unknown argument (" + args[i] + ").\n"
                            + "Maybe use --sizes, --seed, --limit, --reference-limit or --solver.");
            }
        }
        PlacementOptimizer optimizer =
                PlacementOptimizer.create(SolverOptions.defaults().withTimeLimit(limit));
        warmUp(optimizer, solver);
        System.out.printf(
                Locale.ROOT,
                "%-8s | %-16s %14s %9s %8s | %-10s %14s %9s | %7s | %s%n",
                "size",
                "smo",
                "objective",
                "time ms",
                "nodes",
                solver,
                "objective",
                "time ms",
                "ratio",
                "check");
        for (int[] size : sizes) {
            PlacementProblem problem = RandomInstances.generate(seed, RandomInstances.Shape.bench(size[0], size[1]));
            PlacementResult ours = optimizer.solve(problem);
            OrToolsBridge.Outcome ref =
                    OrToolsBridge.solve(PlacementMilpFormulation.of(problem).model(), solver, referenceLimit);
            double oursMs = ours.wallTime().toNanos() / 1e6;
            double refMs = ref.time().toNanos() / 1e6;
            String check = "";
            if (ours.status() == Termination.OPTIMAL && ref.optimal()) {
                check = Math.abs(ours.objective() - ref.objective()) <= 1e-6 * Math.max(1, Math.abs(ref.objective()))
                        ? "equal"
                        : "MISMATCH";
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-8s | %-16s %14.6f %9.1f %8d | %-10s %14.6f %9.1f | %7.2f | %s%n",
                    size[0] + "x" + size[1],
                    ours.describe(),
                    ours.objective(),
                    oursMs,
                    ours.nodes(),
                    ref.status(),
                    ref.objective(),
                    refMs,
                    refMs / Math.max(oursMs, 1e-3),
                    check);
        }
    }

    private static void warmUp(PlacementOptimizer optimizer, String solver) {
        for (int round = 0; round < 5; round++) {
            for (int[] size : new int[][] {{10, 3}, {50, 10}, {100, 20}}) {
                PlacementProblem problem =
                        RandomInstances.generate(1000 + round, RandomInstances.Shape.bench(size[0], size[1]));
                optimizer.solve(problem);
                if (round < 2) {
                    OrToolsBridge.solve(PlacementMilpFormulation.of(problem).model(), solver, Duration.ofSeconds(5));
                }
            }
        }
    }

    private static List<int[]> parseSizes(String text) {
        List<int[]> sizes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String[] sc = part.trim().split("x", -1);
            sizes.add(new int[] {Integer.parseInt(sc[0]), Integer.parseInt(sc[1])});
        }
        return sizes;
    }
}
