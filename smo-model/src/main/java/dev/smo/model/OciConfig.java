package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * Metadata about an artifact.
 *
 * @param type the artifact type, such as {@code App}, {@code VO} or {@code Application}; may be null
 * @param implementer what implements it, such as {@code HELM} or {@code WOT}; may be null
 * @param extensions unknown fields
 */
public record OciConfig(String type, String implementer, Map<String, Object> extensions) {

    /** Copies the extensions. */
    public OciConfig {
        extensions = Values.freezeMap(extensions);
    }
}
