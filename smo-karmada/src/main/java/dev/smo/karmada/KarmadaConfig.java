package dev.smo.karmada;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Karmada control plane and the Submariner broker are, and how Helm reaches the chart registries.
 * Built once by the server from its configuration; nothing in this module reads the environment.
 *
 * @param kubeconfig kubeconfig of the Karmada API server (its current context is used), for the inventory,
 *        the scaler and Helm (the original's {@code KARMADA_KUBECONFIG})
 * @param submarinerKubeconfig kubeconfig of the cluster hosting the Submariner broker, or {@code null} when
 *        there is no Submariner (clusters then have no CIDRs; the original's {@code SUBMARINER_KUBECONFIG})
 * @param brokerNamespace namespace of the Submariner broker's {@code clusters.submariner.io} objects
 * @param registry how Helm reaches OCI registries
 * @param helm how Helm runs (timeout, wait, retries)
 * @param requestTimeout read timeout of each call SMO makes to the Kubernetes APIs
 */
public record KarmadaConfig(
        Path kubeconfig,
        Path submarinerKubeconfig,
        String brokerNamespace,
        RegistryOptions registry,
        HelmOptions helm,
        Duration requestTimeout) {

    /** Namespace of the Submariner broker when not configured: {@value}. */
    public static final String DEFAULT_BROKER_NAMESPACE = "submariner-k8s-broker";

    /** Read timeout of Kubernetes API calls when not configured: 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public KarmadaConfig {
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        brokerNamespace =
                brokerNamespace == null || brokerNamespace.isBlank() ? DEFAULT_BROKER_NAMESPACE : brokerNamespace;
        registry = registry == null ? RegistryOptions.DEFAULT : registry;
        helm = helm == null ? HelmOptions.DEFAULT : helm;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("The requestTimeout (" + requestTimeout + ") must be positive.");
        }
    }

    /**
     * @param kubeconfig kubeconfig of the Karmada API server
     * @return a configuration without Submariner, with default registry, Helm and timeout options
     */
    public static KarmadaConfig of(Path kubeconfig) {
        return new KarmadaConfig(kubeconfig, null, null, null, null, null);
    }

    /**
     * @param submarinerKubeconfig kubeconfig of the Submariner broker's cluster, or {@code null} for none
     * @return a copy reading CIDRs from this broker
     */
    public KarmadaConfig withSubmariner(Path submarinerKubeconfig) {
        return new KarmadaConfig(kubeconfig, submarinerKubeconfig, brokerNamespace, registry, helm, requestTimeout);
    }

    /**
     * @param brokerNamespace the broker's namespace
     * @return a copy with this broker namespace
     */
    public KarmadaConfig withBrokerNamespace(String brokerNamespace) {
        return new KarmadaConfig(kubeconfig, submarinerKubeconfig, brokerNamespace, registry, helm, requestTimeout);
    }

    /**
     * @param registry registry options
     * @return a copy with these registry options
     */
    public KarmadaConfig withRegistry(RegistryOptions registry) {
        return new KarmadaConfig(kubeconfig, submarinerKubeconfig, brokerNamespace, registry, helm, requestTimeout);
    }

    /**
     * @param helm Helm options
     * @return a copy with these Helm options
     */
    public KarmadaConfig withHelm(HelmOptions helm) {
        return new KarmadaConfig(kubeconfig, submarinerKubeconfig, brokerNamespace, registry, helm, requestTimeout);
    }

    /**
     * @param requestTimeout read timeout of each Kubernetes API call
     * @return a copy with this timeout
     */
    public KarmadaConfig withRequestTimeout(Duration requestTimeout) {
        return new KarmadaConfig(kubeconfig, submarinerKubeconfig, brokerNamespace, registry, helm, requestTimeout);
    }
}
