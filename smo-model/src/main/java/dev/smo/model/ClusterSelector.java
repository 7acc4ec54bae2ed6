package dev.smo.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster labels a service requires, as its Helm values name them for the chart's PropagationPolicy:
 * {@code valuesOverwrite.clusterLabels} (or under {@code voChartOverwrite} for a virtual-object chart), a map of label
 * to value that becomes Karmada's {@code clusterAffinity.labelSelector}: a string is an exact value
 * ({@code matchLabels}), a list of strings any one of them ({@code matchExpressions} with {@code operator: In}), e.g.
 * {@code {region: [eu-west, eu-central], provider: aws}}. Placement only considers the clusters that satisfy every
 * entry.
 *
 * @param pointer the JSON pointer of the map, relative to the service's artifact
 * @param labels the entries as written (the validator refuses values that are neither strings nor non-empty lists of
 *     strings)
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
     * @param artifact a service's artifact
     * @return each label it requires with the values it accepts (one for an exact value), empty when none; entries
     *     that are neither strings nor lists of strings are left out
     */
    public static Map<String, List<String>> acceptedBy(Artifact artifact) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        of(artifact)
                .ifPresent(s -> s.labels().forEach((k, v) -> {
                    if (v instanceof String text) {
                        out.put(k, List.of(text));
                    } else if (v instanceof List<?> list
                            && !list.isEmpty()
                            && list.stream().allMatch(String.class::isInstance)) {
                        out.put(k, list.stream().map(String.class::cast).toList());
                    }
                }));
        return out;
    }

    /**
     * @param accepted each required label with the values it accepts
     * @param clusterLabels a cluster's labels
     * @return whether it carries every required label with one of its accepted values
     */
    public static boolean matchesAny(Map<String, List<String>> accepted, Map<String, String> clusterLabels) {
        return accepted.entrySet().stream().allMatch(e -> {
            String value = clusterLabels.get(e.getKey());
            return value != null && e.getValue().contains(value);
        });
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
