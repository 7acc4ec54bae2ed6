package dev.smo.model;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Limits and vocabulary used when reading a descriptor. Immutable; change a copy with the {@code with…} methods.
 *
 * @param maxBytes largest accepted document, in bytes (UTF-8)
 * @param maxDepth deepest accepted nesting of mappings and lists
 * @param maxAliases most YAML aliases to mappings or lists accepted in one document
 * @param maxNodes most values (mappings, lists and scalars) the document may expand to once aliases are resolved
 * @param resourceLevels the abstract levels accepted for {@code compute.cpu}, {@code ram} and {@code storage}, in
 *        display order
 */
public record ParseOptions(long maxBytes, int maxDepth, int maxAliases, long maxNodes, Set<String> resourceLevels) {

    /** The levels of the original SMO's translation table: light, small, medium, large. */
    public static final Set<String> DEFAULT_RESOURCE_LEVELS =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of("light", "small", "medium", "large")));

    private static final ParseOptions DEFAULTS =
            new ParseOptions(1024 * 1024, 64, 50, 100_000, DEFAULT_RESOURCE_LEVELS);

    /**
     * Checks the limits and copies the levels, keeping their order.
     *
     * @throws IllegalArgumentException when a limit is not positive
     */
    public ParseOptions {
        if (maxBytes < 1 || maxDepth < 1 || maxAliases < 0 || maxNodes < 1) {
            throw new IllegalArgumentException("ParseOptions limits must be positive: maxBytes (" + maxBytes
                    + "), maxDepth (" + maxDepth + "), maxAliases (" + maxAliases + "), maxNodes (" + maxNodes + ").");
        }
        Objects.requireNonNull(resourceLevels, "resourceLevels");
        resourceLevels = Collections.unmodifiableSet(new LinkedHashSet<>(resourceLevels));
    }

    /**
     * @return 1 MiB, depth 64, 50 aliases, 100 000 values and {@link #DEFAULT_RESOURCE_LEVELS}
     */
    public static ParseOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param maxBytes largest accepted document, in bytes
     * @return a copy with that size limit
     */
    public ParseOptions withMaxBytes(long maxBytes) {
        return new ParseOptions(maxBytes, maxDepth, maxAliases, maxNodes, resourceLevels);
    }

    /**
     * @param maxDepth deepest accepted nesting
     * @return a copy with that depth limit
     */
    public ParseOptions withMaxDepth(int maxDepth) {
        return new ParseOptions(maxBytes, maxDepth, maxAliases, maxNodes, resourceLevels);
    }

    /**
     * @param resourceLevels the accepted abstract levels, for example {@code ResourceTable.levels()}
     * @return a copy with that vocabulary
     */
    public ParseOptions withResourceLevels(Set<String> resourceLevels) {
        return new ParseOptions(maxBytes, maxDepth, maxAliases, maxNodes, resourceLevels);
    }
}
