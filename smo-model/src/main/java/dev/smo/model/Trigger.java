package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When a service is deployed. Both descriptor shapes are read: {@code {type: event, event: {...}}} and
 * {@code {event: {...}}}; serialising writes the first.
 */
public sealed interface Trigger permits Trigger.Standard, Trigger.Auto, Trigger.Event {

    /**
     * @return the type name as written in {@code trigger.type}: {@code standard}, {@code auto} or {@code event}
     */
    String type();

    /**
     * @return unknown fields: of the {@code trigger} mapping for {@link Standard}, of the {@code auto} or
     *         {@code event} mapping otherwise
     */
    Map<String, Object> extensions();

    /**
     * @return a trigger that deploys the service immediately
     */
    static Trigger standard() {
        return new Standard(Map.of());
    }

    /**
     * @param dependencies ids of the services this one waits for
     * @return an automatic trigger
     */
    static Trigger auto(List<String> dependencies) {
        return new Auto(dependencies, Map.of());
    }

    /**
     * @param condition how the events combine
     * @param events the Prometheus alerts that trigger deployment
     * @return an event trigger
     */
    static Trigger event(EventCondition condition, List<EventSpec> events) {
        return new Event(condition, events, Map.of());
    }

    /**
     * Deploy immediately.
     *
     * @param extensions unknown fields of the trigger mapping
     */
    record Standard(Map<String, Object> extensions) implements Trigger {

        /** Copies the extensions. */
        public Standard {
            extensions = Values.freezeMap(extensions);
        }

        @Override
        public String type() {
            return "standard";
        }
    }

    /**
     * Deploy automatically, after the named services.
     *
     * @param dependencies ids of services of the same graph
     * @param extensions unknown fields of the {@code auto} mapping
     */
    record Auto(List<String> dependencies, Map<String, Object> extensions) implements Trigger {

        /** Copies the collections. */
        public Auto {
            dependencies = Values.freezeStrings(dependencies);
            extensions = Values.freezeMap(extensions);
        }

        @Override
        public String type() {
            return "auto";
        }
    }

    /**
     * Deploy when Prometheus alerts fire; each event becomes one alert rule.
     *
     * @param condition how the events combine; null becomes {@link EventCondition#ANY}
     * @param events the events; validation requires at least one
     * @param extensions unknown fields of this trigger's mapping
     */
    record Event(EventCondition condition, List<EventSpec> events, Map<String, Object> extensions) implements Trigger {

        /** Applies the default condition and copies the collections. */
        public Event {
            condition = Objects.requireNonNullElse(condition, EventCondition.ANY);
            events = events == null ? List.of() : List.copyOf(events);
            extensions = Values.freezeMap(extensions);
        }

        @Override
        public String type() {
            return "event";
        }
    }
}
