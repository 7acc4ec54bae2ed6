package dev.smo.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster taints a service tolerates, as its Helm values name them for the chart's PropagationPolicy:
 * {@code valuesOverwrite.clusterTolerations} (or {@code valuesOverwrite.voChartOverwrite.clusterTolerations} for a
 * virtual-object chart), each entry a Kubernetes toleration
 * {@code {key, operator: Equal|Exists, value, effect: NoSchedule|PreferNoSchedule|NoExecute}}. Placement treats a
 * tainted cluster as a candidate only when every taint that would keep Karmada's scheduler away is tolerated.
 *
 * @param pointer the JSON pointer of the list, relative to the service's artifact
 * @param entries the entries as written (the validator refuses malformed ones)
 */
public record ClusterTolerations(String pointer, List<Object> entries) {

    /** The key SMO reads in Helm values, Karmada's {@code placement.clusterTolerations}. */
    public static final String KEY = "clusterTolerations";

    public ClusterTolerations {
        entries = Collections.unmodifiableList(new ArrayList<>(entries));
    }

    /**
     * @param artifact a service's artifact
     * @return the list its values name, when they name one
     */
    public static Optional<ClusterTolerations> of(Artifact artifact) {
        if (artifact == null) {
            return Optional.empty();
        }
        Map<String, Object> values = artifact.valuesOverwrite();
        if (values.get(KEY) instanceof List<?> list) {
            return Optional.of(new ClusterTolerations("/valuesOverwrite/" + KEY, new ArrayList<>(list)));
        }
        if (values.get("voChartOverwrite") instanceof Map<?, ?> vo && vo.get(KEY) instanceof List<?> list) {
            return Optional.of(
                    new ClusterTolerations("/valuesOverwrite/voChartOverwrite/" + KEY, new ArrayList<>(list)));
        }
        return Optional.empty();
    }

    /**
     * @param artifact a service's artifact
     * @return its well-formed tolerations, empty when it names none
     */
    public static List<Toleration> tolerationsOf(Artifact artifact) {
        return of(artifact).map(ClusterTolerations::tolerations).orElse(List.of());
    }

    /** @return the well-formed entries, in order; the validator reports the others */
    public List<Toleration> tolerations() {
        List<Toleration> out = new ArrayList<>();
        for (Object entry : entries) {
            Toleration.parse(entry).ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    /**
     * One toleration, with Kubernetes' matching rules.
     *
     * @param key the taint key; {@code null} with {@code Exists} tolerates every key
     * @param operator {@code Equal} or {@code Exists}
     * @param value the value {@code Equal} compares, {@code null} for none
     * @param effect the effect it tolerates, {@code null} for every effect
     */
    public record Toleration(String key, String operator, String value, String effect) {

        /** The effects a toleration may name. */
        public static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

        /**
         * @param entry one list entry
         * @return the toleration when the entry is well formed
         */
        public static Optional<Toleration> parse(Object entry) {
            return problem(entry) == null ? Optional.of(build((Map<?, ?>) entry)) : Optional.empty();
        }

        /**
         * @param entry one list entry
         * @return what is wrong with it, or {@code null} when it is well formed
         */
        public static String problem(Object entry) {
            if (!(entry instanceof Map<?, ?> map)) {
                return "is not a map such as {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}";
            }
            for (String field : List.of("key", "operator", "value", "effect")) {
                Object v = map.get(field);
                if (v != null && !(v instanceof String)) {
                    return "has a " + field + " that is not a string";
                }
            }
            Object operator = map.get("operator");
            if (operator != null && !"Equal".equals(operator) && !"Exists".equals(operator)) {
                return "has operator " + operator + "; use Equal or Exists";
            }
            Object effect = map.get("effect");
            if (effect != null && !"".equals(effect) && !EFFECTS.contains(effect)) {
                return "has effect " + effect + "; use NoSchedule, PreferNoSchedule or NoExecute";
            }
            boolean exists = "Exists".equals(operator);
            Object key = map.get("key");
            if (!exists && (key == null || "".equals(key))) {
                return "has no key; only operator: Exists may leave it out (to tolerate every taint)";
            }
            if (exists && map.get("value") != null && !"".equals(map.get("value"))) {
                return "has a value with operator Exists, which Kubernetes refuses";
            }
            return null;
        }

        private static Toleration build(Map<?, ?> map) {
            String operator = map.get("operator") == null ? "Equal" : (String) map.get("operator");
            return new Toleration(
                    emptyToNull(map.get("key")),
                    operator,
                    emptyToNull(map.get("value")),
                    emptyToNull(map.get("effect")));
        }

        private static String emptyToNull(Object text) {
            return text == null || "".equals(text) ? null : (String) text;
        }

        /**
         * @param taintKey a taint's key
         * @param taintValue its value, or {@code null}
         * @param taintEffect its effect
         * @return whether this toleration tolerates that taint (Kubernetes' {@code ToleratesTaint})
         */
        public boolean tolerates(String taintKey, String taintValue, String taintEffect) {
            if (effect != null && !effect.equals(taintEffect)) {
                return false;
            }
            if (key != null && !key.equals(taintKey)) {
                return false;
            }
            if ("Exists".equals(operator)) {
                return true;
            }
            String v = taintValue == null ? "" : taintValue;
            return v.equals(value == null ? "" : value);
        }
    }
}
