package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * One event of an event trigger; it becomes one Prometheus alert rule.
 *
 * @param id the alert name, unique within the trigger; null only in an unvalidated graph
 * @param source where the event comes from, kept as written (a string such as {@code prometheus}, or a list of
 *        {@code {serviceId, metricId}} mappings); may be null
 * @param condition the alert expression; null only in an unvalidated graph
 * @param extensions unknown fields of the event
 */
public record EventSpec(String id, Object source, AlertCondition condition, Map<String, Object> extensions) {

    /** Copies the source and the extensions. */
    public EventSpec {
        source = Values.freeze(source);
        extensions = Values.freezeMap(extensions);
    }

    /**
     * @param id the alert name
     * @param promQuery the PromQL expression
     * @param gracePeriod a Prometheus duration such as {@code 2m}, or null
     * @param description free text, or null
     * @return an event without source or extensions
     * @throws IllegalArgumentException when {@code gracePeriod} is not a Prometheus duration
     */
    public static EventSpec of(String id, String promQuery, String gracePeriod, String description) {
        return new EventSpec(id, null, AlertCondition.of(promQuery, gracePeriod, description), Map.of());
    }
}
