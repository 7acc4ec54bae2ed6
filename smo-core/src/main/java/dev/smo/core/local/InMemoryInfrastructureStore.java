package dev.smo.core.local;

import dev.smo.core.ClusterProvision;
import dev.smo.core.NfvclCluster;
import dev.smo.core.NfvclClusterChangedException;
import dev.smo.core.NfvclClusterNotFoundException;
import dev.smo.core.Vim;
import dev.smo.core.VimAlreadyExistsException;
import dev.smo.core.spi.InfrastructureStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * An {@link InfrastructureStore} in memory, for embedding and tests; thread-safe, lost when the JVM exits. The
 * passwords are held as given: nothing outlives the process.
 */
@Singleton
@SuppressWarnings("exports") // jakarta.inject is optional: only dependency-injection users need it
public final class InMemoryInfrastructureStore implements InfrastructureStore {

    private final Clock clock;
    private final TreeMap<Long, Vim> vims = new TreeMap<>();
    private final Map<Long, String> passwords = new HashMap<>();
    private final TreeMap<String, NfvclCluster> clusters = new TreeMap<>();
    private final java.util.LinkedHashMap<String, ClusterProvision> provisions = new java.util.LinkedHashMap<>();
    private long nextVimId = 1;

    /** A store stamping writes with the system clock. */
    @Inject
    public InMemoryInfrastructureStore() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock stamping writes */
    public InMemoryInfrastructureStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized Vim insertVim(Vim vim, Optional<String> password) {
        Objects.requireNonNull(password, "password");
        if (vimNamed(vim.name()).isPresent() || vimNamed(vim.nfvclName()).isPresent()) {
            throw new VimAlreadyExistsException(vim.name());
        }
        Instant now = clock.instant();
        long id = nextVimId++;
        Vim stored = new Vim(
                id,
                vim.name(),
                vim.nfvclName(),
                vim.popArea(),
                vim.url(),
                vim.user(),
                vim.networks(),
                vim.insecure(),
                vim.useFloatingIp(),
                now,
                now);
        vims.put(id, stored);
        password.ifPresent(p -> passwords.put(id, p));
        return stored;
    }

    @Override
    public synchronized Optional<Vim> vim(long id) {
        return Optional.ofNullable(vims.get(id));
    }

    @Override
    public synchronized Optional<Vim> vimNamed(String name) {
        return vims.values().stream()
                .filter(v -> v.name().equals(name) || v.nfvclName().equals(name))
                .findFirst();
    }

    @Override
    public synchronized List<Vim> vims(OptionalInt popArea) {
        return vims.values().stream()
                .filter(v -> popArea.isEmpty() || v.popArea() == popArea.getAsInt())
                .toList();
    }

    @Override
    public synchronized Optional<String> vimPassword(long id) {
        return Optional.ofNullable(passwords.get(id));
    }

    @Override
    public synchronized boolean deleteVim(long id) {
        passwords.remove(id);
        return vims.remove(id) != null;
    }

    @Override
    public synchronized NfvclCluster insertCluster(NfvclCluster cluster) {
        if (clusters.containsKey(cluster.smoId()) || (cluster.nfvclId().isPresent() && blueprintTaken(cluster))) {
            throw new IllegalArgumentException("Cluster (" + cluster.smoId() + ") or its blueprint ("
                    + cluster.nfvclId().orElse("none") + ") is already stored.");
        }
        Instant now = clock.instant();
        NfvclCluster stored = stamp(cluster, now, now, 1);
        clusters.put(cluster.smoId(), stored);
        return stored;
    }

    @Override
    public synchronized NfvclCluster updateCluster(NfvclCluster cluster) {
        NfvclCluster current = current(cluster.smoId(), cluster.version());
        if (cluster.nfvclId().isPresent() && blueprintTaken(cluster)) {
            throw new IllegalArgumentException("Blueprint (" + cluster.nfvclId().get() + ") is another cluster's.");
        }
        NfvclCluster stored = stamp(cluster, current.createdAt(), clock.instant(), current.version() + 1);
        clusters.put(cluster.smoId(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<NfvclCluster> cluster(String smoId) {
        return Optional.ofNullable(clusters.get(smoId));
    }

    @Override
    public synchronized List<NfvclCluster> clusters(OptionalInt popArea) {
        return clusters.values().stream()
                .filter(c -> popArea.isEmpty() || c.popArea() == popArea.getAsInt())
                .toList();
    }

    @Override
    public synchronized void deleteCluster(String smoId, long version) {
        current(smoId, version);
        clusters.remove(smoId);
    }

    @Override
    public synchronized ClusterProvision insertProvision(ClusterProvision p) {
        if (provisions.containsKey(p.smoId())) {
            throw new IllegalArgumentException("Cluster (" + p.smoId() + ") already has a provisioning.");
        }
        Instant now = clock.instant();
        ClusterProvision stored = stamp(p, now, now, 1);
        provisions.put(p.smoId(), stored);
        return stored;
    }

    @Override
    public synchronized ClusterProvision updateProvision(ClusterProvision p) {
        ClusterProvision current = provisions.get(p.smoId());
        if (current == null || current.version() != p.version()) {
            throw new NfvclClusterChangedException(p.smoId(), p.version());
        }
        ClusterProvision stored = stamp(p, current.createdAt(), clock.instant(), current.version() + 1);
        provisions.put(p.smoId(), stored);
        return stored;
    }

    @Override
    public synchronized List<ClusterProvision> provisions(String graph) {
        return provisions.values().stream()
                .filter(p -> graph == null || p.graph().equals(graph))
                .toList();
    }

    private static ClusterProvision stamp(ClusterProvision p, Instant createdAt, Instant updatedAt, long version) {
        return new ClusterProvision(
                p.smoId(),
                p.graph(),
                p.memberName(),
                p.state(),
                p.deadline(),
                p.detail(),
                createdAt,
                updatedAt,
                version);
    }

    private boolean blueprintTaken(NfvclCluster cluster) {
        return clusters.values().stream()
                .anyMatch(c -> !c.smoId().equals(cluster.smoId()) && c.nfvclId().equals(cluster.nfvclId()));
    }

    private NfvclCluster current(String smoId, long version) {
        NfvclCluster current = clusters.get(smoId);
        if (current == null) {
            throw new NfvclClusterNotFoundException(smoId);
        }
        if (current.version() != version) {
            throw new NfvclClusterChangedException(smoId, version);
        }
        return current;
    }

    private static NfvclCluster stamp(NfvclCluster c, Instant createdAt, Instant updatedAt, long version) {
        return new NfvclCluster(
                c.smoId(),
                c.nfvclId(),
                c.popArea(),
                c.vimName(),
                c.managementNetwork(),
                c.serviceNetwork(),
                c.masterFlavor(),
                c.workerFlavor(),
                c.workers(),
                c.status(),
                c.taskId(),
                c.lastError(),
                createdAt,
                updatedAt,
                version);
    }
}
