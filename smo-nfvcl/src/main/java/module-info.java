/** NFVCL adapter: the core's {@code Nfvcl} port over the NFVCL REST API (topology, VIMs, Kubernetes blueprints). */
module dev.smo.nfvcl {
    requires transitive dev.smo.core;
    requires transitive java.net.http; // NfvclClient.create(config, HttpClient)
    requires com.fasterxml.jackson.databind;

    exports dev.smo.nfvcl;
}
