package dev.smo.model;

import dev.smo.common.SmoException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A descriptor could not be read or broke at least one rule. Carries every violation found, not only the first.
 */
public class InvalidDescriptorException extends SmoException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    /**
     * @param violations every problem found; must not be empty
     * @throws IllegalArgumentException when {@code violations} is empty
     */
    public InvalidDescriptorException(List<Violation> violations) {
        super(message(violations));
        this.violations = List.copyOf(violations);
    }

    private static String message(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("An InvalidDescriptorException needs at least one violation.");
        }
        String count = violations.size() == 1 ? "1 problem" : violations.size() + " problems";
        return "The descriptor has " + count + ":\n"
                + violations.stream().map(Violation::format).collect(Collectors.joining("\n"));
    }

    /**
     * @return every problem found, in source order
     */
    public List<Violation> violations() {
        return violations;
    }
}
