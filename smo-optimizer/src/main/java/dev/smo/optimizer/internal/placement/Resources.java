package dev.smo.optimizer.internal.placement;

import dev.smo.optimizer.placement.ClusterCapacity;
import dev.smo.optimizer.placement.ServiceDemand;
import java.util.Locale;

/** Resource accessors (0 cpu, 1 memory, 2 gpu) and human-readable amounts. */
final class Resources {

    private Resources() {}

    static long of(ClusterCapacity c, int resource) {
        return switch (resource) {
            case 0 -> c.cpuMillis();
            case 1 -> c.memoryBytes();
            default -> c.gpus();
        };
    }

    static long of(ServiceDemand s, int resource) {
        return switch (resource) {
            case 0 -> s.totalCpuMillis();
            case 1 -> s.totalMemoryBytes();
            default -> s.totalGpus();
        };
    }

    static String format(int resource, long amount) {
        return switch (resource) {
            case 0 -> cpu(amount);
            case 1 -> memory(amount);
            default -> gpus(amount);
        };
    }

    static String cpu(long millis) {
        return millis + "m cpu";
    }

    static String gpus(long gpus) {
        return gpus + (gpus == 1 ? " GPU" : " GPUs");
    }

    static String memory(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib >= 1024
                ? String.format(Locale.ROOT, "%.1f GiB memory", mib / 1024)
                : String.format(Locale.ROOT, "%.0f MiB memory", mib);
    }
}
