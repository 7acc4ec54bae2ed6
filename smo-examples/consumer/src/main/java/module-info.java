/** A shop that deploys its services with an embedded SMO. */
module com.example.shop {
    requires transitive dev.smo.core; // ShopDeployment takes an Orchestrator

    exports com.example.shop;
}
