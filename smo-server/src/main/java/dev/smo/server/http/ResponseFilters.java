package dev.smo.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.server.HttpSettings;
import io.javalin.http.Context;
import java.util.concurrent.Semaphore;

/**
 * The checks around handlers that need Javalin's context: how many anonymous plans run at once, how many alerts
 * one notification carries, and secrets hidden from every answer unless the write token asks for them
 * ({@code ?secrets=show}).
 */
public final class ResponseFilters {

    private static final String PLAN_PERMIT = "smo.plan-permit";

    private final ObjectMapper json;
    private final Auth auth;
    private final Semaphore anonymousPlans;
    private final int maxAlerts;

    /**
     * @param json the mapper of the answers
     * @param auth who the caller is
     * @param settings the limits
     */
    public ResponseFilters(ObjectMapper json, Auth auth, HttpSettings settings) {
        this.json = json;
        this.auth = auth;
        this.anonymousPlans = new Semaphore(settings.anonymousPlans());
        this.maxAlerts = settings.maxAlerts();
    }

    /** @param ctx a {@code POST /plan}; an anonymous one waits for nothing: 429 when all permits are taken */
    public void beforePlan(Context ctx) {
        if (Auth.authenticated(ctx)) {
            return;
        }
        if (!anonymousPlans.tryAcquire()) {
            ctx.header("Retry-After", "1");
            throw new Problems.TooManyRequests("Too many plans without a token are running; try again shortly.\n"
                    + "Maybe send a token (SMO_READ_TOKEN or SMO_API_TOKEN) to plan without this limit.");
        }
        ctx.attribute(PLAN_PERMIT, true);
    }

    /** @param ctx a {@code POST /plan} that finished, one way or another */
    public void afterPlan(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(PLAN_PERMIT))) {
            ctx.attribute(PLAN_PERMIT, false);
            anonymousPlans.release();
        }
    }

    /** @param ctx a {@code POST /alerts}; refused with 413 past the alert limit */
    public void beforeAlerts(Context ctx) {
        JsonNode root;
        try {
            root = json.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            return; // the handler reports malformed JSON
        }
        JsonNode alerts = root == null ? null : root.get("alerts");
        if (alerts != null && alerts.isArray() && alerts.size() > maxAlerts) {
            throw new Problems.PayloadTooLarge(
                    "/alerts",
                    "The notification carries " + alerts.size() + " alerts, above the limit of " + maxAlerts
                            + ".\nMaybe lower max_alerts in Alertmanager's webhook_config.");
        }
    }

    /** @param ctx any request: secrets in a JSON answer are hidden unless the write token asked to see them */
    public void hideSecrets(Context ctx) {
        String type = ctx.res().getContentType();
        if (type == null
                || !type.startsWith("application/json")
                || ctx.status().getCode() < 200
                || ctx.status().getCode() >= 300) {
            return;
        }
        if ("show".equals(ctx.queryParam("secrets")) && auth.mayWrite(ctx)) {
            return;
        }
        String body = ctx.result();
        if (body == null || body.isEmpty()) {
            return;
        }
        if (!Secrets.mayHold(body)) { // most answers: no parse, no second serialization
            ctx.result(body);
            return;
        }
        try {
            JsonNode node = json.readTree(body);
            if (Secrets.redact(node) > 0) {
                ctx.result(json.writeValueAsString(node));
            } else {
                ctx.result(body);
            }
        } catch (JsonProcessingException e) {
            ctx.result(body);
        }
    }
}
