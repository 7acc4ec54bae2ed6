package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * How an artifact is run.
 *
 * @param name the runner, such as {@code HELM}; may be null
 * @param version the runner version, such as {@code v3}; may be null
 * @param extensions unknown fields
 */
public record OciRun(String name, String version, Map<String, Object> extensions) {

    /** Copies the extensions. */
    public OciRun {
        extensions = Values.freezeMap(extensions);
    }
}
