package dev.smo.server.config;

import dev.smo.common.SmoException;
import java.util.List;

/** The environment holds settings SMO cannot use; the message lists every one of them. */
public class ConfigException extends SmoException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** @param problems one line per bad setting, naming the variable and its value */
    public ConfigException(List<String> problems) {
        super("SMO cannot start with this configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** @return one line per bad setting */
    public List<String> problems() {
        return problems;
    }
}
