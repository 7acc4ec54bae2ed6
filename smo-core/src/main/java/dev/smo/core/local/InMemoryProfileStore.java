package dev.smo.core.local;

import dev.smo.core.ServiceProfile;
import dev.smo.core.spi.ProfileStore;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Profiles in memory, versioned as {@link ProfileStore} says; thread-safe. */
@Singleton
@SuppressWarnings("exports") // jakarta.inject is optional: only dependency-injection users need it
public final class InMemoryProfileStore implements ProfileStore {

    private final Map<String, List<ServiceProfile>> profiles = new HashMap<>();

    /** An empty store. */
    public InMemoryProfileStore() {}

    @Override
    public synchronized ServiceProfile save(ServiceProfile profile) {
        List<ServiceProfile> versions =
                profiles.computeIfAbsent(key(profile.graph(), profile.service()), k -> new ArrayList<>());
        ServiceProfile stored = profile.withVersion(versions.size() + 1);
        versions.add(stored);
        return stored;
    }

    @Override
    public synchronized Optional<ServiceProfile> current(String graph, String service) {
        List<ServiceProfile> versions = profiles.getOrDefault(key(graph, service), List.of());
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public synchronized Map<String, ServiceProfile> currentOf(String graph) {
        Map<String, ServiceProfile> current = new java.util.TreeMap<>();
        profiles.forEach((key, versions) -> {
            ServiceProfile last = versions.get(versions.size() - 1);
            if (last.graph().equals(graph)) {
                current.put(last.service(), last);
            }
        });
        return current;
    }

    @Override
    public synchronized List<ServiceProfile> history(String graph, String service) {
        return List.copyOf(profiles.getOrDefault(key(graph, service), List.of()));
    }

    private static String key(String graph, String service) {
        return graph + "\u0000" + service;
    }
}
