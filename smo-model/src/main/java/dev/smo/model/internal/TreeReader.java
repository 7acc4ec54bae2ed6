package dev.smo.model.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.smo.model.ParseOptions;
import dev.smo.model.Violation;
import dev.smo.model.internal.Node.ListNode;
import dev.smo.model.internal.Node.MapNode;
import dev.smo.model.internal.Node.ScalarNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into a {@link Node} tree with source positions, resolving YAML aliases within limits.
 * Every failure becomes a {@link Fatal} carrying one violation; nothing else escapes.
 */
public final class TreeReader {

    private final ParseOptions options;
    private final Map<String, Node> anchors = new HashMap<>();
    private final Map<String, dev.smo.model.internal.Mark> marks = new HashMap<>();
    private final List<Violation> problems = new ArrayList<>();
    private int aliases;
    private JsonParser parser;

    private TreeReader(ParseOptions options) {
        this.options = options;
    }

    /**
     * @return the tree of the bytes, decoded strictly as UTF-8
     * @throws Fatal when the document cannot be read
     */
    public static Tree read(byte[] bytes, ParseOptions options) {
        checkSize(bytes.length, options);
        return read(Utf8.decode(bytes), options);
    }

    /**
     * @return the tree of the text; JSON when it starts with '{', YAML otherwise
     * @throws Fatal when the document cannot be read
     */
    public static Tree read(String text, ParseOptions options) {
        if (text.length() > options.maxBytes() || (long) text.length() * 3 > options.maxBytes()) {
            checkSize(Text.utf8Length(text), options);
        }
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return new TreeReader(options).readDocument(content);
    }

    private static void checkSize(long bytes, ParseOptions options) {
        if (bytes > options.maxBytes()) {
            throw new Fatal(new Violation(
                    "",
                    1,
                    1,
                    "The descriptor is " + bytes + " bytes, above the limit of " + options.maxBytes()
                            + " bytes.\nMaybe raise ParseOptions maxBytes if the graph really is that large."));
        }
    }

    private Tree readDocument(String text) {
        boolean json = text.stripLeading().startsWith("{");
        JsonFactory factory = json ? Factories.json() : Factories.yaml(options);
        try (JsonParser p = factory.createParser(text)) {
            parser = p;
            JsonToken token = p.nextToken();
            if (token == null || (token == JsonToken.VALUE_NULL && p.nextToken() == null)) {
                throw fatal(
                        "", "The descriptor is empty.\nMaybe start it with hdaGraph: and the graph's id and services.");
            }
            Node root = read(token, "", 1);
            if (!(root instanceof MapNode)) {
                throw new Fatal(new Violation(
                        "",
                        root.mark().line(),
                        root.mark().column(),
                        "The descriptor's top level is a " + root.kind()
                                + ", not a mapping.\nMaybe start it with hdaGraph: and the graph's id and services."));
            }
            JsonToken next = p.nextToken();
            if (next != null && !(next == JsonToken.VALUE_NULL && p.nextToken() == null)) {
                throw fatal(
                        "",
                        "The descriptor holds more than one document; the second starts here.\n"
                                + "Maybe split it into one file per graph.");
            }
            return new Tree(root, marks, problems);
        } catch (StreamReadException e) {
            throw new Fatal(syntaxViolation(e, json));
        } catch (IOException | RuntimeException e) {
            if (e instanceof Fatal fatal) {
                throw fatal;
            }
            throw fatal("", "The descriptor cannot be read: " + Text.oneLine(String.valueOf(e.getMessage())) + ".");
        }
    }

    private Node read(JsonToken token, String path, int depth) throws IOException {
        dev.smo.model.internal.Mark mark = here();
        Node node;
        switch (token) {
            case START_OBJECT -> node = readMap(path, depth, mark);
            case START_ARRAY -> node = readList(path, depth, mark);
            case VALUE_STRING -> node = isAlias() ? alias(path) : scalar(parser.getText(), mark);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> node = scalar(number(token, path, mark), mark);
            case VALUE_TRUE -> node = scalar(true, mark);
            case VALUE_FALSE -> node = scalar(false, mark);
            case VALUE_NULL -> node = new ScalarNode(null, "", mark);
            default -> node = scalar(parser.getText(), mark);
        }
        marks.putIfAbsent(path, mark);
        return node;
    }

