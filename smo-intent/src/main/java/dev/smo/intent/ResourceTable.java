package dev.smo.intent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The quantities each abstract resource level stands for, per resource ({@code cpu}, {@code ram}, {@code storage}).
 * Immutable; {@link #with(String, String, String)} returns a changed copy.
 *
 * <p>The {@link #defaults() default} is the original SMO's table (original-smo.md §4), written as Kubernetes
 * quantities:
 * <pre>
 * level   cpu  ram    storage
 * light   0.5  500Mi  5G    (the original has no light storage; 5G, half of small, fills the gap)
 * small   1    1Gi    10G
 * medium  4    2Gi    20G
 * large   8    8Gi    40G
 * </pre>
 * The original's "500MiB", "1GiB" and "10GB" are binary (MiB, GiB) and decimal (GB) units: {@code 10G} is 10·10⁹
 * bytes, {@code 1Gi} is 2³⁰ bytes.
 */
public final class ResourceTable {

    /** The CPU resource; its quantities are in cores. */
    public static final String CPU = "cpu";
    /** The memory resource; its quantities are in bytes. */
    public static final String RAM = "ram";
    /** The storage resource; its quantities are in bytes. */
    public static final String STORAGE = "storage";
    /** The resources a table holds, in order. */
    public static final List<String> RESOURCES = List.of(CPU, RAM, STORAGE);

    private static final ResourceTable DEFAULTS = new ResourceTable(Map.of())
            .with(CPU, "light", "0.5")
            .with(RAM, "light", "500Mi")
            .with(STORAGE, "light", "5G")
            .with(CPU, "small", "1")
            .with(RAM, "small", "1Gi")
            .with(STORAGE, "small", "10G")
            .with(CPU, "medium", "4")
            .with(RAM, "medium", "2Gi")
            .with(STORAGE, "medium", "20G")
            .with(CPU, "large", "8")
            .with(RAM, "large", "8Gi")
            .with(STORAGE, "large", "40G");

    private final Map<String, Map<String, String>> quantities;

    private ResourceTable(Map<String, Map<String, String>> quantities) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        for (String resource : RESOURCES) {
            copy.put(
                    resource,
                    Collections.unmodifiableMap(new LinkedHashMap<>(quantities.getOrDefault(resource, Map.of()))));
        }
        this.quantities = Collections.unmodifiableMap(copy);
    }

    /**
     * @return the original SMO's table with light storage filled in (see the class comment)
     */
    public static ResourceTable defaults() {
        return DEFAULTS;
    }

    /**
     * Reads overrides of the {@link #defaults()} from configuration, nested or flat:
     * {@code {cpu: {xlarge: 16}, ram: {light: 512Mi}}} or {@code {"cpu.xlarge": "16"}}. Values may be strings or
     * numbers.
     *
     * @param overrides resource to level to quantity, or "resource.level" to quantity
     * @return the defaults with the overrides applied
     * @throws IllegalArgumentException when a resource is unknown or an entry has the wrong shape
     * @throws InvalidQuantityException when a value is not a non-negative quantity
     */
    public static ResourceTable fromMap(Map<String, ?> overrides) {
        ResourceTable table = DEFAULTS;
        for (Map.Entry<String, ?> entry : overrides.entrySet()) {
            String key = entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> levels) {
                for (Map.Entry<?, ?> level : levels.entrySet()) {
                    table = table.with(
                            key, String.valueOf(level.getKey()), text(key + "." + level.getKey(), level.getValue()));
                }
            } else if (key.indexOf('.') > 0) {
                int dot = key.indexOf('.');
                table = table.with(key.substring(0, dot), key.substring(dot + 1), text(key, entry.getValue()));
            } else {
                throw new IllegalArgumentException("Resource table entry (" + key + ") is neither a mapping of levels "
                        + "nor a resource.level key.\nMaybe write " + key + ": {light: ...} or " + key
                        + ".light: ....");
            }
        }
        return table;
    }

    private static String text(String key, Object value) {
        if (value instanceof String || value instanceof Number) {
            return value.toString();
        }
        throw new IllegalArgumentException(
                "Resource table entry (" + key + ") must be a quantity, not (" + value + ").");
    }

    /**
     * @param resource {@code cpu}, {@code ram} or {@code storage}
     * @param level the level name, such as {@code xlarge}
     * @param quantity a non-negative Kubernetes quantity, such as {@code 16} (cores) or {@code 32Gi}
     * @return a copy of this table with that entry added or replaced
     * @throws IllegalArgumentException when the resource is unknown or the level is blank
     * @throws InvalidQuantityException when the quantity is not a non-negative quantity
     */
    public ResourceTable with(String resource, String level, String quantity) {
        if (!RESOURCES.contains(resource)) {
            throw new IllegalArgumentException("Resource (" + resource + ") is not one of " + RESOURCES + ".");
        }
        if (level == null || level.isBlank()) {
            throw new IllegalArgumentException("Resource level of " + resource + " must not be blank.");
        }
        if (Quantity.parse(quantity).signum() < 0) {
            throw new InvalidQuantityException(
                    quantity,
                    "Resource table " + resource + " level (" + level + ") quantity (" + quantity + ") is negative.");
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<>(quantities);
        Map<String, String> levels = new LinkedHashMap<>(copy.get(resource));
        levels.put(level, quantity);
        copy.put(resource, levels);
        return new ResourceTable(copy);
    }

    /**
     * @param resource {@code cpu}, {@code ram} or {@code storage}
     * @param level a level name
     * @return the quantity the level stands for, if the table has it
     */
    public Optional<String> quantity(String resource, String level) {
        return Optional.ofNullable(quantities.getOrDefault(resource, Map.of()).get(level));
    }

    /**
     * @return every level of any resource, in table order; pass it to {@code ParseOptions.withResourceLevels}
     */
    public Set<String> levels() {
        Set<String> levels = new LinkedHashSet<>();
        quantities.values().forEach(byLevel -> levels.addAll(byLevel.keySet()));
        return Collections.unmodifiableSet(levels);
    }

    /**
     * @param resource {@code cpu}, {@code ram} or {@code storage}
     * @return the levels of that resource, in table order
     */
    public Set<String> levels(String resource) {
        return quantities.getOrDefault(resource, Map.of()).keySet();
    }

    /**
     * @return resource to level to quantity, unmodifiable
     */
    public Map<String, Map<String, String>> asMap() {
        return quantities;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceTable table && quantities.equals(table.quantities);
    }

    @Override
    public int hashCode() {
        return quantities.hashCode();
    }

    @Override
    public String toString() {
        return "ResourceTable" + quantities;
    }
}
