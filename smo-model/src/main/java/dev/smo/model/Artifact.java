package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * The deployable package of a service.
 *
 * @param ociImage the Helm chart reference, {@code oci://…} or {@code http(s)://…}; null only in an unvalidated graph
 * @param ociConfig chart metadata; may be null
 * @param ociRun the runner, such as {@code {name: HELM, version: v3}}; may be null
 * @param valuesOverwrite baseline Helm values, kept as written (nested maps, lists and scalars; nulls allowed)
 * @param extensions unknown fields of the artifact
 */
public record Artifact(
        String ociImage,
        OciConfig ociConfig,
        OciRun ociRun,
        Map<String, Object> valuesOverwrite,
        Map<String, Object> extensions) {

    /** Copies the maps; null maps become empty. */
    public Artifact {
        valuesOverwrite = Values.freezeMap(valuesOverwrite);
        extensions = Values.freezeMap(extensions);
    }

    /**
     * @param ociImage the chart reference
     * @return an artifact with only its image set
     */
    public static Artifact of(String ociImage) {
        return new Artifact(ociImage, null, null, Map.of(), Map.of());
    }
}
