package dev.smo.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.Dashboard;
import dev.smo.core.spi.DashboardPublisher;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Against WireMock answering like Grafana's HTTP API (bodies as Grafana 10/11 sends them). */
class GrafanaDashboardsIT {

    private static final String SAVED = """
            {"id":1,"uid":"shop","url":"/d/shop/shop","status":"success","version":1,"slug":"shop"}""";

    private final WireMockServer grafana =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private final Dashboard shop = new Dashboard(
            "shop",
            "shop",
            Map.of(
                    "uid",
                    "stale",
                    "id",
                    42,
                    "title",
                    "stale",
                    "schemaVersion",
                    40,
                    "refresh",
                    "5s",
                    "panels",
                    List.of(Map.of("id", 1, "type", "timeseries", "title", "$service pods")),
                    "templating",
                    Map.of("list", List.of(Map.of("name", "service", "type", "custom", "query", "api,db")))));

    GrafanaDashboardsIT() {
        grafana.start();
    }

    @AfterEach
    void stop() {
        grafana.stop();
    }

    @Test
    void publishPostsTheModelWithOverwriteAndBasicAuth() {
        grafana.stubFor(post("/api/dashboards/db").willReturn(json(200, SAVED)));

        String url = GrafanaDashboards.create(GrafanaConfig.basic(base(), "admin", "prom-operator"))
                .publish(shop);

        assertThat(url).isEqualTo(base() + "/d/shop/shop");
        grafana.verify(postRequestedFor(urlPathEqualTo("/api/dashboards/db"))
                .withHeader(
                        "Authorization",
                        equalTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString("admin:prom-operator".getBytes(StandardCharsets.UTF_8))))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"dashboard": {"uid": "shop", "id": null, "title": "shop", "schemaVersion": 40,
                                       "refresh": "5s",
                                       "panels": [{"id": 1, "type": "timeseries", "title": "$service pods"}],
                                       "templating": {"list": [{"name": "service", "type": "custom",
                                                                "query": "api,db"}]}},
                         "overwrite": true}"""))
                .withRequestBody(matchingJsonPath("$.folderUid", absent())));
    }

    @Test
    void aTokenIsSentAsBearerWithTheFolder() {
        grafana.stubFor(post("/api/dashboards/db").willReturn(json(200, SAVED)));

        GrafanaDashboards.create(GrafanaConfig.token(base(), "glsa_abc123").withFolderUid("smo-folder"))
                .publish(shop);

        grafana.verify(postRequestedFor(urlPathEqualTo("/api/dashboards/db"))
                .withHeader("Authorization", equalTo("Bearer glsa_abc123"))
                .withRequestBody(matchingJsonPath("$.folderUid", equalTo("smo-folder")))
                .withRequestBody(matchingJsonPath("$.overwrite", equalTo("true"))));
    }

    @Test
    void aGrafanaUnderASubPathGivesAUrlWithoutTheSubPathTwice() {
        grafana.stubFor(post("/grafana/api/dashboards/db").willReturn(json(200, """
                {"id":7,"uid":"shop","url":"/grafana/d/shop/shop","status":"success","version":3,"slug":"shop"}""")));
        URI sub = URI.create(base() + "/grafana/");

        String url = GrafanaDashboards.create(GrafanaConfig.basic(sub, "admin", "admin"))
                .publish(shop);

        assertThat(url).isEqualTo(base() + "/grafana/d/shop/shop");
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                argumentSet(
                        "bad request",
                        400,
                        "{\"message\":\"Dashboard title cannot be empty\"}",
                        "Dashboard title cannot be empty",
                        null),
                argumentSet(
                        "wrong password",
                        401,
                        "{\"message\":\"Invalid username or password\","
                                + "\"messageId\":\"password-auth.failed\",\"statusCode\":401,\"traceID\":\"\"}",
                        "Invalid username or password",
                        "Maybe check the Grafana user and password"),
                argumentSet(
                        "same title",
                        412,
                        "{\"message\":\"A dashboard with the same name in the folder already"
                                + " exists\",\"status\":\"name-exists\"}",
                        "A dashboard with the same name in the folder already exists",
                        "Maybe another dashboard has the same title"),
                argumentSet("not JSON", 502, "<html>Bad Gateway</html>", "<html>Bad Gateway</html>", null));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void refusalsCarryGrafanasMessage(int status, String body, String message, String hint) {
        grafana.stubFor(post("/api/dashboards/db").willReturn(json(status, body)));
        DashboardPublisher dashboards = GrafanaDashboards.create(GrafanaConfig.basic(base(), "admin", "wrong"));

        var thrown = assertThatThrownBy(() -> dashboards.publish(shop))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("publish dashboard (shop)")
                .hasMessageContaining("HTTP " + status + ": " + message);
        if (hint != null) {
            thrown.hasMessageContaining(hint);
        }
    }

    @Test
    void anAnswerWithoutUrlIsAnError() {
        grafana.stubFor(post("/api/dashboards/db").willReturn(json(200, "{\"status\":\"success\"}")));

        assertThatThrownBy(() -> GrafanaDashboards.create(GrafanaConfig.basic(base(), "a", "b"))
                        .publish(shop))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("has no url");
    }

    @Test
    void deleteRemovesByUidAndAMissingDashboardIsFine() {
        grafana.stubFor(delete("/api/dashboards/uid/shop")
                .willReturn(json(200, "{\"id\":1,\"message\":\"Dashboard shop deleted\",\"title\":\"shop\"}")));
        grafana.stubFor(
                delete("/api/dashboards/uid/gone")
                        .willReturn(
                                json(
                                        404,
                                        "{\"message\":\"Dashboard not found\",\"messageId\":\"dashboards.not-found\",\"statusCode\":404}")));
        DashboardPublisher dashboards = GrafanaDashboards.create(GrafanaConfig.token(base(), "t"));

        dashboards.delete("shop");
        assertThatCode(() -> dashboards.delete("gone")).doesNotThrowAnyException();

        grafana.verify(deleteRequestedFor(urlPathEqualTo("/api/dashboards/uid/shop"))
                .withHeader("Authorization", equalTo("Bearer t")));
    }

    @Test
    void aRefusedDeleteIsAnError() {
        grafana.stubFor(delete("/api/dashboards/uid/shop")
                .willReturn(json(403, "{\"message\":\"Access denied to this dashboard\"}")));

        assertThatThrownBy(() -> GrafanaDashboards.create(GrafanaConfig.token(base(), "t"))
                        .delete("shop"))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("delete dashboard (shop): HTTP 403: Access denied to this dashboard")
                .hasMessageContaining("Maybe");
    }

    @Test
    void anUnreachableGrafanaFailsFast() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DashboardPublisher down =
                GrafanaDashboards.create(GrafanaConfig.basic(URI.create("http://127.0.0.1:" + port), "admin", "admin")
                        .withTimeout(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> down.publish(shop))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void theConfigNeverShowsSecrets() {
        assertThat(GrafanaConfig.basic(base(), "admin", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(GrafanaConfig.token(base(), "glsa_x").toString()).doesNotContain("glsa_x");
        assertThatThrownBy(() -> new GrafanaConfig(base(), "admin", "pw", "token", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Maybe");
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + grafana.port());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
