/** Karmada cluster inventory, Helm releases through Karmada, Submariner CIDRs and OCI artifacts. */
module dev.smo.karmada {
    requires transitive dev.smo.core;
    requires oras.java.sdk; // OCI artifacts (no module name: filename-derived automatic module)
    requires org.apache.commons.compress;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires java.net.http;

    // Karmada inventory, Helm deployer, scaler (dev.smo.karmada, implementation in dev.smo.karmada.internal).
    requires io.kubernetes.client.java;
    requires transitive io.kubernetes.client.java.api; // Karmada.connect(config, ApiClient, ApiClient)
    requires okhttp3;
    requires com.google.gson;
    requires helm.java; // helm-java has no module name: filename-derived automatic module

    exports dev.smo.karmada;
    exports dev.smo.karmada.artifact;
}
