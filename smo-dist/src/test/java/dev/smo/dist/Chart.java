package dev.smo.dist;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The chart in {@code charts/smo}, rendered with Helm in-process and read back as objects. */
final class Chart {

    /** The chart's directory: {@code -Dsmo.chart} (set by the pom), else {@code ../charts/smo}. */
    static final Path DIR = Path.of(System.getProperty("smo.chart", "../charts/smo"))
            .toAbsolutePath()
            .normalize();

    static final String RELEASE = "smo";
    static final String NAMESPACE = "ops";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Chart() {}

    /**
     * @param values the values, written to a values file as JSON
     * @param dir where to write it
     * @return the rendered objects, in Helm's order
     */
    static Rendered render(Map<String, Object> values, Path dir) {
        String manifests = Helm.template(DIR.toString())
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withValuesFile(valuesFile(values, dir))
                .call();
        return new Rendered(parse(manifests));
    }

    /** @return a values file holding {@code values} */
    static Path valuesFile(Map<String, Object> values, Path dir) {
        try {
            Path file = Files.createTempFile(dir, "values", ".json");
            return Files.writeString(file, JSON.writeValueAsString(values));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parse(String manifests) {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (var docs = new YAMLMapper().readerFor(Map.class).readValues(manifests)) {
            while (docs.hasNext()) {
                Object doc = docs.next();
                if (doc instanceof Map<?, ?> map && !map.isEmpty()) {
                    objects.add((Map<String, Object>) map);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Helm's output is not YAML:\n" + manifests, e);
        }
        return objects;
    }

    /** Rendered objects, looked up by kind. */
    record Rendered(List<Map<String, Object>> objects) {

        List<String> kinds() {
            return objects.stream().map(o -> (String) o.get("kind")).toList();
        }

        /** @return the one object of this kind, or an error listing what was rendered */
        Node one(String kind) {
            List<Map<String, Object>> found =
                    objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
            if (found.size() != 1) {
                throw new AssertionError("Expected one " + kind + ", rendered " + kinds());
            }
            return new Node(found.get(0));
        }
    }

    /** A node of a parsed object, walked by keys and list indexes. */
    record Node(Object value) {

        /** @param path keys of maps, or indexes of lists, e.g. {@code "spec", "containers", "0"} */
        Node at(String... path) {
            Object node = value;
            for (String key : path) {
                if (node instanceof Map<?, ?> map) {
                    node = map.get(key);
                } else if (node instanceof List<?> list) {
                    node = list.get(Integer.parseInt(key));
                } else {
                    throw new AssertionError("No " + key + " under " + node + " (path " + List.of(path) + ")");
                }
            }
            return new Node(node);
        }

        /** @return the named entry of a list of {@code {name: ...}} maps, e.g. an env variable or a volume */
        Node named(String name) {
            for (Object item : (List<?>) value) {
                if (item instanceof Map<?, ?> map && name.equals(map.get("name"))) {
                    return new Node(map);
                }
            }
            throw new AssertionError("No entry named " + name + " in " + value);
        }

        String text() {
            return value == null ? null : value.toString();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) value;
        }

        @SuppressWarnings("unchecked")
        List<Object> list() {
            return (List<Object>) value;
        }
    }
}
