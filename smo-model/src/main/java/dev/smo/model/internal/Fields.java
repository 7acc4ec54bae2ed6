package dev.smo.model.internal;

import dev.smo.model.Violation;
import dev.smo.model.internal.Node.ListNode;
import dev.smo.model.internal.Node.MapNode;
import dev.smo.model.internal.Node.ScalarNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of mapping fields that record a violation, instead of throwing, when a value has the wrong type.
 * {@code subject} names the field in messages, such as "Service (video) compute cpu".
 */
final class Fields {

    private final List<Violation> violations = new ArrayList<>();
    private final Set<String> flagged = new HashSet<>();

    List<Violation> violations() {
        return violations;
    }

    /** @return the paths that have a violation, so that validation does not report them twice */
    Set<String> flaggedPaths() {
        return flagged;
    }

    void add(String path, Mark mark, String message) {
        violations.add(new Violation(path, mark.line(), mark.column(), message));
        flagged.add(path);
    }

    String text(MapNode map, String key, String path, String subject) {
        ScalarNode scalar = child(map, key, path, subject, ScalarNode.class, "string");
        return scalar == null ? null : scalar.text();
    }

    /** A name such as a graph or service id: a string, never a boolean or number coerced to one. */
    String identifier(MapNode map, String key, String path, String subject) {
        Node node = map.get(key);
        if (node instanceof ScalarNode scalar
                && (scalar.value() instanceof Boolean || scalar.value() instanceof Number)) {
            add(
                    path,
                    node.mark(),
                    subject + " must be a string, not a " + node.kind() + " (" + Text.oneLine(scalar.text())
                            + ").\nMaybe quote it: \"" + Text.oneLine(scalar.text()) + "\".");
            return null;
        }
        return text(map, key, path, subject);
    }

    MapNode map(MapNode map, String key, String path, String subject) {
        return child(map, key, path, subject, MapNode.class, "mapping");
    }

    ListNode list(MapNode map, String key, String path, String subject) {
        return child(map, key, path, subject, ListNode.class, "list");
    }

    /** The child at {@code key} if it has the expected node type; null when absent, or wrong (and reported). */
    private <T extends Node> T child(
            MapNode map, String key, String path, String subject, Class<T> type, String expected) {
        Node node = map.get(key);
        if (absent(node)) {
            return null;
        }
        if (type.isInstance(node)) {
            return type.cast(node);
        }
        typeError(node, path, subject, expected);
        return null;
    }

    List<String> texts(MapNode map, String key, String path, String subject) {
        ListNode list = list(map, key, path, subject);
        if (list == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Node item = list.items().get(i);
            if (item instanceof ScalarNode scalar && !scalar.isNull()) {
                texts.add(scalar.text());
            } else {
                typeError(item, path + "/" + i, subject + " #" + i, "string");
            }
        }
        return texts;
    }

    boolean flag(MapNode map, String key, String path, String subject) {
        Node node = map.get(key);
        if (absent(node)) {
            return false;
        }
        if (node instanceof ScalarNode scalar) {
            if (scalar.value() instanceof Boolean value) {
                return value;
            }
            String text = scalar.text().toLowerCase(Locale.ROOT);
            if (text.equals("true") || text.equals("false")) {
                return text.equals("true");
            }
            add(
                    path,
                    node.mark(),
                    subject + " (" + Text.oneLine(scalar.text()) + ") must be true or false.\n" + "Maybe write " + key
                            + ": true or " + key + ": false.");
            return false;
        }
        typeError(node, path, subject, "boolean");
        return false;
    }

    /** @return the integer value, or {@code fallback} when absent or invalid */
    int integer(MapNode map, String key, String path, String subject, int fallback) {
        Node node = map.get(key);
        if (absent(node)) {
            return fallback;
        }
        if (node instanceof ScalarNode scalar && !(scalar.value() instanceof Boolean)) {
            try {
                return new BigInteger(scalar.text().strip()).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                add(path, node.mark(), subject + " (" + Text.oneLine(scalar.text()) + ") is not a whole number.");
                return fallback;
            }
        }
        typeError(node, path, subject, "whole number");
        return fallback;
    }

    /** @return the value as a finite number, or null when absent or invalid (reported) */
    Double number(MapNode map, String key, String path, String subject) {
        Node node = map.get(key);
        if (absent(node)) {
            return null;
        }
        if (node instanceof ScalarNode scalar && scalar.value() instanceof Number number) {
            double value = number.doubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
            add(path, node.mark(), subject + " (" + Text.oneLine(scalar.text()) + ") must be a finite number.");
            return null;
        }
        String message = subject + " must be a number, not a " + node.kind();
        if (node instanceof ScalarNode scalar && !scalar.isNull()) {
            message += " (" + Text.oneLine(scalar.text()) + ")";
            if (scalar.value() instanceof String) {
                message += ".\nMaybe remove the quotes: " + key + ": "
                        + Text.oneLine(scalar.text().strip());
            }
        }
        add(path, node.mark(), message + ".");
        return null;
    }

    /** @return the fields of the mapping not in {@code known}, as plain values */
    static Map<String, Object> extensions(MapNode map, Set<String> known) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        map.entries().forEach((key, value) -> {
            if (!known.contains(key)) {
                extensions.put(key, plain(value));
            }
        });
        return extensions;
    }

    /** @return the node as plain Java values: LinkedHashMap, ArrayList, String, Boolean, Number or null */
    static Object plain(Node node) {
        if (node instanceof MapNode map) {
            Map<String, Object> values = new LinkedHashMap<>();
            map.entries().forEach((key, value) -> values.put(key, plain(value)));
            return values;
        }
        if (node instanceof ListNode list) {
            List<Object> values = new ArrayList<>(list.items().size());
            list.items().forEach(item -> values.add(plain(item)));
            return values;
        }
        return ((ScalarNode) node).value();
    }

    void typeError(Node node, String path, String subject, String expected) {
        String message = subject + " must be a " + expected + ", not a " + node.kind();
        if (node instanceof ScalarNode scalar && !scalar.isNull()) {
            message += " (" + Text.oneLine(scalar.text()) + ")";
            if (expected.equals("list")) {
                message += ".\nMaybe write [" + Text.oneLine(scalar.text()) + "]";
            }
        }
        add(path, node.mark(), message + ".");
    }

    static boolean absent(Node node) {
        return node == null || (node instanceof ScalarNode scalar && scalar.isNull());
    }
}
