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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link Plan} as a table and a summary, or as a JSON-ready map with the same content. */
final class PlanReport {

    private PlanReport() {
    }

    static void print(PrintWriter out, Plan plan) {
        PlacementResult result = plan.placement();
        if (plan.feasible()) {
            Table table = new Table("SERVICE", "CLUSTER", "REPLICAS", "CPU", "MEMORY", "STORAGE", "GPUS", "PENDING");
            for (PlannedService s : plan.services()) {
                table.row(s.name(), s.cluster(), s.replicas(), Quantity.formatMillis(s.resources().cpuMillis()),
                        Quantity.formatBytes(s.resources().memoryBytes()), s.resources().storageBytes() == 0 ? "none"
                                : Quantity.formatBytes(s.resources().storageBytes()), s.resources().gpus(),
                        s.pending() ? "yes (event trigger)" : "no");
            }
            table.print(out);
            out.println();
            ObjectiveTerms terms = result.terms();
            out.println("objective: moves " + terms.moves() + ", cut edges " + terms.cutWeight() + ", tie-breaker "
                    + number(terms.tieBreaker()) + ", total " + number(terms.total()));
        } else {
            out.println("No placement for graph (" + plan.graph() + "): "
                    + result.explanation().map(Explanation::message).orElse(result.status().name()));
        }
        out.println("solver: " + (plan.feasible() ? result.describe() : result.status().name()) + ", bound "
                + number(result.bound()) + ", " + result.nodes() + (result.nodes() == 1 ? " node, " : " nodes, ")
                + millis(result) + " ms");
    }

    static Map<String, Object> toMap(Plan plan) {
        PlacementResult result = plan.placement();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("graph", plan.graph());
        map.put("project", plan.project());
        map.put("feasible", plan.feasible());
        map.put("status", result.status().name());
        map.put("summary", result.describe());
        map.put("services", plan.services().stream().map(PlanReport::service).toList());
        ObjectiveTerms terms = result.terms();
        if (terms != null) {
            Map<String, Object> objective = new LinkedHashMap<>();
            objective.put("moves", terms.moves());
            objective.put("cutEdges", terms.cutWeight());
            objective.put("tieBreaker", terms.tieBreaker());
            objective.put("total", terms.total());
            map.put("objective", objective);
        }
        map.put("bound", Double.isFinite(result.bound()) ? result.bound() : null);
        map.put("nodes", result.nodes());
        map.put("millis", result.wallTime().toNanos() / 1e6);
        result.explanation().ifPresent(e -> {
            Map<String, Object> explanation = new LinkedHashMap<>();
            explanation.put("reason", e.reason().name());
            explanation.put("resource", e.resource());
            explanation.put("services", e.services());
            explanation.put("closestClusters", e.closestClusters());
            explanation.put("message", e.message());
            map.put("explanation", explanation);
        });
        return map;
    }

    private static Map<String, Object> service(PlannedService s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", s.name());
        map.put("cluster", s.cluster());
        map.put("replicas", s.replicas());
        map.put("cpu", Quantity.formatMillis(s.resources().cpuMillis()));
        map.put("memory", Quantity.formatBytes(s.resources().memoryBytes()));
        long storage = s.resources().storageBytes();
        map.put("storage", storage == 0 ? null : Quantity.formatBytes(storage));
        map.put("gpus", s.resources().gpus());
        map.put("cpuMillis", s.resources().cpuMillis());
        map.put("memoryBytes", s.resources().memoryBytes());
        map.put("storageBytes", s.resources().storageBytes());
        map.put("pending", s.pending());
        return map;
    }

    private static String number(double value) {
        if (!Double.isFinite(value)) {
            return "none";
        }
        return new BigDecimal(value).round(MathContext.DECIMAL32).stripTrailingZeros().toPlainString();
    }

    private static String millis(PlacementResult result) {
        return String.format(Locale.ROOT, "%.1f", result.wallTime().toNanos() / 1e6);
    }
}
