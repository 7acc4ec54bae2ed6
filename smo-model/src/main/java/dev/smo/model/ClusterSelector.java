package dev.smo.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster labels a service requires, as its Helm values name them for the chart's PropagationPolicy:
 * {@code valuesOverwrite.clusterLabels} (or under {@code voChartOverwrite} for a virtual-object chart), a map of label
 * to value that becomes Karmada's {@code clusterAffinity.labelSelector.matchLabels}. Placement only considers the
 * clusters that carry every one of them.
 *
 * @param pointer the JSON pointer of the map, relative to the service's artifact
 * @param labels the entries as written (the validator refuses values that are not strings)
 */
public record ClusterSelector(String pointer, Map<String, Object> labels) {

    /** The key SMO reads in Helm values. */
    public static final String KEY = "clusterLabels";

    public ClusterSelector {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /**
     * @param artifact a service's artifact
     * @return the map its values name, when they name one
     */
    public static Optional<ClusterSelector> of(Artifact artifact) {
        if (artifact == null) {
            return Optional.empty();
        }
        Map<String, Object> values = artifact.valuesOverwrite();
        if (values.get(KEY) instanceof Map<?, ?> map) {
            return Optional.of(new ClusterSelector("/valuesOverwrite/" + KEY, copy(map)));
        }
        if (values.get("voChartOverwrite") instanceof Map<?, ?> vo && vo.get(KEY) instanceof Map<?, ?> map) {
            return Optional.of(new ClusterSelector("/valuesOverwrite/voChartOverwrite/" + KEY, copy(map)));
        }
        return Optional.empty();
    }

    /**
     * @param artifact a service's artifact
     * @return the labels it requires with string values, empty when none
     */
    public static Map<String, String> requiredBy(Artifact artifact) {
        Map<String, String> out = new LinkedHashMap<>();
        of(artifact)
                .ifPresent(s -> s.labels().forEach((k, v) -> {
                    if (v instanceof String text) {
                        out.put(k, text);
                    }
                }));
        return out;
    }

    /**
     * @param required the labels a service requires
     * @param clusterLabels a cluster's labels
     * @return whether it carries every required label with its value
     */
    public static boolean matches(Map<String, String> required, Map<String, String> clusterLabels) {
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(clusterLabels.get(e.getKey())));
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
