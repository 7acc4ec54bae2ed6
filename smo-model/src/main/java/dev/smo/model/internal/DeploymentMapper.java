package dev.smo.model.internal;

import dev.smo.model.AlertCondition;
import dev.smo.model.Deployment;
import dev.smo.model.EventCondition;
import dev.smo.model.EventSpec;
import dev.smo.model.Trigger;
import dev.smo.model.internal.Node.ListNode;
import dev.smo.model.internal.Node.MapNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Maps {@code deployment} and its trigger, accepting both the {@code type:} shape and the bare-key shape. */
final class DeploymentMapper {

    private static final List<String> TYPES = List.of("standard", "auto", "event");

    private final Fields fields;
    private final IntentMapper intents;

    DeploymentMapper(Fields fields) {
        this.fields = fields;
        this.intents = new IntentMapper(fields);
    }

    Deployment deployment(MapNode deployment, String path, String subject) {
        MapNode trigger = fields.map(deployment, "trigger", path + "/trigger", subject + " trigger");
        MapNode intent = fields.map(deployment, "intent", path + "/intent", subject + " intent");
        return new Deployment(
                trigger == null ? null : trigger(trigger, path + "/trigger", subject),
                intent == null ? null : intents.intent(intent, path + "/intent", subject),
                Fields.extensions(deployment, Set.of("trigger", "intent")));
    }

    private Trigger trigger(MapNode trigger, String path, String subject) {
        String written = fields.text(trigger, "type", path + "/type", subject + " trigger type");
        List<String> bodies =
                TYPES.stream().filter(trigger.entries()::containsKey).toList();
        String type;
        if (written != null) {
            type = written.toLowerCase(Locale.ROOT);
            if (!TYPES.contains(type)) {
                fields.add(
                        path + "/type",
                        trigger.get("type").mark(),
                        subject + " trigger type (" + Text.oneLine(written) + ") is not one of standard, auto, event."
                                + Names.maybe(written, TYPES));
                return null;
            }
            Optional<String> other =
                    bodies.stream().filter(body -> !body.equals(type)).findFirst();
            if (other.isPresent()) {
                fields.add(
                        path + "/" + other.get(),
                        trigger.get(other.get()).mark(),
                        subject + " trigger type (" + type + ") does not match its field (" + other.get()
                                + ").\nMaybe write type: " + other.get() + ".");
                return null;
            }
        } else if (bodies.size() == 1) {
            type = bodies.get(0);
        } else {
            fields.add(
                    path,
                    trigger.mark(),
                    bodies.isEmpty()
                            ? subject + " trigger names no type.\nMaybe write trigger: {type: standard}."
                            : subject + " trigger names more than one type "
                                    + bodies.toString().replace('[', '(').replace(']', ')')
                                    + ".\nMaybe keep one of them.");
            return null;
        }
        if (type.equals("standard")) {
            return new Trigger.Standard(Fields.extensions(trigger, Set.of("type")));
        }
        trigger.entries().forEach((key, value) -> {
            if (!key.equals("type") && !key.equals(type)) {
                fields.add(
                        path + "/" + Text.escapePointer(key),
                        value.mark(),
                        subject + " trigger field (" + Text.oneLine(key) + ") is not known.\nMaybe move it under "
                                + type + ".");
            }
        });
        String bodyPath = path + "/" + type;
        MapNode body = fields.map(trigger, type, bodyPath, subject + " trigger " + type);
        if (type.equals("auto")) {
            return body == null
                    ? Trigger.auto(List.of())
                    : new Trigger.Auto(
                            fields.texts(
                                    body, "dependencies", bodyPath + "/dependencies", subject + " auto dependencies"),
                            Fields.extensions(body, Set.of("dependencies")));
        }
        if (body == null) {
            fields.add(
                    bodyPath,
                    trigger.mark(),
                    subject + " event trigger has no event field.\n"
                            + "Maybe add event: {condition: ANY, events: [...]}, or use trigger: {type: standard}.");
            return null;
        }
        return event(body, bodyPath, subject);
    }

