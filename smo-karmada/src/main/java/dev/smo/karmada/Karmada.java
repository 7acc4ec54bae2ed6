package dev.smo.karmada;

import dev.smo.core.ClusterInventoryException;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.WorkloadScaler;
import dev.smo.karmada.internal.DefaultKarmada;
import io.kubernetes.client.openapi.ApiClient;

/**
 * SMO's connection to a Karmada control plane: the member clusters (with Submariner CIDRs), one Helm release
 * per service applied through the Karmada API server, and the replicas of the services' Deployments.
 *
 * <pre>{@code
 * Karmada karmada = Karmada.connect(KarmadaConfig.of(Path.of("/etc/smo/karmada.kubeconfig"))
 *         .withSubmariner(Path.of("/etc/smo/broker.kubeconfig"))
 *         .withRegistry(RegistryOptions.DEFAULT.withPlainHttp()));
 * List<ClusterInfo> clusters = karmada.inventory().clusters();
 * }</pre>
 */
public interface Karmada {

    /** @return the member clusters, read from Karmada's {@code clusters.cluster.karmada.io} and Submariner */
    ClusterInventory inventory();

    /** @return the Helm deployer, installing into the Karmada API server */
    Deployer deployer();

    /** @return the scaler of the services' Deployments on the Karmada API server */
    WorkloadScaler scaler();

    /**
     * Connects with the kubeconfigs named in the configuration. Nothing is contacted yet.
     *
     * @param config the configuration
     * @return the connection
     * @throws ClusterInventoryException when a kubeconfig cannot be read
     */
    static Karmada connect(KarmadaConfig config) {
        return DefaultKarmada.connect(config);
    }

    /**
     * Connects with API clients built by the caller (tests, custom authentication). Helm still uses
     * {@link KarmadaConfig#kubeconfig()}, which must point at the same API server as {@code karmadaClient}.
     *
     * @param config the configuration (its Submariner kubeconfig is ignored)
     * @param karmadaClient client of the Karmada API server
     * @param submarinerClient client of the Submariner broker's cluster, or {@code null} for no CIDRs
     * @return the connection
     */
    static Karmada connect(KarmadaConfig config, ApiClient karmadaClient, ApiClient submarinerClient) {
        return new DefaultKarmada(config, karmadaClient, submarinerClient);
    }
}
