package dev.smo.karmada;

import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Renders the Brussels demo charts of smo-examples with {@code helm template} and reads the objects back. */
final class ExampleCharts {

    static final Path CHARTS = Path.of(System.getProperty("smo.examples.charts", "../smo-examples/charts"))
            .toAbsolutePath()
            .normalize();

    private ExampleCharts() {}

    /**
     * @param dir where the values file is written
     * @param chart the chart's directory name, also the release name
     * @param valuesJson the values
     * @return the rendered objects, in the namespace {@code brussels}
     */
    static List<Map<String, Object>> render(Path dir, String chart, String valuesJson) throws Exception {
        Path values = Files.writeString(dir.resolve(chart + "-values.json"), valuesJson);
        String manifests = Helm.template(CHARTS.resolve(chart).toString())
                .withName(chart)
                .withNamespace("brussels")
                .withValuesFile(values)
                .call();
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(manifests)) {
            if (doc instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) map;
                objects.add(object);
            }
        }
        return objects;
    }

    static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(meta(o).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in " + objects));
    }

    static Map<?, ?> meta(Map<String, Object> object) {
        return (Map<?, ?>) object.get("metadata");
    }

    @SuppressWarnings("unchecked")
    static Object at(Object root, String... path) {
        Object node = root;
        for (String key : path) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }
}
