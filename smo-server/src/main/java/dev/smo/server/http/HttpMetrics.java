package dev.smo.server.http;

import dev.smo.core.GraphStatus;
import dev.smo.core.Orchestrator;
import dev.smo.core.StoredGraph;
import io.javalin.http.Context;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The server's own metrics in Prometheus format: requests by route and status, latency, graphs by status, and
 * whether this replica leads ({@code smo_leader{replica="..."}}, {@code smo_leader_epoch}).
 */
public final class HttpMetrics {

    private static final String START = "smo.start";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder()
            .name("smo_http_requests_total")
            .help("HTTP requests by method, route and status")
            .labelNames("method", "route", "status")
            .register(registry);
    private final Histogram latency = Histogram.builder()
            .name("smo_http_request_duration_seconds")
            .help("HTTP request latency by method and route")
            .labelNames("method", "route")
            .register(registry);
    private final Gauge graphs = Gauge.builder()
            .name("smo_graphs")
            .help("Graphs by lifecycle status")
            .labelNames("status")
            .register(registry);
    private final Gauge storeUp = Gauge.builder()
            .name("smo_store_up")
            .help("1 when the last scrape could read the store, 0 when it could not")
            .register(registry);
    private final Gauge leader = Gauge.builder()
            .name("smo_leader")
            .help("1 when this replica leads (runs the background work), 0 when another does")
            .labelNames("replica")
            .register(registry);
    private final Gauge leaderEpoch = Gauge.builder()
            .name("smo_leader_epoch")
            .help("The epoch of this replica's term as leader, 0 when it does not lead")
            .register(registry);
    private final Orchestrator smo;

    /** @param smo the orchestrator whose graphs are counted */
    public HttpMetrics(Orchestrator smo) {
        this.smo = smo;
    }

    public void before(Context ctx) {
        ctx.attribute(START, System.nanoTime());
    }

    public void after(Context ctx) {
        Long start = ctx.attribute(START);
        String route = ctx.endpointHandlerPath();
        if (route == null || route.isEmpty() || route.equals("*")) {
            route = "unmatched";
        }
        requests.labelValues(ctx.method().name(), route, Integer.toString(ctx.statusCode()))
                .inc();
        if (start != null) {
            latency.labelValues(ctx.method().name(), route).observe((System.nanoTime() - start) / 1e9);
        }
    }

    @io.javalin.openapi.OpenApi(
            path = "/metrics",
            methods = io.javalin.openapi.HttpMethod.GET,
            tags = "operations",
            summary = "Prometheus metrics: requests, latencies, graphs per status, whether this replica leads",
            responses = {
                @io.javalin.openapi.OpenApiResponse(
                        status = "200",
                        content = @io.javalin.openapi.OpenApiContent(mimeType = "text/plain", type = "string")),
                @io.javalin.openapi.OpenApiResponse(
                        status = "502",
                        content =
                                @io.javalin.openapi.OpenApiContent(
                                        from = Problem.class,
                                        mimeType = "application/problem+json"))
            })
    public void scrape(Context ctx) {
        OptionalLong epoch = smo.leadership().epoch();
        leader.labelValues(smo.leadership().replica()).set(epoch.isPresent() ? 1 : 0);
        leaderEpoch.set((double) epoch.orElse(0));
        Map<GraphStatus, Integer> counts = new EnumMap<>(GraphStatus.class);
        for (GraphStatus s : GraphStatus.values()) {
            counts.put(s, 0);
        }
        try {
            for (StoredGraph g : smo.list(null)) {
                counts.merge(g.status(), 1, Integer::sum);
            }
            counts.forEach((status, n) -> graphs.labelValues(status.label()).set(n));
            storeUp.set(1);
        } catch (RuntimeException e) { // the store is down: report it, keep the last graph counts
            storeUp.set(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType(PrometheusTextFormatWriter.CONTENT_TYPE).result(out.toString(StandardCharsets.UTF_8));
    }
}
