package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.List;
import java.util.Map;

/**
 * Network wishes of a service. The original SMO ignores them.
 *
 * @param latencies quality of service per connection point
 * @param deviceProximity whether to place near devices; null becomes disabled
 * @param extensions unknown fields of {@code network}
 */
public record Network(List<Latency> latencies, DeviceProximity deviceProximity, Map<String, Object> extensions) {

    /** No latencies and no device proximity. */
    public static final Network EMPTY = new Network(null, null, null);

    /** Applies the defaults and copies the collections. */
    public Network {
        latencies = latencies == null ? List.of() : List.copyOf(latencies);
        deviceProximity = deviceProximity == null ? DeviceProximity.DISABLED : deviceProximity;
        extensions = Values.freezeMap(extensions);
    }
}
