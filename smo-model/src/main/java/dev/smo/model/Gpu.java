package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * GPU need. The descriptor's {@code enabled} may be a boolean or the original's string {@code 'True'}/{@code 'False'}
 * in any case.
 *
 * @param enabled whether the service needs GPUs
 * @param count GPUs needed when enabled, at least 1 (default 1)
 * @param extensions unknown fields of {@code gpu}
 */
public record Gpu(boolean enabled, int count, Map<String, Object> extensions) {

    /** No GPU. */
    public static final Gpu DISABLED = new Gpu(false, 1, Map.of());

    /**
     * Checks the count and copies the extensions.
     *
     * @throws IllegalArgumentException when {@code count} is below 1
     */
    public Gpu {
        if (count < 1) {
            throw new IllegalArgumentException(
                    "Gpu count (" + count + ") must be at least 1.\n" + "Maybe use Gpu.DISABLED for no GPU.");
        }
        extensions = Values.freezeMap(extensions);
    }

    /**
     * @param count GPUs needed, at least 1
     * @return an enabled GPU need
     */
    public static Gpu of(int count) {
        return new Gpu(true, count, Map.of());
    }

    /**
     * @return GPUs to request: {@code count} when enabled, 0 otherwise
     */
    public int requested() {
        return enabled ? count : 0;
    }
}
