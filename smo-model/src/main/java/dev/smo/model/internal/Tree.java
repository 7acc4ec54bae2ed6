package dev.smo.model.internal;

import dev.smo.model.Violation;
import java.util.List;
import java.util.Map;

/**
 * A parsed document: its root, the source position of each JSON pointer, and the non-fatal problems found while
 * reading (duplicate keys).
 */
public record Tree(Node root, Map<String, Mark> marks, List<Violation> problems) {

    /** @return the position of the pointer, or of its nearest ancestor that has one */
    public Mark markOf(String pointer) {
        String path = pointer;
        while (true) {
            Mark mark = marks.get(path);
            if (mark != null) {
                return mark;
            }
            if (path.isEmpty()) {
                return Mark.UNKNOWN;
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
    }
}
