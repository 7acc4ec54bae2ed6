package dev.smo.core;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One alert of an Alertmanager webhook notification.
 *
 * @param status {@code firing} or {@code resolved}
 * @param labels the alert's labels; SMO's rules carry {@code service} and {@code graph}
 * @param annotations the alert's annotations
 * @param fingerprint Alertmanager's fingerprint, or {@code null}
 */
public record Alert(String status, Map<String, String> labels, Map<String, String> annotations, String fingerprint) {

    public Alert {
        Objects.requireNonNull(status, "status");
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        annotations = annotations == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(annotations));
    }

    /** @return whether the alert is firing (not resolved) */
    public boolean firing() {
        return "firing".equalsIgnoreCase(status);
    }
}
