/**
 * JUnit 5 support for applications that embed SMO: {@link dev.smo.junit.SmoTest} and
 * {@link dev.smo.junit.SmoExtension} give each test an in-memory orchestrator on declared clusters, a recorder of
 * the Helm releases it would install and fakes for metrics, rules and dashboards; {@link dev.smo.junit.SmoAssertions}
 * checks plans, graphs, events and releases. {@link dev.smo.junit.SmoHttpServer} starts the REST server and needs
 * {@code smo-server} on the path; nothing else does.
 */
module dev.smo.junit {
    requires transitive dev.smo.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires transitive java.net.http;
    requires static transitive dev.smo.server; // only SmoHttpServer uses it

    exports dev.smo.junit;
}
