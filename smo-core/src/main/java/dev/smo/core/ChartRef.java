package dev.smo.core;

import java.util.Objects;

/**
 * The Helm chart a service is installed from.
 *
 * @param reference the chart reference ({@code ociImage}), {@code oci://…} or {@code http(s)://…}
 * @param type {@code ociConfig.type}, or {@code null}
 * @param implementer {@code ociConfig.implementer}, or {@code null}
 */
public record ChartRef(String reference, String type, String implementer) {

    public ChartRef {
        Objects.requireNonNull(reference, "reference");
    }

    /**
     * @param reference the chart reference
     * @return a chart with neither type nor implementer
     */
    public static ChartRef of(String reference) {
        return new ChartRef(reference, null, null);
    }
}
