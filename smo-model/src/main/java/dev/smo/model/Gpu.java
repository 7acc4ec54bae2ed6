package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.List;
import java.util.Map;

/**
 * GPU need. The descriptor's {@code enabled} may be a boolean or the original's string {@code 'True'}/{@code 'False'}
 * in any case.
 *
 * @param enabled whether the service needs GPUs
 * @param count GPUs needed when enabled, at least 1 (default 1)
 * @param vendor {@code nvidia}, {@code amd} or {@code intel} when the service needs that vendor's GPUs, {@code null}
 *     when any will do (the descriptor's {@code vendor}, default {@code any})
 * @param extensions unknown fields of {@code gpu}
 */
public record Gpu(boolean enabled, int count, String vendor, Map<String, Object> extensions) {

    /** No GPU. */
    public static final Gpu DISABLED = new Gpu(false, 1, Map.of());

    /** The vendors a GPU need may name. */
    public static final List<String> VENDORS = List.of("nvidia", "amd", "intel");

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
        if (vendor != null && !VENDORS.contains(vendor)) {
            throw new IllegalArgumentException(
                    "Gpu vendor (" + vendor + ") is not one of " + VENDORS + ".\nMaybe use null for any vendor.");
        }
        extensions = Values.freezeMap(extensions);
    }

    /**
     * A need any vendor's GPUs satisfy.
     *
     * @param enabled whether the service needs GPUs
     * @param count GPUs needed when enabled
     * @param extensions unknown fields
     */
    public Gpu(boolean enabled, int count, Map<String, Object> extensions) {
        this(enabled, count, null, extensions);
    }

    /**
     * @param gpuResource a cluster's GPU resource name ({@code nvidia.com/gpu}, {@code amd.com/gpu},
     *     {@code gpu.intel.com/i915}...), or {@code null} when the cluster names none ({@code nvidia.com/gpu} is
     *     then requested)
     * @return whether GPUs of that resource satisfy this need
     */
    public boolean acceptsResource(String gpuResource) {
        if (vendor == null) {
            return true;
        }
        String resource = gpuResource == null ? "nvidia.com/gpu" : gpuResource;
        return switch (vendor) {
            case "nvidia" -> resource.startsWith("nvidia.com/");
            case "amd" -> resource.startsWith("amd.com/");
            default -> resource.startsWith("gpu.intel.com/");
        };
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
