package dev.smo.server.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current placement {@code smo plan --current} starts from: which cluster each service runs on now, and
 * optionally how many replicas it has. The file is YAML (or JSON):
 * <pre>
 * placement:                  # service → cluster; may be partial, may name clusters that are gone
 *   image-detection: brussels-edge
 *   noise-reduction: athens-edge
 * replicas:                   # optional, service → replica count (default 1)
 *   noise-reduction: 2
 * </pre>
 * A bare map of service → cluster (without {@code placement:}) is accepted too. Every service must belong to the
 * graph.
 *
 * @param placement service → cluster
 * @param replicas service → replica count
 */
record CurrentPlacement(Map<String, String> placement, Map<String, Integer> replicas) {

    private static final YAMLFactory YAML = new YAMLFactory();

    /** A parsed value with where it starts; maps hold {@code Located} values. */
    private record Located(Object value, int line, int column) {}

    static CurrentPlacement read(Path file, HdaGraph graph) {
        Located root;
        try (JsonParser parser = YAML.createParser(Files.readString(file))) {
            root = parser.nextToken() == null ? new Located(null, 0, 0) : value(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new InvalidDescriptorException(List.of(new Violation(
                    "",
                    at == null ? 0 : Math.max(0, at.getLineNr()),
                    at == null ? 0 : Math.max(0, at.getColumnNr()),
                    "Current placement is not YAML: " + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new InvalidDescriptorException(List.of(
                    Violation.of("", "Current placement file (" + file + ") cannot be read: " + e.getMessage())));
        }
        return from(root, graph);
    }

    private static CurrentPlacement from(Located root, HdaGraph graph) {
        List<Violation> problems = new ArrayList<>();
        Map<String, String> placement = new LinkedHashMap<>();
        Map<String, Integer> replicas = new LinkedHashMap<>();
        if (root.value() == null) {
            return new CurrentPlacement(placement, replicas);
        }
        if (!(root.value() instanceof Map<?, ?> top)) {
            throw new InvalidDescriptorException(List.of(at(
                    "",
                    root,
                    "Current placement must be a map of "
                            + "service → cluster.\nMaybe write placement: {my-service: my-cluster}.")));
        }
        Located clusters = root;
        boolean nested = top.containsKey("placement");
        if (nested) {
            clusters = (Located) top.get("placement");
            for (Object key : top.keySet()) {
                if (!key.equals("placement") && !key.equals("replicas")) {
                    problems.add(at(
                            "/" + pointer(key.toString()),
                            (Located) top.get(key),
                            "Current placement " + "has an unknown key (" + key
                                    + ").\nMaybe you meant placement or replicas."));
                }
            }
        }
        String base = nested ? "/placement" : "";
        entries(clusters, base, graph, problems).forEach((service, value) -> {
            if (value.value() == null || value.value() instanceof Map || value.value() instanceof List) {
                problems.add(
                        at(base + "/" + pointer(service), value, "Service (" + service + ") has no cluster name."));
            } else {
                placement.put(service, value.value().toString());
            }
        });
        if (nested && top.get("replicas") != null) {
            entries((Located) top.get("replicas"), "/replicas", graph, problems).forEach((service, value) -> {
                if (value.value() instanceof Long n && n >= 1 && n <= 10_000) {
                    replicas.put(service, n.intValue());
                } else {
                    problems.add(at(
                            "/replicas/" + pointer(service),
                            value,
                            "Service (" + service + ") replicas (" + value.value()
                                    + ") is not a count from 1 to 10000."));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidDescriptorException(problems);
        }
        return new CurrentPlacement(placement, replicas);
    }

    /** The entries of a service-keyed map, reporting services the graph does not have. */
    private static Map<String, Located> entries(Located map, String path, HdaGraph graph, List<Violation> problems) {
        Map<String, Located> known = new LinkedHashMap<>();
        if (map.value() == null) {
            return known;
        }
        if (!(map.value() instanceof Map<?, ?> entries)) {
            problems.add(at(path, map, "Must be a map keyed by service."));
            return known;
        }
        entries.forEach((key, value) -> {
            String service = key.toString();
            String where = path + "/" + pointer(service);
            if (graph.service(service).isEmpty()) {
                problems.add(at(
                        where,
                        (Located) value,
                        "Service (" + service + ") is not a service of " + "graph (" + graph.id()
                                + ").\nMaybe use one of " + graph.serviceIds() + "."));
            } else {
                known.put(service, (Located) value);
            }
        });
        return known;
    }

    private static String pointer(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Violation at(String path, Located value, String message) {
        return new Violation(path, value.line(), value.column(), message);
    }

    private static Located value(JsonParser parser) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = Math.max(0, at.getLineNr());
        int column = Math.max(0, at.getColumnNr());
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Located> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                parser.nextToken();
                map.put(key, value(parser));
            }
            return new Located(map, line, column);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Located> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser));
            }
            return new Located(list, line, column);
        }
        Object scalar = switch (token) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> parser.getLongValue();
            default -> parser.getText();
        };
        return new Located(scalar, line, column);
    }
}
