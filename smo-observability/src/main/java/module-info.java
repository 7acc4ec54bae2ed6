/** Prometheus metrics source for the scaling loop (PromQL instant queries over the HTTP API). */
module dev.smo.observability {
    requires transitive dev.smo.core;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;

    exports dev.smo.observability;
}
