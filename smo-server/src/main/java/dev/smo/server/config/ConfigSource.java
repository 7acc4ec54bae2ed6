package dev.smo.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw configuration values and where each came from, in one precedence: the environment over a configuration
 * file over the defaults. A secret may also come from the file its {@code <NAME>_FILE} variable names (its content,
 * trimmed: how Kubernetes mounts secrets), but never from both that file and the variable. Keys of the configuration
 * file are the environment's names; an unknown key is a problem, with the nearest known one suggested.
 */
public final class ConfigSource {

    private static final String ENVIRONMENT = "environment";

    /** A raw value and where it was set. */
    record Value(String text, String origin) {}

    private final Map<String, Value> values;
    private final List<String> problems;

    private ConfigSource(Map<String, Value> values, List<String> problems) {
        this.values = values;
        this.problems = problems;
    }

    /**
     * @param env the environment
     * @param file a YAML configuration file of {@code KEY: value} pairs, or empty
     * @return the values, with the problems found while reading them
     */
    public static ConfigSource load(Map<String, String> env, Optional<Path> file) {
        Map<String, Value> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        file.ifPresent(path -> readFile(path, values, problems));
        for (Setting setting : Setting.ALL) {
            String name = setting.name();
            String direct = blankToNull(env.get(name));
            if (direct != null) {
                values.put(name, new Value(direct.trim(), ENVIRONMENT));
            }
            String secretFile = blankToNull(env.get(name + "_FILE"));
            if (secretFile == null) {
                continue;
            }
            if (!setting.secret()) {
                problems.add(name + "_FILE is set, but " + name + " is not a secret; set " + name + " itself.");
            } else if (direct != null) {
                problems.add(name + " and " + name + "_FILE are both set; keep one.");
            } else {
                readSecret(name, Path.of(secretFile.trim()), values, problems);
            }
        }
        return new ConfigSource(values, problems);
    }

    /** @return the problems found while reading (unknown keys, unreadable files, a secret set twice) */
    List<String> problems() {
        return problems;
    }

    /**
     * @param name a key of the catalogue
     * @return its value, trimmed, or empty when unset or blank
     * @throws IllegalArgumentException for a key the catalogue does not list
     */
    Optional<String> text(String name) {
        requireKnown(name);
        return Optional.ofNullable(values.get(name)).map(Value::text);
    }

    /**
     * @param name a key of the catalogue
     * @return where its value came from: {@code environment}, {@code file F}, {@code F (via NAME_FILE)} or
     *     {@code default}
     */
    String origin(String name) {
        requireKnown(name);
        Value value = values.get(name);
        return value == null ? "default" : value.origin();
    }

    private static void requireKnown(String name) {
        if (Setting.named(name).isEmpty()) {
            throw new IllegalArgumentException("Setting (" + name + ") is not in Setting.ALL.");
        }
    }

    private static void readFile(Path path, Map<String, Value> values, List<String> problems) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(path.toFile());
        } catch (IOException e) {
            problems.add("The configuration file (" + path + ") cannot be read: " + firstLine(e.getMessage()));
            return;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            problems.add("The configuration file (" + path + ") is not a mapping of settings, e.g. SMO_PORT: 8000.");
            return;
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            JsonNode node = entry.getValue();
            if (Setting.named(key).isEmpty()) {
                problems.add("The configuration file (" + path + ") sets " + key + ", which SMO does not know."
                        + nearest(key).map(n -> "\n  Maybe " + n + ".").orElse(""));
            } else if (!node.isValueNode()) {
                problems.add(key + " in the configuration file (" + path + ") must be a single value.");
            } else if (!node.isNull() && !node.asText().isBlank()) {
                values.put(key, new Value(node.asText().trim(), "file " + path));
            }
        }
    }

    private static void readSecret(String name, Path path, Map<String, Value> values, List<String> problems) {
        try {
            String content = Files.readString(path, StandardCharsets.UTF_8).trim();
            if (content.isEmpty()) {
                problems.add(name + "_FILE (" + path + ") is empty.");
            } else {
                values.put(name, new Value(content, path + " (via " + name + "_FILE)"));
            }
        } catch (IOException e) {
            problems.add(name + "_FILE (" + path + ") cannot be read: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static Optional<String> nearest(String key) {
        return Setting.ALL.stream()
                .map(Setting::name)
                .min(Comparator.comparingInt(n -> distance(n, key)))
                .filter(n -> distance(n, key) <= Math.max(2, key.length() / 4));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
