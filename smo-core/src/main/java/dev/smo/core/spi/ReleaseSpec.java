package dev.smo.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Helm release to install or upgrade.
 *
 * @param namespace target namespace (the graph's project)
 * @param release release name (the service id, a DNS-1123 label)
 * @param chart chart reference, e.g. {@code oci://registry:5000/test/noise-reduction}
 * @param chartVersion chart version, or {@code null} for the reference's tag or the latest
 * @param values the complete values to apply (user overrides merged with SMO's placement values)
 */
public record ReleaseSpec(
        String namespace, String release, String chart, String chartVersion, Map<String, Object> values) {

    public ReleaseSpec {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(chart, "chart");
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
