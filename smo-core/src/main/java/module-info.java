/** Orchestrator core: the HDAG lifecycle API and the ports it needs (store, inventory, deployer, rules, dashboards, metrics, artifacts). */
module dev.smo.core {
    requires transitive dev.smo.optimizer;
}
