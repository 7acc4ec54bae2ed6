package dev.smo.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.smo.observability.PrometheusRuleFilesTest.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.smo.core.SmoIntegrationException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload failures against WireMock answering as Prometheus 2.42 does (a refused reload must not be provoked on
 * the shared real Prometheus: it would fail other tests' reloads meanwhile).
 */
class PrometheusReloadIT {

    private static final String REFUSED = "failed to reload config: one or more errors occurred while applying the"
            + " new configuration (--config.file=\"/etc/prometheus/prometheus.yml\")\n";

    @TempDir
    Path dir;

    private final WireMockServer prometheus =
            new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    PrometheusReloadIT() {
        prometheus.start();
    }

    @AfterEach
    void stop() {
        prometheus.stop();
    }

    @Test
    void everyChangeIsFollowedByOneReload() {
        prometheus.stubFor(post("/-/reload").willReturn(aResponse().withStatus(200)));
        PrometheusRuleFiles store = store(prometheusUrl());

        store.replace("shop-project", "smo-shop", List.of(rule("a")));
        store.replace("shop-project", "smo-shop", List.of());

        prometheus.verify(2, postRequestedFor(urlPathEqualTo("/-/reload")));
    }

    @Test
    void aRefusedReloadPutsThePreviousFileBack() throws Exception {
        prometheus.stubFor(post("/-/reload").willReturn(aResponse().withStatus(200)));
        PrometheusRuleFiles store = store(prometheusUrl());
        store.replace("shop-project", "smo-shop", List.of(rule("good")));
        Path file = store.file("shop-project", "smo-shop");
        String good = Files.readString(file);
        prometheus.stubFor(
                post("/-/reload").willReturn(aResponse().withStatus(500).withBody(REFUSED)));

        assertThatThrownBy(() -> store.replace("shop-project", "smo-shop", List.of(rule("bad"))))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("refused to reload the rules of group (smo-shop) in namespace (shop-project)")
                .hasMessageContaining("HTTP 500: failed to reload config: one or more errors occurred")
                .hasMessageContaining("promtool check rules");
        assertThat(Files.readString(file)).isEqualTo(good);

        assertThatThrownBy(() -> store.replace("shop-project", "smo-new", List.of(rule("bad"))))
                .isInstanceOf(SmoIntegrationException.class);
        assertThat(store.file("shop-project", "smo-new")).doesNotExist();
    }

    @Test
    void aDisabledLifecycleApiIsNamed() {
        prometheus.stubFor(
                post("/-/reload").willReturn(aResponse().withStatus(403).withBody("Lifecycle API is not enabled.")));

        assertThatThrownBy(() -> store(prometheusUrl()).replace("shop-project", "smo-shop", List.of(rule("a"))))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("HTTP 403: Lifecycle API is not enabled.");
    }

    @Test
    void anUnreachablePrometheusKeepsTheFileForItsNextReload() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PrometheusRuleFiles store = PrometheusRuleFiles.create(
                new PrometheusRuleFilesConfig(dir, URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> store.replace("shop-project", "smo-shop", List.of(rule("a"))))
                .isInstanceOf(SmoIntegrationException.class)
                .hasMessageContaining("did not answer the reload")
                .hasMessageContaining("--web.enable-lifecycle");
        assertThat(store.file("shop-project", "smo-shop")).exists();
    }

    private PrometheusRuleFiles store(URI url) {
        return PrometheusRuleFiles.create(PrometheusRuleFilesConfig.of(dir, url));
    }

    private URI prometheusUrl() {
        return URI.create("http://127.0.0.1:" + prometheus.port() + "/");
    }
}
