package dev.smo.server.cli;

import dev.smo.core.Plan;
import dev.smo.core.PlannedService;
import dev.smo.intent.Quantity;
import dev.smo.optimizer.placement.Explanation;
import dev.smo.optimizer.placement.ObjectiveTerms;
import dev.smo.optimizer.placement.PlacementResult;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Prints a {@link Plan} as a table and a summary; {@code --json} prints {@code Views.plan}, as the server does. */
final class PlanReport {

    private PlanReport() {}

    static void print(PrintWriter out, Plan plan) {
        PlacementResult result = plan.placement();
        if (plan.feasible()) {
            Table table = new Table("SERVICE", "CLUSTER", "REPLICAS", "CPU", "MEMORY", "STORAGE", "GPUS", "PENDING");
            for (PlannedService s : plan.services()) {
                table.row(
                        s.name(),
                        s.cluster(),
                        s.replicas(),
                        Quantity.formatMillis(s.resources().cpuMillis()),
                        Quantity.formatBytes(s.resources().memoryBytes()),
                        s.resources().storageBytes() == 0
                                ? "none"
                                : Quantity.formatBytes(s.resources().storageBytes()),
                        s.resources().gpus(),
                        s.pending() ? "yes (event trigger)" : "no");
            }
            table.print(out);
            out.println();
            ObjectiveTerms terms = result.terms();
            out.println("objective: moves " + terms.moves() + ", cut edges " + terms.cutWeight() + ", tie-breaker "
                    + number(terms.tieBreaker()) + ", total " + number(terms.total()));
        } else {
            out.println("No placement for graph (" + plan.graph() + "): "
                    + result.explanation()
                            .map(Explanation::message)
                            .orElse(result.status().name()));
        }
        out.println("solver: "
                + (plan.feasible() ? result.describe() : result.status().name()) + ", bound "
                + number(result.bound()) + ", " + result.nodes() + (result.nodes() == 1 ? " node, " : " nodes, ")
                + millis(result) + " ms");
    }

    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "none";
        }
        return new BigDecimal(value)
                .round(MathContext.DECIMAL32)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String millis(PlacementResult result) {
        return String.format(Locale.ROOT, "%.1f", result.wallTime().toNanos() / 1e6);
    }
}
