package dev.smo.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A dashboard to publish, as Grafana's JSON model.
 *
 * @param uid stable identifier (graph or service name)
 * @param title display title
 * @param model the dashboard JSON model (panels, templating, ...)
 */
public record Dashboard(String uid, String title, Map<String, Object> model) {

    public Dashboard {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(title, "title");
        model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }
}
