package dev.smo.core.internal;

import dev.smo.core.ScalingPolicy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Damps replica recommendations per service as {@link ScalingPolicy} says. It remembers the recommendations of the
 * last window in memory (as the HPA controller does): a restart forgets them, which only makes the next scale-down
 * wait for a full window less.
 */
final class Stabiliser {

    private final ScalingPolicy policy;
    private final Map<String, Deque<Recommendation>> history = new HashMap<>();

    Stabiliser(ScalingPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param key the graph and service
     * @param now the round's time
     * @param current replicas running
     * @param recommended what the model asks for now
     * @param min fewest replicas allowed
     * @param max most replicas allowed
     * @return the replicas to aim for, and why when they differ from the recommendation
     */
    synchronized Decision decide(String key, Instant now, int current, int recommended, int min, int max) {
        String why = "";
        if (current > 0
                && recommended != current
                && Math.abs((double) recommended / current - 1) <= policy.tolerance() + 1e-9) {
            // As the HPA does: a change within the tolerance is no change, and is remembered as the current count.
            why = String.format(
                    java.util.Locale.ROOT,
                    "within the %.0f %% tolerance of %d replicas",
                    policy.tolerance() * 100,
                    current);
            recommended = current;
        }
        Deque<Recommendation> recent = history.computeIfAbsent(key, k -> new ArrayDeque<>());
        recent.addLast(new Recommendation(now, recommended));
        Instant horizon = now.minus(policy.scaleDownStabilisation());
        while (!recent.isEmpty() && recent.peekFirst().at().isBefore(horizon)) {
            recent.removeFirst();
        }
        int target = recommended;
        if (recommended < current) {
            int highest =
                    recent.stream().mapToInt(Recommendation::replicas).max().orElse(recommended);
            if (highest > recommended) {
                target = Math.min(current, highest);
                why = "scale-down stabilisation: highest recommendation in the last "
                        + policy.scaleDownStabilisation().toSeconds() + " s is " + highest;
            }
        }
        if (Math.abs(target - current) > policy.maxChange()) {
            target = target > current ? current + policy.maxChange() : current - policy.maxChange();
            why = (why.isEmpty() ? "" : why + "; ") + "at most " + policy.maxChange() + " replicas per round";
        }
        int bounded = Math.max(min, Math.min(max, target));
        if (bounded != target) {
            why = (why.isEmpty() ? "" : why + "; ") + "replicas bounded to [" + min + ", " + max + "]";
        }
        return new Decision(bounded, why);
    }

    /** Forgets services no longer scaled, so the map does not grow with removed graphs. */
    synchronized void retain(java.util.Set<String> keys, String graphPrefix) {
        history.keySet().removeIf(k -> k.startsWith(graphPrefix) && !keys.contains(k));
    }

    record Recommendation(Instant at, int replicas) {}

    /**
     * @param replicas replicas to aim for
     * @param reason why they differ from the recommendation; empty when they do not
     */
    record Decision(int replicas, String reason) {}
}
