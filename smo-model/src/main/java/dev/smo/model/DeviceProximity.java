package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * Whether to place a service near devices.
 *
 * @param enabled boolean, or the string {@code 'True'}/{@code 'False'} in any case in the descriptor
 * @param extensions unknown fields
 */
public record DeviceProximity(boolean enabled, Map<String, Object> extensions) {

    /** Not near devices. */
    public static final DeviceProximity DISABLED = new DeviceProximity(false, Map.of());

    /** Copies the extensions. */
    public DeviceProximity {
        extensions = Values.freezeMap(extensions);
    }
}
