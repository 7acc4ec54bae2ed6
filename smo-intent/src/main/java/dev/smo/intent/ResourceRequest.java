package dev.smo.intent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The concrete resources one replica of a service requests.
 *
 * @param cpuMillis CPU in millicores (1000 = one core)
 * @param memoryBytes memory in bytes
 * @param storageBytes storage in bytes; 0 means none
 * @param gpus whole GPUs
 */
public record ResourceRequest(long cpuMillis, long memoryBytes, long storageBytes, int gpus) {

    /** Nothing requested. */
    public static final ResourceRequest ZERO = new ResourceRequest(0, 0, 0, 0);

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException when a value is negative
     */
    public ResourceRequest {
        if (cpuMillis < 0 || memoryBytes < 0 || storageBytes < 0 || gpus < 0) {
            throw new IllegalArgumentException(
                    "ResourceRequest values must not be negative: cpuMillis (" + cpuMillis + "), memoryBytes ("
                            + memoryBytes + "), storageBytes (" + storageBytes + "), gpus (" + gpus + ").");
        }
    }

    /**
     * @param other another request
     * @return the sum of both
     * @throws ArithmeticException on overflow
     */
    public ResourceRequest plus(ResourceRequest other) {
        return new ResourceRequest(
                Math.addExact(cpuMillis, other.cpuMillis),
                Math.addExact(memoryBytes, other.memoryBytes),
                Math.addExact(storageBytes, other.storageBytes),
                Math.addExact(gpus, other.gpus));
    }

    /**
     * @param replicas how many replicas, not negative
     * @return the request of that many replicas
     * @throws ArithmeticException on overflow
     */
    public ResourceRequest times(int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("ResourceRequest replicas (" + replicas + ") must not be negative.");
        }
        return new ResourceRequest(
                Math.multiplyExact(cpuMillis, replicas),
                Math.multiplyExact(memoryBytes, replicas),
                Math.multiplyExact(storageBytes, replicas),
                Math.multiplyExact(gpus, replicas));
    }

    /**
     * @return CPU in cores, for display and optimisation ({@code 500} millicores is {@code 0.5})
     */
    public double cpuCores() {
        return cpuMillis / 1000.0;
    }

    /**
     * @return Kubernetes resource quantities: {@code cpu} and {@code memory} always, {@code ephemeral-storage} when
     *         storage is requested, {@code nvidia.com/gpu} when GPUs are; for example
     *         {@code {cpu=500m, memory=500Mi, ephemeral-storage=5G}}
     */
    public Map<String, String> toKubernetes() {
        Map<String, String> quantities = new LinkedHashMap<>();
        quantities.put("cpu", Quantity.formatMillis(cpuMillis));
        quantities.put("memory", Quantity.formatBytes(memoryBytes));
        if (storageBytes > 0) {
            quantities.put("ephemeral-storage", Quantity.formatBytes(storageBytes));
        }
        if (gpus > 0) {
            quantities.put("nvidia.com/gpu", Integer.toString(gpus));
        }
        return quantities;
    }
}
