/**
 * Orchestrator core: the HDAG lifecycle API and the ports it needs (store, inventory, deployer, rules,
 * dashboards, metrics, artifacts), with local implementations for running without a cluster.
 */
module dev.smo.core {
    requires transitive dev.smo.intent;
    requires transitive dev.smo.optimizer;
    requires com.fasterxml.jackson.dataformat.yaml;
    // Annotations for dependency-injection frameworks (and OrchestratorProvider); none is needed at run time.
    requires static transitive jakarta.inject;

    exports dev.smo.core;
    exports dev.smo.core.spi;
    exports dev.smo.core.local;
}
