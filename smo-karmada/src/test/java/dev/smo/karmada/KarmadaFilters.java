package dev.smo.karmada;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Karmada's scheduler filter plugins for {@link FakeKarmada}, in their registry order (APIEnablement,
 * TaintToleration, ClusterAffinity), each member's first refusal being its reason, and the scheduler's FitError
 * message when no member is left (karmada-io/karmada pkg/scheduler/framework).
 */
final class KarmadaFilters {

    private KarmadaFilters() {}

    /** Karmada's reasons, as its filter plugins word them. */
    static final String NO_API = "cluster(s) did not have the API resource";

    static final String NO_AFFINITY = "cluster(s) did not match the placement cluster affinity constraint";

    /** @return the clusters that pass every filter, or, when none does, the FitError message (as a String) */
    static Object schedule(List<Map<String, Object>> members, Map<?, ?> placement, String apiVersion, String kind) {
        Map<?, ?> affinity = placement.get("clusterAffinity") instanceof Map<?, ?> a ? a : Map.of();
        List<?> tolerations = placement.get("clusterTolerations") instanceof List<?> l ? l : List.of();
        List<String> fit = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        for (Map<String, Object> cluster : members) {
            String reason = refusal(cluster, affinity, tolerations, apiVersion, kind);
            if (reason == null) {
                fit.add(String.valueOf(((Map<?, ?>) cluster.get("metadata")).get("name")));
            } else {
                reasons.merge(reason, 1, Integer::sum);
            }
        }
        if (!fit.isEmpty()) {
            return fit;
        }
        List<String> histogram = new ArrayList<>();
        reasons.forEach((reason, count) -> histogram.add(count + " " + reason));
        java.util.Collections.sort(histogram);
        return "0/" + members.size() + " clusters are available: " + String.join(", ", histogram);
    }

    /** @return why the cluster is filtered out, or {@code null} when it fits */
    private static String refusal(
            Map<String, Object> cluster, Map<?, ?> affinity, List<?> tolerations, String apiVersion, String kind) {
        Map<?, ?> metadata = (Map<?, ?>) cluster.get("metadata");
        Map<?, ?> spec = cluster.get("spec") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> status = cluster.get("status") instanceof Map<?, ?> m ? m : Map.of();
        boolean served = status.get("apiEnablements") instanceof List<?> apis
                && apis.stream()
                        .anyMatch(e -> e instanceof Map<?, ?> enablement
                                && apiVersion.equals(enablement.get("groupVersion"))
                                && enablement.get("resources") instanceof List<?> resources
                                && resources.stream()
                                        .anyMatch(r -> r instanceof Map<?, ?> rm && kind.equals(rm.get("kind"))));
        if (!served) {
            return NO_API;
        }
        for (Object t : spec.get("taints") instanceof List<?> l ? l : List.of()) {
            Map<?, ?> taint = (Map<?, ?>) t;
            boolean blocks = "NoSchedule".equals(taint.get("effect")) || "NoExecute".equals(taint.get("effect"));
            if (blocks && tolerations.stream().noneMatch(tol -> tolerates((Map<?, ?>) tol, taint))) {
                return "cluster(s) had untolerated taint {" + taint.get("key") + ": "
                        + (taint.get("value") == null ? "" : taint.get("value")) + "}";
            }
        }
        if (affinity.get("clusterNames") instanceof List<?> names && !names.contains(metadata.get("name"))) {
            return NO_AFFINITY;
        }
        Map<?, ?> labels = metadata.get("labels") instanceof Map<?, ?> m ? m : Map.of();
        if (affinity.get("labelSelector") instanceof Map<?, ?> selector) {
            if (selector.get("matchLabels") instanceof Map<?, ?> match
                    && !match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
                return NO_AFFINITY;
            }
            for (Object e : selector.get("matchExpressions") instanceof List<?> l ? l : List.of()) {
                Map<?, ?> expression = (Map<?, ?>) e;
                List<?> values = expression.get("values") instanceof List<?> v ? v : List.of();
                boolean in = values.contains(labels.get(expression.get("key")));
                if ("In".equals(expression.get("operator")) != in) {
                    return NO_AFFINITY;
                }
            }
        }
        return null;
    }

    /** Kubernetes' {@code Toleration.ToleratesTaint}. */
    private static boolean tolerates(Map<?, ?> toleration, Map<?, ?> taint) {
        Object effect = toleration.get("effect");
        if (effect != null && !"".equals(effect) && !effect.equals(taint.get("effect"))) {
            return false;
        }
        Object key = toleration.get("key");
        if (key != null && !"".equals(key) && !key.equals(taint.get("key"))) {
            return false;
        }
        Object operator = toleration.get("operator");
        if ("Exists".equals(operator)) {
            return true;
        }
        Object value = toleration.get("value") == null ? "" : toleration.get("value");
        return (operator == null || "".equals(operator) || "Equal".equals(operator))
                && value.equals(taint.get("value") == null ? "" : taint.get("value"));
    }
}
