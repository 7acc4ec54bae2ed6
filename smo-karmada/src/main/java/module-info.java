/** Karmada cluster inventory, Helm releases through Karmada, Submariner CIDRs and OCI artifacts. */
module dev.smo.karmada {
    requires transitive dev.smo.core;
}
