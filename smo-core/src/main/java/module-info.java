/**
 * Orchestrator core: the HDAG lifecycle API and the ports it needs (store, inventory, deployer, rules,
 * dashboards, metrics, artifacts), with local implementations for running without a cluster.
 */
module dev.smo.core {
    requires transitive dev.smo.intent;
    requires transitive dev.smo.optimizer;
    requires com.fasterxml.jackson.dataformat.yaml;
    // Annotations for dependency-injection frameworks; only OrchestratorProvider needs the module at run time.
    requires static jakarta.inject;

    exports dev.smo.core;
    exports dev.smo.core.spi;
    exports dev.smo.core.local;
}
