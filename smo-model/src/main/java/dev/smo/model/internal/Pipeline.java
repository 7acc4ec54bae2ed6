package dev.smo.model.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.smo.common.SmoException;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.ParseOptions;
import dev.smo.model.Violation;
import dev.smo.model.internal.Node.MapNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Reads, maps and validates a descriptor; writes records back to YAML and JSON. */
public final class Pipeline {

    private static final Comparator<Violation> SOURCE_ORDER =
            Comparator.comparingInt(Violation::line).thenComparingInt(Violation::column);

    private Pipeline() {}

    /** @return the valid graph read from the bytes */
    public static HdaGraph parse(byte[] bytes, ParseOptions options) {
        return parse(() -> TreeReader.read(bytes, options), options);
    }

    /** @return the valid graph read from the text */
    public static HdaGraph parse(String text, ParseOptions options) {
        return parse(() -> TreeReader.read(text, options), options);
    }

    private static HdaGraph parse(Supplier<Tree> reader, ParseOptions options) {
        Tree tree;
        try {
            tree = reader.get();
        } catch (Fatal fatal) {
            throw new InvalidDescriptorException(List.of(fatal.violation()));
        }
        Fields fields = new Fields();
        HdaGraph graph = new GraphMapper(fields).map((MapNode) tree.root());
        List<Violation> violations = new ArrayList<>(tree.problems());
        violations.addAll(fields.violations());
        if (graph != null) {
            Set<String> flagged = fields.flaggedPaths();
            GraphValidator.validate(graph, options.resourceLevels(), tree::markOf).stream()
                    .filter(violation -> !flagged.contains(violation.path()))
                    .forEach(violations::add);
        }
        if (!violations.isEmpty()) {
            violations.sort(SOURCE_ORDER);
            throw new InvalidDescriptorException(violations);
        }
        return graph;
    }

    /** @return every violation of the graph, without source positions */
    public static List<Violation> validate(HdaGraph graph, Set<String> levels) {
        return GraphValidator.validate(graph, levels, path -> Mark.UNKNOWN);
    }

    /** @return the graph as YAML */
    public static String toYaml(HdaGraph graph) {
        return write(() -> Factories.yamlWriter().writeValueAsString(GraphWriter.toMap(graph)));
    }

    /** @return the graph as indented JSON */
    public static String toJson(HdaGraph graph) {
        return write(() -> Factories.jsonWriter().writeValueAsString(GraphWriter.toMap(graph)) + "\n");
    }

    /** @return the graph as plain ordered maps */
    public static Map<String, Object> toMap(HdaGraph graph) {
        return GraphWriter.toMap(graph);
    }

    private interface Writer {
        String write() throws JsonProcessingException;
    }

    private static String write(Writer writer) {
        try {
            return writer.write();
        } catch (JsonProcessingException e) {
            throw new SmoException("Cannot write the graph: " + e.getOriginalMessage() + ".", e);
        }
    }
}
