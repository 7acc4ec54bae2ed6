package dev.smo.core.local;

import dev.smo.core.ClusterInfo;
import dev.smo.core.ConcurrentUpdateException;
import dev.smo.core.GraphAlreadyExistsException;
import dev.smo.core.GraphEvent;
import dev.smo.core.GraphNotFoundException;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.PlacedDemand;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link GraphStore} in memory, for embedding and tests; thread-safe, lost when the JVM exits. */
@Singleton
@SuppressWarnings("exports") // jakarta.inject is optional: only dependency-injection users need it
public final class InMemoryGraphStore implements GraphStore {

    private final Clock clock;
    private final TreeMap<String, StoredGraph> graphs = new TreeMap<>();
    private final List<GraphEvent> events = new ArrayList<>();
    private final TreeMap<String, ClusterInfo> clusters = new TreeMap<>();
    private long nextEventId = 1;

    /** A store stamping writes with the system clock. */
    @Inject
    public InMemoryGraphStore() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock stamping writes */
    public InMemoryGraphStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized StoredGraph insert(StoredGraph graph, List<GraphEvent> newEvents) {
        if (graphs.containsKey(graph.name())) {
            throw new GraphAlreadyExistsException(graph.name());
        }
        Instant now = clock.instant();
        StoredGraph stored = copy(graph, 1, now, now);
        graphs.put(graph.name(), stored);
        append(newEvents);
        return stored;
    }

    @Override
    public synchronized StoredGraph update(StoredGraph graph, List<GraphEvent> newEvents) {
        StoredGraph current = graphs.get(graph.name());
        if (current == null) {
            throw new GraphNotFoundException(graph.name());
        }
        if (current.version() != graph.version()) {
            throw new ConcurrentUpdateException(graph.name(), graph.version(), current.version());
        }
        StoredGraph stored = copy(graph, current.version() + 1, current.createdAt(), clock.instant());
        graphs.put(graph.name(), stored);
        append(newEvents);
        return stored;
    }

    @Override
    public synchronized void delete(String name, long version, List<GraphEvent> newEvents) {
        StoredGraph current = graphs.get(name);
        if (current == null) {
            throw new GraphNotFoundException(name);
        }
        if (current.version() != version) {
            throw new ConcurrentUpdateException(name, version, current.version());
        }
        graphs.remove(name);
        append(newEvents);
    }

    @Override
    public synchronized Optional<StoredGraph> find(String name) {
        return Optional.ofNullable(graphs.get(name));
    }

    @Override
    public synchronized List<StoredGraph> list(String project) {
        return graphs.values().stream()
                .filter(g -> project == null || g.project().equals(project))
                .toList();
    }

    @Override
    public synchronized List<PlacedDemand> demand(String graph) {
        record Key(String cluster, ServiceStatus status, boolean own) {}
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (StoredGraph g : graphs.values()) {
            for (StoredService s : g.services()) {
                if (s.cluster() == null) {
                    continue;
                }
                long[] sum = sums.computeIfAbsent(
                        new Key(s.cluster(), s.status(), g.name().equals(graph)), k -> new long[3]);
                sum[0] += s.resources().cpuMillis() * s.replicas();
                sum[1] += s.resources().memoryBytes() * s.replicas();
                sum[2] += (long) s.resources().gpus() * s.replicas();
            }
        }
        List<PlacedDemand> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new PlacedDemand(k.cluster(), k.status(), k.own(), v[0], v[1], v[2])));
        return out;
    }

    @Override
    public synchronized List<StoredGraph> unsettled() {
        return graphs.values().stream()
                .filter(g -> !g.status().isSettled()
                        || g.services().stream().anyMatch(s -> !s.status().isSettled()))
                .toList();
    }

    @Override
    public synchronized List<GraphEvent> events(String graph) {
        return events.stream().filter(e -> e.graph().equals(graph)).toList();
    }

    @Override
    public synchronized void replaceClusters(List<ClusterInfo> snapshot) {
        clusters.clear();
        snapshot.forEach(c -> clusters.put(c.name(), c));
    }

    @Override
    public synchronized List<ClusterInfo> clusters() {
        return clusters.values().stream()
                .sorted(Comparator.comparing(ClusterInfo::name))
                .toList();
    }

    private void append(List<GraphEvent> newEvents) {
        for (GraphEvent e : newEvents) {
            events.add(new GraphEvent(nextEventId++, e.graph(), e.service(), e.at(), e.type(), e.message()));
        }
    }

    private static StoredGraph copy(StoredGraph g, long version, Instant created, Instant updated) {
        List<StoredService> services = List.copyOf(g.services());
        return new StoredGraph(
                g.name(),
                g.project(),
                g.status(),
                g.descriptor(),
                g.placement(),
                g.dashboardUrl(),
                services,
                version,
                created,
                updated);
    }
}
