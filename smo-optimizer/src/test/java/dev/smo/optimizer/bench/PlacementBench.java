package dev.smo.optimizer.bench;

import dev.smo.optimizer.internal.placement.PlacementEvaluator;
import dev.smo.optimizer.internal.placement.PlacementMilpFormulation;
import dev.smo.optimizer.milp.SolverOptions;
import dev.smo.optimizer.placement.ObjectiveTerms;
import dev.smo.optimizer.placement.PlacementOptimizer;
import dev.smo.optimizer.placement.PlacementProblem;
import dev.smo.optimizer.placement.PlacementResult;
import dev.smo.optimizer.support.Families;
import dev.smo.optimizer.support.Families.Family;
import dev.smo.optimizer.support.OrToolsBridge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark (not a unit test): seeded placement instances of each {@link Families family} and size, solved by this
 * engine and by OR-Tools reference solvers (SCIP, and CP-SAT with 2 workers, through MPSolver on the same MILP) in
 * the same JVM, after a warm-up of all.
 *
 * <p>Arguments: {@code [--family default|lexicographic|tight|gpu-full|many-removed|all] [--sizes 10x3,50x10,...]
 * [--seeds 42,1] [--limit SECONDS] [--reference-limit SECONDS] [--solvers SCIP,CP_SAT]}. One line per instance:
 * status, moves, cut weight, objective, time and nodes of this engine, then status, moves, cut weight and time of each
 * reference, the ratio (fastest proving reference time / this engine's time; > 1: this engine is faster) and a check
 * (equal, BETTER or WORSE objective than a reference that proved its optimum).
 */
public final class PlacementBench {

    private PlacementBench() {}

    public static void main(String[] args) {
        String families = "default";
        List<int[]> sizes = parseSizes("10x3,50x10,100x20,200x50,500x50");
        List<Long> seeds = List.of(42L);
        Duration limit = Duration.ofSeconds(10);
        Duration referenceLimit = Duration.ofSeconds(60);
        String solvers = "SCIP,CP_SAT";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--family" -> families = args[i + 1];
                case "--sizes" -> sizes = parseSizes(args[i + 1]);
                case "--seeds", "--seed" -> seeds = parseSeeds(args[i + 1]);
                case "--limit" -> limit = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                case "--reference-limit" -> referenceLimit = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                case "--solvers", "--solver" -> solvers = args[i + 1];
                default ->
                    throw new IllegalArgumentException("Unknown argument (" + args[i] + ").\n"
                            + "Maybe use --family, --sizes, --seeds, --limit, --reference-limit or --solvers.");
            }
        }
        List<Family> chosen = new ArrayList<>();
        for (String name : families.split(",", -1)) {
            if (name.equals("all")) {
                chosen.addAll(List.of(Family.values()));
            } else {
                chosen.add(Family.of(name));
            }
        }
        String[] references = solvers.isEmpty() ? new String[0] : solvers.split(",", -1);
        PlacementOptimizer optimizer =
                PlacementOptimizer.create(SolverOptions.defaults().withTimeLimit(limit));
        warmUp(optimizer, references);
        StringBuilder header = new StringBuilder(String.format(
                Locale.ROOT,
                "%-13s %-8s %4s | %-20s %5s %6s %14s %9s %9s",
                "family",
                "size",
                "seed",
                "smo",
                "moves",
                "cut",
                "objective",
                "time ms",
                "nodes"));
        for (String reference : references) {
            header.append(String.format(
                    Locale.ROOT, " | %-10s %5s %6s %14s %9s", reference, "moves", "cut", "objective", "time ms"));
        }
        System.out.println(header.append(" |   ratio | check"));
        for (Family family : chosen) {
            for (int[] size : sizes) {
                for (long seed : seeds) {
                    run(optimizer, references, referenceLimit, family, size, seed);
                }
            }
        }
    }

    private static void run(
            PlacementOptimizer optimizer,
            String[] references,
            Duration referenceLimit,
            Family family,
            int[] size,
            long seed) {
        PlacementProblem problem = Families.generate(family, seed, size[0], size[1]);
        PlacementResult ours = optimizer.solve(problem);
        double oursMs = ours.wallTime().toNanos() / 1e6;
        ObjectiveTerms terms = ours.terms();
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "%-13s %-8s %4d | %-20s %5s %6s %14.6f %9.1f %9d",
                family.label(),
                size[0] + "x" + size[1],
                seed,
                ours.describe().lines().findFirst().orElse(""),
                terms == null ? "-" : Integer.toString(terms.moves()),
                terms == null ? "-" : Long.toString(terms.cutWeight()),
                ours.objective(),
                oursMs,
                ours.nodes()));
        PlacementMilpFormulation formulation = PlacementMilpFormulation.of(problem);
        PlacementEvaluator evaluator = new PlacementEvaluator(problem);
        double fastestProof = Double.POSITIVE_INFINITY;
        String check = "";
        for (String reference : references) {
            OrToolsBridge.Outcome ref = solveReference(formulation, reference, referenceLimit);
            double refMs = ref.time().toNanos() / 1e6;
            ObjectiveTerms refTerms = null;
            if (ref.values() != null) {
                Map<String, String> assignment = formulation.assignment(ref.values());
                if (assignment.size() == problem.services().size() && evaluator.firstViolation(assignment) == null) {
                    refTerms = evaluator.terms(assignment);
                }
            }
            line.append(String.format(
                    Locale.ROOT,
                    " | %-10s %5s %6s %14.6f %9.1f",
                    ref.status(),
                    refTerms == null ? "-" : Integer.toString(refTerms.moves()),
                    refTerms == null ? "-" : Long.toString(refTerms.cutWeight()),
                    refTerms == null ? Double.NaN : refTerms.total(),
                    refMs));
            if (ref.optimal() && refTerms != null) {
                fastestProof = Math.min(fastestProof, refMs);
                if (terms == null) {
                    check = "NO PLACEMENT";
                } else if (!check.equals("WORSE") && !check.equals("NO PLACEMENT")) {
                    double tolerance = 1e-6 * Math.max(1, Math.abs(refTerms.total()));
                    double diff = terms.total() - refTerms.total();
                    check = diff > tolerance ? "WORSE" : diff < -tolerance ? "BETTER" : "equal";
                }
            }
        }
        line.append(String.format(
                Locale.ROOT,
                " | %7.2f | %s",
                Double.isInfinite(fastestProof) ? Double.NaN : fastestProof / Math.max(oursMs, 1e-3),
                check));
        System.out.println(line);
        System.out.flush();
    }

    private static OrToolsBridge.Outcome solveReference(
            PlacementMilpFormulation formulation, String solver, Duration limit) {
        String specific = solver.equals("CP_SAT") ? "num_workers:2" : "";
        return OrToolsBridge.solve(formulation.model(), solver, limit, specific);
    }

    private static void warmUp(PlacementOptimizer optimizer, String[] references) {
        for (int round = 0; round < 5; round++) {
            for (int[] size : new int[][] {{10, 3}, {50, 10}, {100, 20}}) {
                PlacementProblem problem = Families.generate(Family.DEFAULT, 1000 + round, size[0], size[1]);
                optimizer.solve(problem);
                if (round < 2) {
                    for (String reference : references) {
                        solveReference(PlacementMilpFormulation.of(problem), reference, Duration.ofSeconds(5));
                    }
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

    private static List<Long> parseSeeds(String text) {
        List<Long> seeds = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            seeds.add(Long.parseLong(part.trim()));
        }
        return seeds;
    }
}
