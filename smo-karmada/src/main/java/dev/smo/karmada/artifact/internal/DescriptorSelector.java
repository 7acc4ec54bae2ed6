package dev.smo.karmada.artifact.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Picks the descriptor out of an artifact's files: the first {@code .yaml}/{@code .yml} file, in sorted path order,
 * whose top level is a mapping with an {@code hdaGraph} key. The original SMO took the first YAML file whatever it
 * held; preferring one with {@code hdaGraph} keeps a chart's {@code values.yaml} from being mistaken for the graph.
 */
final class DescriptorSelector {

    /** The descriptor found: its path, text and the graph's id and version (either may be null). */
    record Descriptor(String path, String text, String id, String version) {}

    private final ObjectMapper yaml;

    DescriptorSelector(long maxFileBytes) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(maxFileBytes, 1024)));
        options.setMaxAliasesForCollections(50);
        this.yaml =
                new ObjectMapper(YAMLFactory.builder().loaderOptions(options).build());
    }

    /**
     * @param files the unpacked artifact
     * @return the descriptor
     * @throws UnsafeArtifactException naming the files seen when none qualifies
     */
    Descriptor select(UnpackedFiles files) {
        List<String> unreadable = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.yamlFiles().entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            JsonNode root;
            try {
                root = yaml.readTree(text);
            } catch (IOException | RuntimeException e) {
                unreadable.add(file.getKey() + " (" + firstLine(e.getMessage()) + ")");
                continue;
            }
            if (root != null && root.isObject() && root.has("hdaGraph")) {
                JsonNode graph = root.get("hdaGraph");
                return new Descriptor(file.getKey(), text, scalar(graph, "id"), scalar(graph, "version"));
            }
        }
        throw new UnsafeArtifactException(noDescriptorMessage(files, unreadable));
    }

    private static String noDescriptorMessage(UnpackedFiles files, List<String> unreadable) {
        StringBuilder message = new StringBuilder();
        if (files.looksLikeHelmChart()) {
            message.append("The artifact is a Helm chart, not an HDAG: no YAML file has a top-level hdaGraph key.");
        } else if (files.yamlFiles().isEmpty()) {
            message.append("The artifact holds no .yaml or .yml file, so no HDAG descriptor.");
        } else {
            message.append("The artifact holds no YAML file with a top-level hdaGraph key.");
        }
        message.append(" Files seen: ").append(shortList(files.paths())).append('.');
        if (!unreadable.isEmpty()) {
            message.append(" Unparsable YAML: ").append(shortList(unreadable)).append('.');
        }
        if (files.looksLikeHelmChart()) {
            message.append("\nMaybe this reference is a service's chart (artifact.ociImage); pass the HDAG artifact.");
        } else {
            message.append("\nMaybe the descriptor is missing its 'hdaGraph:' root key.");
        }
        return message.toString();
    }

    private static String shortList(List<String> items) {
        return items.size() <= 20 ? items.toString() : items.subList(0, 20) + " and " + (items.size() - 20) + " more";
    }

    private static String scalar(JsonNode graph, String field) {
        if (graph == null || !graph.isObject()) {
            return null;
        }
        JsonNode value = graph.get(field);
        return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
