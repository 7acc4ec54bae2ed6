package dev.smo.persistence.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.AlertRule;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text for the store's json and jsonb columns. Alert rules are written field by field (Prometheus' names,
 * {@code for} included) rather than by reflection, so nothing in the core has to be opened to Jackson.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> OBJECTS = new TypeReference<>() {};

    private Json() {}

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "Value (" + value + ") cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> readObject(String json) {
        return read(json, OBJECT);
    }

    static List<Map<String, Object>> readObjects(String json) {
        return read(json, OBJECTS);
    }

    static Map<String, String> readStrings(String json) {
        return read(json, STRINGS);
    }

    static String writeRules(List<AlertRule> rules) {
        List<Map<String, Object>> list = new ArrayList<>(rules.size());
        for (AlertRule rule : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("alert", rule.alert());
            m.put("expr", rule.expr());
            m.put("for", rule.forDuration());
            m.put("labels", rule.labels());
            m.put("annotations", rule.annotations());
            list.add(m);
        }
        return write(list);
    }

    @SuppressWarnings("unchecked")
    static List<AlertRule> readRules(String json) {
        List<AlertRule> rules = new ArrayList<>();
        for (Map<String, Object> m : read(json, OBJECTS)) {
            rules.add(new AlertRule(
                    (String) m.get("alert"),
                    (String) m.get("expr"),
                    (String) m.get("for"),
                    (Map<String, String>) m.get("labels"),
                    (Map<String, String>) m.get("annotations")));
        }
        return rules;
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Stored JSON cannot be read back: " + e.getOriginalMessage(), e);
        }
    }
}
