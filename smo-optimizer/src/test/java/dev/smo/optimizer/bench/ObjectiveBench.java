package dev.smo.optimizer.bench;

import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.placement.PlacementOptimizer;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementResult;
import dev.smo.optimizer.placement.PlacementWeights;
import dev.smo.optimizer.support.Families;
import dev.smo.optimizer.support.Families.Family;
import java.time.Duration;
import java.util.Locale;

/**
 * Development benchmark (not a unit test) behind the orchestrator's choice of objective for re-placement: each
 * family's re-placement instance solved with the default weights and with lexicographic weights, this engine only.
 * Per line: status, moves, cut weight and time of each. Arguments: {@code [--sizes 100x20,200x50] [--seeds 1,2]
 * [--limit 10]}.
 */
public final class ObjectiveBench {

    private ObjectiveBench() {}

    public static void main(String[] args) {
        String sizes = "100x20,200x50";
        String seeds = "1,2";
        long limit = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--sizes" -> sizes = args[i + 1];
                case "--seeds" -> seeds = args[i + 1];
                case "--limit" -> limit = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown argument (" + args[i] + ").");
            }
        }
        PlacementOptimizer optimizer =
                PlacementOptimizer.create(SolverOptions.defaults().withTimeLimit(Duration.ofSeconds(limit)));
        for (int seed = 0; seed < 3; seed++) {
            optimizer.solve(Families.generate(Family.TIGHT, 1000 + seed, 50, 10));
            optimizer.solve(Families.generate(Family.TIGHT, 1000 + seed, 50, 10, PlacementWeights.lexicographic()));
        }
        System.out.printf(
                Locale.ROOT,
                "%-13s %-7s %4s | %-20s %5s %6s %9s | %-20s %5s %6s %9s%n",
                "family",
                "size",
                "seed",
                "weighted",
                "moves",
                "cut",
                "ms",
                "lexicographic",
                "moves",
                "cut",
                "ms");
        for (Family family : Family.values()) {
            for (String size : sizes.split(",", -1)) {
                String[] sc = size.split("x", -1);
                int services = Integer.parseInt(sc[0]);
                int clusters = Integer.parseInt(sc[1]);
                for (String seed : seeds.split(",", -1)) {
                    long s = Long.parseLong(seed);
                    PlacementProblem weighted =
                            Families.generate(family, s, services, clusters, PlacementWeights.DEFAULTS);
                    PlacementResult w = optimizer.solve(weighted);
                    PlacementResult l = optimizer.solve(weighted.withWeights(PlacementWeights.lexicographic()));
                    System.out.printf(
                            Locale.ROOT, "%-13s %-7s %4s | %s | %s%n", family.label(), size, seed, cell(w), cell(l));
                }
            }
        }
    }

    private static String cell(PlacementResult r) {
        return String.format(
                Locale.ROOT,
                "%-20s %5d %6d %9.0f",
                r.describe(),
                r.terms() == null ? -1 : r.terms().moves(),
                r.terms() == null ? -1 : r.terms().cutWeight(),
                r.wallTime().toNanos() / 1e6);
    }
}
