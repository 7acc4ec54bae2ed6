package dev.smo.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The member clusters a descriptor names for a service in its Helm values, {@code valuesOverwrite.clustersAffinity}
 * (or {@code valuesOverwrite.voChartOverwrite.clustersAffinity} for a virtual-object chart). With
 * {@code hdaGraphIntent.useStaticPlacement: true} the service is placed only there.
 *
 * @param pointer the JSON pointer of the list, relative to the service's artifact
 * @param clusters the cluster names, in order
 */
public record ClustersAffinity(String pointer, List<Object> clusters) {

    /** The key SMO reads and writes in Helm values. */
    public static final String KEY = "clustersAffinity";

    public ClustersAffinity {
        clusters = Collections.unmodifiableList(new ArrayList<>(clusters));
    }

    /**
     * @param artifact a service's artifact
     * @return the list its values name, when they name one
     */
    public static Optional<ClustersAffinity> of(Artifact artifact) {
        if (artifact == null) {
            return Optional.empty();
        }
        Map<String, Object> values = artifact.valuesOverwrite();
        if (values.get(KEY) instanceof List<?> list) {
            return Optional.of(new ClustersAffinity("/valuesOverwrite/" + KEY, new ArrayList<>(list)));
        }
        if (values.get("voChartOverwrite") instanceof Map<?, ?> vo && vo.get(KEY) instanceof List<?> list) {
            return Optional.of(new ClustersAffinity("/valuesOverwrite/voChartOverwrite/" + KEY, new ArrayList<>(list)));
        }
        return Optional.empty();
    }

    /** @return the names that are strings, in order; the validator refuses the others */
    public List<String> names() {
        return clusters.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .toList();
    }
}
