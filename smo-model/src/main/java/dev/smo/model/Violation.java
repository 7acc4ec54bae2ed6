package dev.smo.model;

import java.util.Objects;

/**
 * One problem found in a descriptor.
 *
 * @param path JSON pointer to the offending value, such as {@code /hdaGraph/services/2/deployment/intent/compute/cpu};
 *        the empty string points at the whole document
 * @param line 1-based source line, 0 when unknown (for example for a graph built in code)
 * @param column 1-based source column, 0 when unknown
 * @param message what is wrong, naming the thing and its value; a hint follows on its own line starting "Maybe"
 */
public record Violation(String path, int line, int column, String message) {

    /**
     * Checks the arguments.
     *
     * @throws NullPointerException when {@code path} or {@code message} is null
     * @throws IllegalArgumentException when {@code line} or {@code column} is negative
     */
    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException(
                    "Violation line (" + line + ") and column (" + column + ") must not be negative.");
        }
    }

    /**
     * Creates a violation without a source location.
     *
     * @param path JSON pointer to the offending value
     * @param message what is wrong
     * @return a violation at line 0, column 0
     */
    public static Violation of(String path, String message) {
        return new Violation(path, 0, 0, message);
    }

    /**
     * Formats the violation as {@code path (line:col): message}, the root pointer shown as {@code /} and each
     * further message line indented by two spaces.
     *
     * @return the one-or-more-line human-readable form
     */
    public String format() {
        String shownPath = path.isEmpty() ? "/" : path;
        return shownPath + " (" + line + ":" + column + "): " + message.replace("\n", "\n  ");
    }

    @Override
    public String toString() {
        return format();
    }
}
