package dev.smo.karmada.internal;

import java.util.List;
import java.util.Map;

/** Null-safe navigation in JSON read as maps and lists. */
final class Json {

    private Json() {}

    /**
     * @param root a JSON object, or {@code null}
     * @param path keys from the root
     * @return the value at the path, or {@code null} when a step is missing or not an object
     */
    static Object at(Object root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** @return the object at the path, empty when missing or not an object */
    static Map<String, Object> map(Object root, String... path) {
        return at(root, path) instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    /** @return the array at the path, empty when missing or not an array */
    static List<?> list(Object root, String... path) {
        return at(root, path) instanceof List<?> list ? list : List.of();
    }

    /** @return the scalar at the path as a string, or {@code null} when missing or not a scalar */
    static String string(Object root, String... path) {
        Object value = at(root, path);
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : number.toString();
        }
        return value instanceof Boolean b ? b.toString() : null;
    }

    /** @return the number at the path as an int, or {@code fallback} when missing or not a number */
    static int integer(Object root, int fallback, String... path) {
        Object value = at(root, path);
        return value instanceof Number number ? number.intValue() : fallback;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
