package dev.smo.model.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep, order-keeping, null-tolerant immutable copies of generic YAML values. */
public final class Values {

    private Values() {}

    /** @return an unmodifiable deep copy; null becomes an empty map */
    public static Map<String, Object> freezeMap(Map<String, ?> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, freeze(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** @return an unmodifiable deep copy; null becomes an empty list */
    public static List<Object> freezeList(List<?> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(value -> copy.add(freeze(value)));
        return Collections.unmodifiableList(copy);
    }

    /** @return the value with every nested map and list copied unmodifiable; scalars unchanged */
    @SuppressWarnings("unchecked")
    public static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), freeze(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return freezeList((List<Object>) list);
        }
        return value;
    }

    /** @return an unmodifiable copy of a list of non-null strings; null becomes an empty list */
    public static List<String> freezeStrings(List<String> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
