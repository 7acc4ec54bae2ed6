package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * Resource needs as written: an abstract level ({@code light}, {@code small}, {@code medium}, {@code large}) or an
 * explicit Kubernetes quantity. {@code smo-intent} translates them to concrete requests.
 *
 * @param cpu a level or a CPU quantity such as {@code 250m}, {@code 2} or {@code 0.5}; null when not given
 * @param ram a level or a memory quantity such as {@code 500Mi} or {@code 3Gi}; null when not given
 * @param storage a level, a quantity such as {@code 10G}, or {@code none}; null when not given
 * @param gpu the GPU need; null becomes {@link Gpu#DISABLED}
 * @param extensions unknown fields of {@code compute}
 */
public record Compute(String cpu, String ram, String storage, Gpu gpu, Map<String, Object> extensions) {

    /** No resource given and no GPU. */
    public static final Compute UNSPECIFIED = new Compute(null, null, null, null, null);

    /** Applies the default GPU and copies the extensions. */
    public Compute {
        gpu = gpu == null ? Gpu.DISABLED : gpu;
        extensions = Values.freezeMap(extensions);
    }

    /**
     * @param cpu a level or CPU quantity
     * @param ram a level or memory quantity
     * @param storage a level, quantity or {@code none}
     * @return a compute intent without GPU
     */
    public static Compute of(String cpu, String ram, String storage) {
        return new Compute(cpu, ram, storage, Gpu.DISABLED, Map.of());
    }

    /**
     * @param gpu the GPU need
     * @return a copy with that GPU need
     */
    public Compute withGpu(Gpu gpu) {
        return new Compute(cpu, ram, storage, gpu, extensions);
    }
}
