package dev.smo.core.local;

import dev.smo.core.AlertRule;
import dev.smo.core.spi.AlertRuleStore;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Keeps alerting rule groups in memory, for running without Prometheus; thread-safe. */
@Singleton
@SuppressWarnings("exports") // jakarta.inject is optional: only dependency-injection users need it
public final class InMemoryAlertRuleStore implements AlertRuleStore {

    private final TreeMap<String, List<AlertRule>> groups = new TreeMap<>();

    /** An empty store. */
    @Inject
    public InMemoryAlertRuleStore() {}

    @Override
    public synchronized void replace(String namespace, String group, List<AlertRule> rules) {
        if (rules.isEmpty()) {
            groups.remove(namespace + "/" + group);
        } else {
            groups.put(namespace + "/" + group, List.copyOf(rules));
        }
    }

    /** @return the rule groups, keyed {@code namespace/group} */
    public synchronized Map<String, List<AlertRule>> groups() {
        return Collections.unmodifiableMap(new TreeMap<>(groups));
    }
}
