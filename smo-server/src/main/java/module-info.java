/** Composition root: configuration, the Javalin REST server with OpenAPI, and the smo CLI. */
module dev.smo.server {
    requires transitive dev.smo.core;
    requires dev.smo.persistence;
    requires transitive dev.smo.karmada; // ServerConfig holds the adapters' own configuration types
    requires transitive dev.smo.observability;
    requires transitive dev.smo.nfvcl; // ServerConfig holds NfvclConfig
    requires java.net.http;
    requires dev.smo.intent;
    requires info.picocli;
    requires transitive io.javalin; // SmoServer.create returns the Javalin app
    requires javalin.openapi.plugin;
    requires javalin.swagger.plugin;
    requires openapi.specification;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.writer.text;
    requires jetty.servlet.api; // the request guard is a servlet filter, ahead of Javalin
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.servlet;
    requires org.eclipse.jetty.http;
    requires com.fasterxml.jackson.core;

    exports dev.smo.server;
    exports dev.smo.server.config;

    opens dev.smo.server.http to
            com.fasterxml.jackson.databind;
    opens dev.smo.server.cli to
            info.picocli;
}
