package dev.smo.observability;

import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.AlertRuleStore;
import dev.smo.observability.internal.DefaultPrometheusRuleObjects;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;

/**
 * An {@link AlertRuleStore} for the Prometheus Operator: each group is one {@code monitoring.coreos.com/v1}
 * {@code PrometheusRule} object named after the group, in the configured namespace, labelled
 * {@code app.kubernetes.io/managed-by: smo} plus the configured labels, whose {@code spec.groups} holds that one
 * group.
 *
 * <p>A replace reads the object and replaces it with its {@code resourceVersion}, or creates it when absent; a
 * conflict (HTTP 409) is retried once. An empty rule list deletes the object (an absent one is fine). Objects
 * that SMO did not create (no {@code managed-by: smo} label) are never changed or deleted: the call throws.
 * API failures become {@link SmoIntegrationException}s carrying the API server's message.
 */
public final class PrometheusRuleObjects {

    private PrometheusRuleObjects() {}

    /** The PrometheusRule API group: {@value}. */
    public static final String GROUP = "monitoring.coreos.com";
    /** The PrometheusRule API version: {@value}. */
    public static final String VERSION = "v1";
    /** The PrometheusRule resource: {@value}. */
    public static final String PLURAL = "prometheusrules";
    /** The label every object SMO writes carries: {@value}, with value {@code smo}. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    /**
     * @param config the kubeconfig, namespace and labels
     * @return a rule store talking to the kubeconfig's current context
     * @throws IllegalArgumentException when the config has no kubeconfig
     * @throws SmoIntegrationException when the kubeconfig cannot be read
     */
    public static AlertRuleStore create(PrometheusOperatorConfig config) {
        if (config.kubeconfig() == null) {
            throw new IllegalArgumentException("The PrometheusOperatorConfig has no kubeconfig.\nMaybe pass an"
                    + " ApiClient with create(config, client).");
        }
        ApiClient client;
        try {
            client = Config.fromConfig(config.kubeconfig().toString());
        } catch (IOException | RuntimeException e) {
            throw new SmoIntegrationException(
                    "Kubeconfig (" + config.kubeconfig() + ") of the Prometheus Operator's"
                            + " cluster cannot be read: " + e + ".",
                    e);
        }
        client.setReadTimeout((int) config.requestTimeout().toMillis());
        return create(config, client);
    }

    /**
     * @param config the namespace and labels (its kubeconfig and timeout are not used)
     * @param client the Kubernetes API client to use
     * @return a rule store
     */
    public static AlertRuleStore create(PrometheusOperatorConfig config, ApiClient client) {
        return new DefaultPrometheusRuleObjects(config, client);
    }
}
