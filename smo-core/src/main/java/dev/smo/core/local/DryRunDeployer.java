package dev.smo.core.local;

import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import dev.smo.core.spi.ReleaseStatus;
import dev.smo.core.spi.ReplicaStatus;
import dev.smo.core.spi.WorkloadScaler;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The default deployer when no Karmada is configured: records the Helm releases and values it would apply, so
 * the whole lifecycle runs without a cluster. Thread-safe.
 */
@Singleton
@SuppressWarnings("exports") // jakarta.inject is optional: only dependency-injection users need it
public final class DryRunDeployer implements Deployer, WorkloadScaler {

    /**
     * One recorded operation.
     *
     * @param action {@code install}, {@code upgrade}, {@code uninstall} or {@code scale}
     * @param namespace the namespace
     * @param release the release
     * @param spec the release spec for install and upgrade, else {@code null}
     * @param replicas the replica count for scale, else 0
     */
    public record Operation(String action, String namespace, String release, ReleaseSpec spec, int replicas) {}

    private record Release(ReleaseSpec spec, int revision, int replicas) {}

    private final TreeMap<String, Release> releases = new TreeMap<>();
    private final List<Operation> history = new ArrayList<>();
    private final Duration latency;

    /** A dry run that answers at once. */
    @Inject
    public DryRunDeployer() {
        this(Duration.ZERO);
    }

    /**
     * @param latency how long each install, upgrade and uninstall pretends to take, like a Helm call would; the
     *        wait happens outside the lock, so calls for different releases overlap
     */
    public DryRunDeployer(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("Latency (" + latency + ") must not be negative.");
        }
        this.latency = latency;
    }

    @Override
    public ReleaseStatus apply(ReleaseSpec spec) {
        pause();
        return record(spec);
    }

    private synchronized ReleaseStatus record(ReleaseSpec spec) {
        String key = key(spec.namespace(), spec.release());
        Release old = releases.get(key);
        int replicas = old != null ? old.replicas() : initialReplicas(spec.values());
        Release now = new Release(spec, old == null ? 1 : old.revision() + 1, replicas);
        releases.put(key, now);
        history.add(new Operation(old == null ? "install" : "upgrade", spec.namespace(), spec.release(), spec, 0));
        return status(now);
    }

    @Override
    public void uninstall(String namespace, String release) {
        pause();
        forget(namespace, release);
    }

    private synchronized void forget(String namespace, String release) {
        if (releases.remove(key(namespace, release)) != null) {
            history.add(new Operation("uninstall", namespace, release, null, 0));
        }
    }

    @Override
    public synchronized Optional<ReleaseStatus> status(String namespace, String release) {
        return Optional.ofNullable(releases.get(key(namespace, release))).map(DryRunDeployer::status);
    }

    @Override
    public synchronized ReplicaStatus replicas(String namespace, String release) {
        Release r = releases.get(key(namespace, release));
        return r == null ? new ReplicaStatus(0, 0) : new ReplicaStatus(r.replicas(), r.replicas());
    }

    @Override
    public synchronized void scale(String namespace, String release, int replicas) {
        Release r = releases.get(key(namespace, release));
        if (r != null) {
            releases.put(key(namespace, release), new Release(r.spec(), r.revision(), replicas));
        }
        history.add(new Operation("scale", namespace, release, null, replicas));
    }

    /** @return the releases that would exist now, keyed {@code namespace/release} */
    public synchronized Map<String, ReleaseSpec> releases() {
        TreeMap<String, ReleaseSpec> out = new TreeMap<>();
        releases.forEach((k, v) -> out.put(k, v.spec()));
        return out;
    }

    /** @return every operation in the order it was asked for */
    public synchronized List<Operation> history() {
        return List.copyOf(history);
    }

    private void pause() {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while pretending to call Helm.", e);
        }
    }

    private static ReleaseStatus status(Release r) {
        return new ReleaseStatus(
                r.spec().namespace(),
                r.spec().release(),
                r.revision(),
                "deployed",
                r.spec().chart());
    }

    private static int initialReplicas(Map<String, Object> values) {
        return values.get("replicaCount") instanceof Number n ? n.intValue() : 1;
    }

    private static String key(String namespace, String release) {
        return namespace + "/" + release;
    }
}
