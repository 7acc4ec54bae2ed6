package dev.smo.core.spi;

import dev.smo.core.AlertRule;
import java.util.List;

/** Keeps SMO's alerting rules where Prometheus reads them (a PrometheusRule object, a rule file, ...). */
public interface AlertRuleStore {

    /**
     * Replaces the rules of one group; an empty list removes the group.
     *
     * @param namespace namespace of the graph (its project)
     * @param group the group name, one per graph ({@code smo-<graph>})
     * @param rules the group's complete rule list
     * @throws dev.smo.core.SmoIntegrationException when the rules cannot be written
     */
    void replace(String namespace, String group, List<AlertRule> rules);
}
