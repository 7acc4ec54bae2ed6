package dev.smo.server.config;

import dev.smo.core.ServiceDiscovery;
import dev.smo.karmada.KarmadaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where graphs are deployed: through Karmada with Helm when {@code karmada} is present, else a dry run that records
 * the releases it would apply, over the clusters of a static file.
 *
 * @param karmada the Karmada control plane, Submariner broker and Helm's registry access ({@code KARMADA_KUBECONFIG},
 *     {@code SUBMARINER_KUBECONFIG}, the registry variables)
 * @param clustersFile a static clusters file ({@code SMO_CLUSTERS_FILE}) used when there is no Karmada
 * @param dryRunLatency how long each dry-run Helm call pretends to take ({@code SMO_DRY_RUN_LATENCY_MS})
 * @param discovery how clients reach services on other clusters ({@code SMO_SERVICE_DISCOVERY})
 */
public record DeploymentSettings(
        Optional<KarmadaConfig> karmada,
        Optional<Path> clustersFile,
        Duration dryRunLatency,
        ServiceDiscovery discovery) {

    @Override
    public String toString() {
        return karmada.map(k -> "karmada " + k.kubeconfig())
                .orElse("dry run over " + clustersFile.map(Path::toString).orElse("no clusters"));
    }
}
