package dev.smo.core.spi;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One series of a range-query result: its labels and its points, oldest first.
 *
 * @param labels the series labels
 * @param points the values over time
 */
public record Series(Map<String, String> labels, List<Point> points) {

    /** Copies the labels (sorted) and points. */
    public Series {
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        points = List.copyOf(points);
    }

    /**
     * One value of a series.
     *
     * @param at when
     * @param value the value (may be NaN)
     */
    public record Point(Instant at, double value) {

        /** Checks the time. */
        public Point {
            Objects.requireNonNull(at, "at");
        }
    }
}
