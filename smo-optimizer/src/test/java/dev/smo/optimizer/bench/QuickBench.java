package dev.smo.optimizer.bench;

import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.placement.PlacementOptimizer;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementResult;
import dev.smo.optimizer.support.Families;
import dev.smo.optimizer.support.RandomInstances;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * Development benchmark (not a unit test): this engine only, on several seeds and sizes, median of repeated runs.
 * Arguments: {@code [--family default|lexicographic|tight|gpu-full|many-removed] [--sizes 50x10,100x20]
 * [--seeds 42,1,2] [--repeat 3] [--limit 10] [--nodes N]}; without {@code --family}, the round-1 generator
 * ({@link RandomInstances}).
 */
public final class QuickBench {

    private QuickBench() {}

    public static void main(String[] args) {
        String sizes = "50x10,100x20,200x50";
        String seeds = "42,1,2,3,4,5";
        int repeat = 3;
        long limit = 10;
        String family = null;
        long nodes = Long.MAX_VALUE;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" -> sizes = args[i + 1];
                case "--seeds" -> seeds = args[i + 1];
                case "--repeat" -> repeat = Integer.parseInt(args[i + 1]);
                case "--limit" -> limit = Long.parseLong(args[i + 1]);
                case "--family" -> family = args[i + 1];
                case "--nodes" -> nodes = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown argument (" + args[i] + ").");
            }
        }
        PlacementOptimizer optimizer = PlacementOptimizer.create(SolverOptions.defaults()
                .withTimeLimit(Duration.ofSeconds(limit))
                .withNodeLimit(nodes));
        for (int round = 0; round < 5; round++) {
            for (int[] size : new int[][] {{10, 3}, {50, 10}, {100, 20}}) {
                optimizer.solve(RandomInstances.generate(1000 + round, RandomInstances.Shape.bench(size[0], size[1])));
            }
        }
        for (String size : sizes.split(",", -1)) {
            String[] sc = size.split("x", -1);
            for (String seed : seeds.split(",", -1)) {
                int services = Integer.parseInt(sc[0]);
                int clusters = Integer.parseInt(sc[1]);
                PlacementProblem problem = family == null
                        ? RandomInstances.generate(
                                Long.parseLong(seed), RandomInstances.Shape.bench(services, clusters))
                        : Families.generate(Families.Family.of(family), Long.parseLong(seed), services, clusters);
                double[] ms = new double[repeat];
                PlacementResult r = null;
                for (int i = 0; i < repeat; i++) {
                    r = optimizer.solve(problem);
                    ms[i] = r.wallTime().toNanos() / 1e6;
                }
                Arrays.sort(ms);
                System.out.printf(
                        Locale.ROOT,
                        "%-13s %-7s seed %-3s | %-20s %14.6f bound %12.6f moves %4d cut %5d | %9.1f ms %9d nodes%n",
                        family == null ? "round-1" : family,
                        size,
                        seed,
                        r.describe(),
                        r.objective(),
                        r.bound(),
                        r.terms() == null ? -1 : r.terms().moves(),
                        r.terms() == null ? -1 : r.terms().cutWeight(),
                        ms[repeat / 2],
                        r.nodes());
            }
        }
    }
}
