package dev.smo.server.config;

import java.util.List;

/**
 * The effective configuration as {@code smo config check} prints it.
 *
 * @param lines every setting that has a value, with where it came from; secrets shown as {@code ***}
 * @param problems everything that would stop the server, each naming the setting
 */
public record ConfigReport(List<Line> lines, List<String> problems) {

    /**
     * One setting.
     *
     * @param name the key
     * @param value its value, or {@code ***} for a secret
     * @param origin {@code default}, {@code environment}, {@code file F} or {@code F (via NAME_FILE)}
     */
    public record Line(String name, String value, String origin) {}

    public ConfigReport {
        lines = List.copyOf(lines);
        problems = List.copyOf(problems);
    }
}