    private Trigger event(MapNode event, String path, String subject) {
        String written = fields.text(event, "condition", path + "/condition", subject + " event condition");
        EventCondition condition = EventCondition.ANY;
        if (written != null) {
            try {
                condition = EventCondition.valueOf(written.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fields.add(
                        path + "/condition",
                        event.get("condition").mark(),
                        subject + " event condition ("
                                + Text.oneLine(written) + ") is not one of ANY, ALL, AND, OR."
                                + Names.maybe(written.toUpperCase(Locale.ROOT), List.of("ANY", "ALL", "AND", "OR")));
            }
        }
        List<EventSpec> events = new ArrayList<>();
        ListNode list = fields.list(event, "events", path + "/events", subject + " events");
        if (list != null) {
            for (int i = 0; i < list.items().size(); i++) {
                Node item = list.items().get(i);
                if (item instanceof MapNode spec) {
                    events.add(eventSpec(spec, path + "/events/" + i, subject, i));
                } else {
                    fields.typeError(item, path + "/events/" + i, subject + " event #" + i, "mapping");
                }
            }
        }
        if ((list != null && list.items().isEmpty())
                || (list == null && !fields.flaggedPaths().contains(path + "/events"))) {
            fields.add(
                    path + "/events",
                    list == null ? event.mark() : list.mark(),
                    subject
                            + " event trigger has no events.\n"
                            + "Maybe add an event with a promQuery, or use trigger: {type: standard}.");
        }
        return new Trigger.Event(condition, events, Fields.extensions(event, Set.of("condition", "events")));
    }

    private EventSpec eventSpec(MapNode spec, String path, String subject, int index) {
        String id = fields.text(spec, "id", path + "/id", subject + " event #" + index + " id");
        String eventSubject = subject + " event (" + (id == null ? "#" + index : id) + ")";
        if (id == null && !fields.flaggedPaths().contains(path + "/id")) {
            fields.add(
                    path + "/id",
                    spec.mark(),
                    subject + " event #" + index + " has no id.\n" + "Maybe add an id; it names the Prometheus alert.");
        }
        MapNode condition = fields.map(spec, "condition", path + "/condition", eventSubject + " condition");
        AlertCondition alert = null;
        if (condition == null) {
            if (!fields.flaggedPaths().contains(path + "/condition")) {
                fields.add(
                        path + "/condition",
                        spec.mark(),
                        eventSubject + " has no condition.\n"
                                + "Maybe add condition: {promQuery: ..., gracePeriod: 1m}.");
            }
        } else {
            alert = alert(condition, path + "/condition", eventSubject);
        }
        Node source = spec.get("source");
        return new EventSpec(
                id,
                source == null ? null : Fields.plain(source),
                alert,
                Fields.extensions(spec, Set.of("id", "source", "condition")));
    }

    private AlertCondition alert(MapNode condition, String path, String subject) {
        String query = fields.text(condition, "promQuery", path + "/promQuery", subject + " promQuery");
        if ((query == null || query.isBlank()) && !fields.flaggedPaths().contains(path + "/promQuery")) {
            Node node = condition.get("promQuery");
            fields.add(
                    path + "/promQuery",
                    node == null ? condition.mark() : node.mark(),
                    subject
                            + " has an empty promQuery.\nMaybe write the PromQL expression that should fire the alert.");
        }
        String grace = fields.text(condition, "gracePeriod", path + "/gracePeriod", subject + " gracePeriod");
        Optional<Duration> duration = grace == null ? Optional.empty() : PromDuration.parse(grace);
        if (grace != null && duration.isEmpty()) {
            fields.add(
                    path + "/gracePeriod",
                    condition.get("gracePeriod").mark(),
                    subject + " gracePeriod (" + Text.oneLine(grace)
                            + ") is not a Prometheus duration.\nMaybe write it like 30s, 2m, 1h30m or 2d.");
        }
        Map<String, Object> extensions =
                Fields.extensions(condition, Set.of("promQuery", "gracePeriod", "description"));
        return new AlertCondition(
                query,
                duration.orElse(null),
                duration.isPresent() ? grace : null,
                fields.text(condition, "description", path + "/description", subject + " description"),
                extensions);
    }
}
