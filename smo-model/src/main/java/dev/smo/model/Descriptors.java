package dev.smo.model;

import dev.smo.model.internal.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads, validates and writes HDAG descriptors.
 *
 * <p>Parsing accepts YAML or JSON (text starting with '{' is read as JSON) and returns a graph only when it has no
 * violation; otherwise it throws {@link InvalidDescriptorException} listing every problem with its JSON pointer,
 * line and column. Hostile input (alias bombs, deep nesting, oversized documents, invalid UTF-8, several
 * documents) is refused with a violation as well; no other exception escapes parsing.
 */
public final class Descriptors {

    private Descriptors() {}

    /**
     * @param text the descriptor, YAML or JSON
     * @return the valid graph
     * @throws InvalidDescriptorException listing every problem found
     */
    public static HdaGraph parse(String text) {
        return parse(text, ParseOptions.defaults());
    }

    /**
     * @param text the descriptor, YAML or JSON
     * @param options limits and the resource-level vocabulary
     * @return the valid graph
     * @throws InvalidDescriptorException listing every problem found
     */
    public static HdaGraph parse(String text, ParseOptions options) {
        return Pipeline.parse(text, options);
    }

    /**
     * @param bytes the descriptor, UTF-8 encoded YAML or JSON (decoded strictly)
     * @return the valid graph
     * @throws InvalidDescriptorException listing every problem found
     */
    public static HdaGraph parse(byte[] bytes) {
        return parse(bytes, ParseOptions.defaults());
    }

    /**
     * @param bytes the descriptor, UTF-8 encoded YAML or JSON (decoded strictly)
     * @param options limits and the resource-level vocabulary
     * @return the valid graph
     * @throws InvalidDescriptorException listing every problem found
     */
    public static HdaGraph parse(byte[] bytes, ParseOptions options) {
        return Pipeline.parse(bytes, options);
    }

    /**
     * @param file a descriptor file
     * @return the valid graph
     * @throws InvalidDescriptorException listing every problem found, or when the file cannot be read
     */
    public static HdaGraph parse(Path file) {
        return parse(file, ParseOptions.defaults());
    }

    /**
     * @param file a descriptor file
     * @param options limits and the resource-level vocabulary
     * @return the valid graph
     * @throws InvalidDescriptorException listing every problem found, or when the file cannot be read; the file
     *         is not read when it is larger than {@link ParseOptions#maxBytes()}
     */
    public static HdaGraph parse(Path file, ParseOptions options) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > options.maxBytes()) {
                throw new InvalidDescriptorException(List.of(new Violation(
                        "",
                        1,
                        1,
                        "The descriptor is " + size
                                + " bytes, above the limit of " + options.maxBytes() + " bytes.\n"
                                + "Maybe raise ParseOptions maxBytes if the graph really is that large.")));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidDescriptorException(List.of(Violation.of(
                    "",
                    "Descriptor file (" + file + ") cannot be read: "
                            + e.getClass().getSimpleName() + ".")));
        }
        return parse(bytes, options);
    }

    /**
     * Checks a graph built in code against the rules {@link #parse(String)} applies after reading: ids,
     * references between services, resource levels and quantities, artifacts. Type rules need no check, since the
     * records cannot hold wrongly typed values.
     *
     * @param graph the graph
     * @return every violation, with line and column 0; empty when the graph is valid
     */
    public static List<Violation> validate(HdaGraph graph) {
        return validate(graph, ParseOptions.DEFAULT_RESOURCE_LEVELS);
    }

    /**
     * @param graph the graph
     * @param resourceLevels the accepted abstract resource levels
     * @return every violation, with line and column 0; empty when the graph is valid
     */
    public static List<Violation> validate(HdaGraph graph, Set<String> resourceLevels) {
        return Pipeline.validate(graph, resourceLevels);
    }

    /**
     * @param graph the graph
     * @return the descriptor as YAML; {@code parse(toYaml(graph))} equals {@code graph} for a valid graph
     */
    public static String toYaml(HdaGraph graph) {
        return Pipeline.toYaml(graph);
    }

    /**
     * @param graph the graph
     * @return the descriptor as indented JSON; {@code parse(toJson(graph))} equals {@code graph} for a valid graph
     */
    public static String toJson(HdaGraph graph) {
        return Pipeline.toJson(graph);
    }

    /**
     * @param graph the graph
     * @return the descriptor as ordered plain maps, lists and scalars: {@code {hdaGraph: {...}}}
     */
    public static Map<String, Object> toMap(HdaGraph graph) {
        return Pipeline.toMap(graph);
    }
}
