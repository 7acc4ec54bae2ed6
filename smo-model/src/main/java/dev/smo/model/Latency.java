package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * Quality of service wished for one connection.
 *
 * @param connectionPoint id of a service of the same graph; null only in an unvalidated graph
 * @param qos the class, such as {@code best-effort}; may be null
 * @param extensions unknown fields
 */
public record Latency(String connectionPoint, String qos, Map<String, Object> extensions) {

    /** Copies the extensions. */
    public Latency {
        extensions = Values.freezeMap(extensions);
    }
}
