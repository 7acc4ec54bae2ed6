package dev.smo.karmada.internal;

import dev.smo.core.ClusterInventoryException;
import dev.smo.core.spi.ClusterInventory;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.WorkloadScaler;
import dev.smo.karmada.Karmada;
import dev.smo.karmada.KarmadaConfig;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** The Karmada connection: one inventory, one deployer and one scaler sharing the API clients. */
public final class DefaultKarmada implements Karmada {

    private final ClusterInventory inventory;
    private final Deployer deployer;
    private final WorkloadScaler scaler;

    /**
     * @param config the configuration; Helm uses its kubeconfig
     * @param karmadaClient client of the Karmada API server
     * @param submarinerClient client of the Submariner broker's cluster, or {@code null}
     */
    public DefaultKarmada(KarmadaConfig config, ApiClient karmadaClient, ApiClient submarinerClient) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(karmadaClient, "karmadaClient");
        KubeApi karmada = new KubeApi(karmadaClient);
        SubmarinerBroker broker = submarinerClient == null
                ? null
                : new SubmarinerBroker(new KubeApi(submarinerClient), config.brokerNamespace());
        Retrier retrier = new Retrier(config.helm().retry());
        this.inventory =
                new KarmadaClusterInventory(karmada, broker, config.helm().retry());
        this.deployer = new HelmDeployer(
                new HelmRunner(config.kubeconfig(), config.registry(), config.helm()), karmada, retrier, config.helm());
        this.scaler = new DeploymentScaler(karmada, retrier);
    }

    /**
     * @param config the configuration
     * @return a connection with clients built from the configured kubeconfigs
     * @throws ClusterInventoryException when a kubeconfig cannot be read
     */
    public static DefaultKarmada connect(KarmadaConfig config) {
        ApiClient karmada = client(config.kubeconfig(), config);
        ApiClient submariner =
                config.submarinerKubeconfig() == null ? null : client(config.submarinerKubeconfig(), config);
        return new DefaultKarmada(config, karmada, submariner);
    }

    private static ApiClient client(Path kubeconfig, KarmadaConfig config) {
        try {
            ApiClient client = Config.fromConfig(kubeconfig.toString());
            int timeout =
                    (int) Math.min(Integer.MAX_VALUE, config.requestTimeout().toMillis());
            client.setConnectTimeout(timeout);
            client.setReadTimeout(timeout);
            client.setWriteTimeout(timeout);
            return client;
        } catch (IOException | RuntimeException e) {
            throw new ClusterInventoryException(
                    "Cannot read the kubeconfig (" + kubeconfig + "): " + e.getMessage()
                            + "\nMaybe check the path and that the file is a kubeconfig.",
                    e);
        }
    }

    @Override
    public ClusterInventory inventory() {
        return inventory;
    }

    @Override
    public Deployer deployer() {
        return deployer;
    }

    @Override
    public WorkloadScaler scaler() {
        return scaler;
    }
}
