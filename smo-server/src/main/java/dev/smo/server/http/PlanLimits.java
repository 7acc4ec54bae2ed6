package dev.smo.server.http;

import dev.smo.core.PlanOptions;
import dev.smo.optimizer.placement.PlacementWeights;
import java.time.Duration;
import java.util.Locale;

/**
 * The options {@code POST /plan} takes: {@code objective} (with {@code moveCost} and {@code edgeCutCost} when weighted),
 * {@code timeLimit} and {@code nodeLimit}. A caller without a
 * token gets at most {@value #ANONYMOUS_SECONDS} s of solver time (and {@code SMO_ANONYMOUS_PLANS} plans at once),
 * whatever it asks for; anyone else at most {@value #MAX_SECONDS} s. A node limit only ever shortens the search.
 */
final class PlanLimits {

    /** The solver time a caller without a token may use, in seconds. */
    static final double ANONYMOUS_SECONDS = 2;
    /** The longest time limit anyone may ask for, in seconds. */
    static final double MAX_SECONDS = 120;

    /** The largest node limit anyone may ask for. */
    static final long MAX_NODES = 1_000_000_000L;

    /** The largest move or edge-cut cost a weighted objective may use. */
    static final int MAX_COST = 1_000_000;

    private static final double MIN_SECONDS = 0.1;

    private PlanLimits() {}

    /**
     * @param objective the {@code objective} query parameter, or null
     * @param timeLimit the {@code timeLimit} query parameter (seconds), or null
     * @param nodeLimit the {@code nodeLimit} query parameter (search nodes), or null
     * @param authenticated whether the caller presented a token
     * @return the plan's options
     * @throws Problems.BadRequest naming the parameter when one is unusable
     */
    static PlanOptions options(String objective, String timeLimit, String nodeLimit, boolean authenticated) {
        return options(objective, null, null, timeLimit, nodeLimit, authenticated);
    }

    /**
     * @param objective the {@code objective} query parameter, or null
     * @param moveCost the {@code moveCost} query parameter (weighted objective only), or null
     * @param edgeCutCost the {@code edgeCutCost} query parameter (weighted objective only), or null
     * @param timeLimit the {@code timeLimit} query parameter (seconds), or null
     * @param nodeLimit the {@code nodeLimit} query parameter (search nodes), or null
     * @param authenticated whether the caller presented a token
     * @return the plan's options
     * @throws Problems.BadRequest naming the parameter when one is unusable
     */
    static PlanOptions options(
            String objective,
            String moveCost,
            String edgeCutCost,
            String timeLimit,
            String nodeLimit,
            boolean authenticated) {
        PlanOptions options = weights(objective, moveCost, edgeCutCost);
        return limits(options, timeLimit, nodeLimit, authenticated);
    }

    private static PlanOptions weights(String objective, String moveCost, String edgeCutCost) {
        PlanOptions options = PlanOptions.DEFAULTS;
        boolean costs = moveCost != null || edgeCutCost != null;
        if (costs) {
            if (objective != null && !objective.isBlank() && !objective.strip().equalsIgnoreCase("weighted")) {
                throw new Problems.BadRequest(
                        moveCost != null ? "/moveCost" : "/edgeCutCost",
                        "Costs are the weighted objective's, not the " + shown(objective) + " one.\n"
                                + "Maybe write objective=weighted, or leave the costs out.");
            }
            PlacementWeights base = PlacementWeights.DEFAULTS;
            return options.withWeights(new PlacementWeights(
                    moveCost == null ? base.moveCost() : cost("/moveCost", "Move cost", moveCost),
                    edgeCutCost == null ? base.edgeCutCost() : cost("/edgeCutCost", "Edge cut cost", edgeCutCost),
                    base.tieBreaker()));
        }
        if (objective != null) {
            options = switch (objective.strip().toLowerCase(Locale.ROOT)) {
                case "" -> options;
                case "weighted" -> options.withWeights(PlacementWeights.DEFAULTS);
                case "lexicographic" -> options.withWeights(PlacementWeights.lexicographic());
                default ->
                    throw new Problems.BadRequest(
                            "/objective",
                            "Objective (" + shown(objective) + ") is not known.\n"
                                    + "Maybe write objective=weighted or objective=lexicographic.");
            };
        }
        return options;
    }

    private static int cost(String pointer, String name, String value) {
        try {
            int cost = Integer.parseInt(value.strip());
            if (cost >= 0 && cost <= MAX_COST) {
                return cost;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Problems.BadRequest(
                pointer,
                name + " (" + shown(value) + ") is not a whole number from 0 to " + MAX_COST + ".\n" + "Maybe write "
                        + pointer.substring(1) + "=10.");
    }

    private static PlanOptions limits(PlanOptions options, String timeLimit, String nodeLimit, boolean authenticated) {
        double seconds = authenticated ? Double.NaN : ANONYMOUS_SECONDS;
        if (timeLimit != null) {
            double asked;
            try {
                asked = Double.parseDouble(timeLimit.strip());
            } catch (NumberFormatException e) {
                asked = Double.NaN;
            }
            if (!(asked >= MIN_SECONDS && asked <= MAX_SECONDS)) {
                throw new Problems.BadRequest(
                        "/timeLimit",
                        "Time limit (" + shown(timeLimit) + ") is not a number of seconds from " + MIN_SECONDS + " to "
                                + MAX_SECONDS + ".\nMaybe write timeLimit=10.");
            }
            seconds = authenticated ? asked : Math.min(asked, ANONYMOUS_SECONDS);
        }
        if (nodeLimit != null) {
            options = options.withNodeLimit(nodes(nodeLimit));
        }
        return Double.isNaN(seconds) ? options : options.withTimeLimit(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    private static long nodes(String nodeLimit) {
        try {
            long nodes = Long.parseLong(nodeLimit.strip());
            if (nodes >= 1 && nodes <= MAX_NODES) {
                return nodes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Problems.BadRequest(
                "/nodeLimit",
                "Node limit (" + shown(nodeLimit) + ") is not a whole number from 1 to " + MAX_NODES
                        + ".\nMaybe write nodeLimit=100000.");
    }

    /** A parameter as shown in a message: one line, at most 40 characters. */
    private static String shown(String value) {
        String line = value.replaceAll("\\p{Cntrl}", " ");
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }
}