    private MapNode readMap(String path, int depth, dev.smo.model.internal.Mark mark) throws IOException {
        checkDepth(depth);
        String anchor = anchor();
        Map<String, Node> entries = new LinkedHashMap<>();
        long size = 1;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            dev.smo.model.internal.Mark keyMark = here();
            String childPath = path + "/" + Text.escapePointer(key);
            Node value = read(parser.nextToken(), childPath, depth + 1);
            if (entries.containsKey(key)) {
                problems.add(new Violation(
                        childPath,
                        keyMark.line(),
                        keyMark.column(),
                        "Field (" + key
                                + ") appears twice in one mapping; the first is at line "
                                + entries.get(key).mark().line()
                                + ".\nMaybe remove one of them."));
            } else {
                entries.put(key, value);
            }
            size = checkNodes(size + value.size());
        }
        expect(token, JsonToken.END_OBJECT);
        return remember(anchor, new MapNode(Collections.unmodifiableMap(entries), mark, size));
    }

    private ListNode readList(String path, int depth, dev.smo.model.internal.Mark mark) throws IOException {
        checkDepth(depth);
        String anchor = anchor();
        List<Node> items = new ArrayList<>();
        long size = 1;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            Node item = read(token, path + "/" + items.size(), depth + 1);
            items.add(item);
            size = checkNodes(size + item.size());
        }
        expect(token, JsonToken.END_ARRAY);
        return remember(anchor, new ListNode(Collections.unmodifiableList(items), mark, size));
    }

    private Node scalar(Object value, dev.smo.model.internal.Mark mark) throws IOException {
        Node node = new ScalarNode(value, parser.getText(), mark);
        return remember(anchor(), node);
    }

    private Object number(JsonToken token, String path, dev.smo.model.internal.Mark mark) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getNumberValue();
        }
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            problems.add(new Violation(
                    path,
                    mark.line(),
                    mark.column(),
                    "Number (" + Text.oneLine(parser.getText())
                            + ") is out of the range of a double.\nMaybe quote it to keep it as text."));
            return parser.getText();
        }
        return value;
    }

    private Node alias(String path) throws IOException {
        String name = parser.getText();
        Node target = anchors.get(name);
        if (target == null) {
            throw fatal(
                    path,
                    "Alias (*" + name + ") names no anchor defined before it.\nMaybe define &" + name
                            + " earlier in the document.");
        }
        if (!(target instanceof ScalarNode) && ++aliases > options.maxAliases()) {
            throw fatal(
                    path,
                    "The descriptor uses more than " + options.maxAliases()
                            + " aliases to mappings or lists.\nMaybe write the repeated values out.");
        }
        return target;
    }

    private <N extends Node> N remember(String anchor, N node) {
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    private long checkNodes(long size) {
        if (size > options.maxNodes()) {
            throw fatal(
                    "",
                    "The descriptor expands to more than " + options.maxNodes() + " values"
                            + (aliases > 0 ? " through its " + aliases + " aliases" : "")
                            + ".\nMaybe split the graph.");
        }
        return size;
    }

    private void checkDepth(int depth) {
        if (depth > options.maxDepth()) {
            throw fatal("", "The descriptor nests deeper than " + options.maxDepth() + " levels.");
        }
    }

    private void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw fatal(
                    "",
                    "The descriptor ends early, inside a " + (expected == JsonToken.END_ARRAY ? "list." : "mapping."));
        }
    }

    private boolean isAlias() {
        return parser instanceof YAMLParser yaml && yaml.isCurrentAlias();
    }

    private String anchor() throws IOException {
        return parser instanceof YAMLParser yaml ? yaml.getObjectId() : null;
    }

    private dev.smo.model.internal.Mark here() {
        JsonLocation location = parser.currentTokenLocation();
        return new dev.smo.model.internal.Mark(Math.max(0, location.getLineNr()), Math.max(0, location.getColumnNr()));
    }

    private Fatal fatal(String path, String message) {
        dev.smo.model.internal.Mark mark = parser == null ? new dev.smo.model.internal.Mark(1, 1) : here();
        return new Fatal(new Violation(path, mark.line(), mark.column(), message));
    }

    private static Violation syntaxViolation(StreamReadException e, boolean json) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof MarkedYAMLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            return new Violation(
                    "",
                    mark.getLine() + 1,
                    mark.getColumn() + 1,
                    "The descriptor is not valid YAML: " + Text.oneLine(yaml.getProblem()) + ".");
        }
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        return new Violation(
                "",
                line,
                column,
                "The descriptor is not valid " + (json ? "JSON" : "YAML") + ": " + Text.oneLine(e.getOriginalMessage())
                        + ".");
    }
}
