package dev.smo.core.local;

import dev.smo.core.spi.Dashboard;
import dev.smo.core.spi.DashboardPublisher;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Keeps dashboards in memory, for running without Grafana; URLs are {@code memory:dashboards/<uid>}. */
@Singleton
@SuppressWarnings("exports") // jakarta.inject is optional: only dependency-injection users need it
public final class InMemoryDashboardPublisher implements DashboardPublisher {

    private final TreeMap<String, Dashboard> dashboards = new TreeMap<>();

    /** A publisher holding no dashboards yet. */
    @Inject
    public InMemoryDashboardPublisher() {}

    @Override
    public synchronized String publish(Dashboard dashboard) {
        dashboards.put(dashboard.uid(), dashboard);
        return "memory:dashboards/" + dashboard.uid();
    }

    @Override
    public synchronized void delete(String uid) {
        dashboards.remove(uid);
    }

    /** @return the published dashboards by uid */
    public synchronized Map<String, Dashboard> dashboards() {
        return Collections.unmodifiableMap(new TreeMap<>(dashboards));
    }
}
