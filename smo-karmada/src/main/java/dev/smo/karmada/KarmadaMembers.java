package dev.smo.karmada;

import dev.smo.core.ClusterInventoryException;
import dev.smo.core.spi.ClusterRegistry;
import dev.smo.karmada.internal.KarmadaClusterRegistry;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;

/**
 * The core's {@link ClusterRegistry} on a Karmada control plane: joins clusters in push mode (a
 * {@code cluster.karmada.io/v1alpha1} {@code Cluster} and its Secrets in {@code karmada-cluster}, as
 * {@code karmadactl join} makes them), reads their {@code Ready} condition, and removes them.
 */
public final class KarmadaMembers {

    private KarmadaMembers() {}

    /**
     * @param config the Karmada configuration: its kubeconfig, request timeout and retries
     * @return the registry; nothing is contacted yet
     * @throws ClusterInventoryException when the kubeconfig cannot be read
     */
    public static ClusterRegistry connect(KarmadaConfig config) {
        try {
            ApiClient client = Config.fromConfig(config.kubeconfig().toString());
            int timeout =
                    (int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis());
            client.setConnectTimeout(timeout);
            client.setReadTimeout(timeout);
            client.setWriteTimeout(timeout);
            return connect(client, config.helm().retry());
        } catch (IOException | RuntimeException e) {
            throw new ClusterInventoryException(
                    "Cannot read the kubeconfig (" + config.kubeconfig() + "): " + e.getMessage()
                            + "\nMaybe check the path and that the file is a kubeconfig.",
                    e);
        }
    }

    /**
     * @param client a client of the Karmada API server built by the caller (tests, custom authentication)
     * @param retry retries of transient failures
     * @return the registry
     */
    public static ClusterRegistry connect(ApiClient client, RetryPolicy retry) {
        return new KarmadaClusterRegistry(client, retry);
    }
}
