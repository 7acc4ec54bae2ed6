package dev.smo.model.internal;

import java.util.List;
import java.util.Map;

/** A parsed YAML/JSON value with its source position. */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    /** @return where the value starts */
    Mark mark();

    /** @return how many values this one expands to, counting aliased values each time they are used */
    long size();

    /** @return the kind of value, as named in messages: mapping, list, string, number, boolean or null */
    String kind();

    /** A mapping; keys keep their order. */
    record MapNode(Map<String, Node> entries, Mark mark, long size) implements Node {
        @Override
        public String kind() {
            return "mapping";
        }

        /** @return the value of the key, null when absent */
        public Node get(String key) {
            return entries.get(key);
        }
    }

    /** A list. */
    record ListNode(List<Node> items, Mark mark, long size) implements Node {
        @Override
        public String kind() {
            return "list";
        }
    }

    /** A scalar: value is a String, Boolean, Number or null; text is the source text. */
    record ScalarNode(Object value, String text, Mark mark) implements Node {
        @Override
        public long size() {
            return 1;
        }

        @Override
        public String kind() {
            if (value == null) {
                return "null";
            }
            if (value instanceof Boolean) {
                return "boolean";
            }
            return value instanceof Number ? "number" : "string";
        }

        /** @return whether this is the null value */
        public boolean isNull() {
            return value == null;
        }
    }
}
