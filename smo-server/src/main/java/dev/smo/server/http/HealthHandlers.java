package dev.smo.server.http;

import dev.smo.core.Orchestrator;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;

/** Liveness and readiness: they report DOWN with 503 when the store cannot be reached, never fail. */
public final class HealthHandlers {

    private final Orchestrator smo;

    /** @param smo the orchestrator whose store is checked */
    public HealthHandlers(Orchestrator smo) {
        this.smo = smo;
    }

    @OpenApi(
            path = "/health/live",
            methods = HttpMethod.GET,
            tags = "operations",
            summary = "Liveness: the process answers",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.LiveView.class)))
    public void live(Context ctx) {
        ctx.json(new Views.LiveView("UP"));
    }

    @OpenApi(
            path = "/health/ready",
            methods = HttpMethod.GET,
            tags = "operations",
            summary = "Readiness: the store is reachable and migrated (503 and DOWN otherwise)",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.HealthView.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Views.HealthView.class))
            })
    public void ready(Context ctx) {
        health(ctx);
    }

    @OpenApi(
            path = "/health",
            methods = HttpMethod.GET,
            tags = "operations",
            summary = "Readiness, and whether releases reach clusters (dryRun); 503 and DOWN when the store is away",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.HealthView.class)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Views.HealthView.class))
            })
    public void health(Context ctx) {
        boolean store = storeUp(smo);
        if (!store) {
            ctx.header("Retry-After", StoreOutage.RETRY_AFTER_SECONDS);
        }
        String status = store ? "UP" : "DOWN";
        ctx.status(store ? 200 : 503).json(new Views.HealthView(status, status, smo.dryRun()));
    }

    /** @return whether a read from the store succeeds */
    static boolean storeUp(Orchestrator smo) {
        try {
            smo.list("smo-health-probe");
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
