package dev.smo.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.smo.core.AlertRule;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real alert loop: a rule file written by SMO, evaluated by the real Prometheus, routed by the real
 * Alertmanager (scripts/services/alertmanager.yml) to the webhook http://127.0.0.1:18000/alerts served here.
 * Prometheus may drop a first notification and re-send it within about a minute, hence the 90 s bound.
 */
class AlertLoopIT {

    private static final int WEBHOOK_PORT = 18000;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void prometheusReadsTheRulesDirectory() throws Exception {
        RealPrometheus.requireRulesDir();
    }

    @Test
    void aFiringRuleReachesTheWebhookAsAnAlertmanagerPayload() throws Exception {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        HttpServer webhook = startWebhook(received);
        PrometheusRuleFiles store =
                PrometheusRuleFiles.create(PrometheusRuleFilesConfig.of(RealPrometheus.RULES_DIR, RealPrometheus.URL));
        String graph = RealPrometheus.unique("loop");
        String group = "smo-" + graph;
        String alert = graph + "-always";
        try {
            // "for: 10s": a reload makes Prometheus re-discover its Alertmanagers, and an alert firing before that
            // is dropped and only re-sent a minute later (resend delay). Pending alerts are not sent at all.
            store.replace(
                    RealPrometheus.NAMESPACE,
                    group,
                    List.of(new AlertRule(
                            alert,
                            "vector(1) > 0",
                            "10s",
                            Map.of("graph", graph, "service", "svc", "severity", "critical"),
                            Map.of("description", "loop test", "summary", "loop test"))));

            JsonNode payload = awaitFiring(received, graph);

            assertThat(payload.path("version").asText()).isEqualTo("4");
            assertThat(payload.path("status").asText()).isEqualTo("firing");
            assertThat(payload.path("receiver").asText()).isEqualTo("smo");
            assertThat(payload.path("groupLabels").path("alertname").asText()).isEqualTo(alert);
            assertThat(payload.path("groupLabels").path("service").asText()).isEqualTo("svc");
            assertThat(payload.path("groupKey").asText()).isNotEmpty();
            JsonNode ours = firingAlert(payload, graph);
            assertThat(ours.path("labels").path("alertname").asText()).isEqualTo(alert);
            assertThat(ours.path("labels").path("service").asText()).isEqualTo("svc");
            assertThat(ours.path("labels").path("severity").asText()).isEqualTo("critical");
            assertThat(ours.path("annotations").path("summary").asText()).isEqualTo("loop test");
            assertThat(ours.path("startsAt").asText()).isNotEmpty();
            assertThat(ours.path("fingerprint").asText()).isNotEmpty();
        } finally {
            webhook.stop(0);
            try {
                store.replace(RealPrometheus.NAMESPACE, group, List.of());
            } finally {
                Files.deleteIfExists(store.file(RealPrometheus.NAMESPACE, group));
            }
        }
    }

    private static HttpServer startWebhook(BlockingQueue<JsonNode> received) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), WEBHOOK_PORT), 0);
        } catch (BindException e) {
            return fail(
                    "Port " + WEBHOOK_PORT + " on 127.0.0.1 is taken, but the test Alertmanager posts its"
                            + " webhooks there (scripts/services/alertmanager.yml).\nMaybe stop whatever listens on it"
                            + " (ss -ltnp 'sport = :" + WEBHOOK_PORT + "'), e.g. a running SMO server.",
                    e);
        }
        server.createContext("/alerts", exchange -> {
            try (exchange) {
                if ("POST".equals(exchange.getRequestMethod())) {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    try {
                        received.add(JSON.readTree(new String(body, StandardCharsets.UTF_8)));
                    } catch (IOException notJson) {
                        received.add(JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8)));
                    }
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        return server;
    }

    private static JsonNode awaitFiring(BlockingQueue<JsonNode> received, String graph) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        int seen = 0;
        while (Instant.now().isBefore(deadline)) {
            JsonNode payload = received.poll(1, TimeUnit.SECONDS);
            if (payload == null) {
                continue;
            }
            seen++;
            if (firingAlert(payload, graph) != null) {
                return payload;
            }
        }
        return fail("No webhook with a firing alert of graph (" + graph + ") within " + WAIT.toSeconds() + " s ("
                + seen + " other payloads seen).\nMaybe check that Alertmanager runs (scripts/services.sh status)"
                + " and that Prometheus lists it in /api/v1/alertmanagers.");
    }

    private static JsonNode firingAlert(JsonNode payload, String graph) {
        for (JsonNode a : payload.path("alerts")) {
            if (graph.equals(a.path("labels").path("graph").asText())
                    && "firing".equals(a.path("status").asText())) {
                return a;
            }
        }
        return null;
    }
}
