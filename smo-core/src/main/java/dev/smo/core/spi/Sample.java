package dev.smo.core.spi;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One element of an instant-query result vector.
 *
 * @param labels the series labels
 * @param value the sample value (may be NaN)
 */
public record Sample(Map<String, String> labels, double value) {

    public Sample {
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    }
}
