package dev.smo.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.Alert;
import dev.smo.core.AlertOutcome;
import dev.smo.core.Orchestrator;
import dev.smo.core.Plan;
import dev.smo.core.PlanOptions;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.model.HdaGraph;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Alerts, clusters, what-if plans and health. */
public final class OperationHandlers {

    private static final String PROBLEM = GraphHandlers.PROBLEM;

    private final Orchestrator smo;
    private final ObjectMapper json;
    private final java.util.Optional<dev.smo.core.Provisioning> provisioning;

    /**
     * @param smo the orchestrator
     * @param json the mapper for request bodies
     */
    public OperationHandlers(Orchestrator smo, ObjectMapper json) {
        this(smo, json, java.util.Optional.empty());
    }

    /**
     * @param smo the orchestrator
     * @param json the mapper for request bodies
     * @param provisioning the provisioning loop, whose advice infeasible plans carry
     */
    public OperationHandlers(
            Orchestrator smo, ObjectMapper json, java.util.Optional<dev.smo.core.Provisioning> provisioning) {
        this.smo = smo;
        this.json = json;
        this.provisioning = provisioning;
    }

    @OpenApi(
            path = "/alerts",
            methods = HttpMethod.POST,
            tags = "alerts",
            summary = "Alertmanager webhook: deploys the pending services whose alerts fire",
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(type = "object")),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.AlertsView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void alerts(Context ctx) {
        JsonNode root = readJson(ctx.body());
        JsonNode list = root.get("alerts");
        if (list == null || !list.isArray()) {
            throw new Problems.BadRequest("/alerts", "An Alertmanager notification needs an alerts list.");
        }
        String groupStatus = root.path("status").asText("firing");
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            if (!a.isObject()) {
                throw new Problems.BadRequest("/alerts/" + i, "Each alert must be an object.");
            }
            alerts.add(new Alert(
                    a.path("status").asText(groupStatus),
                    strings(a.get("labels"), "/alerts/" + i + "/labels"),
                    strings(a.get("annotations"), "/alerts/" + i + "/annotations"),
                    a.hasNonNull("fingerprint") ? a.get("fingerprint").asText() : null));
        }
        List<AlertOutcome> outcomes = smo.handleAlerts(alerts);
        ctx.json(new Views.AlertsView("Alert received", outcomes));
    }

    @OpenApi(
            path = "/clusters",
            methods = HttpMethod.GET,
            tags = "clusters",
            summary = "The member clusters, read again from the inventory",
            description = "Each cluster's capacity: total (what it offers SMO), used (held by SMO's placed services,"
                    + " requests times replicas) and free; the flat fields are the inventory's own figures.",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.ClusterView[].class)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void clusters(Context ctx) {
        boolean countsDeployed = smo.inventoryCountsDeployed();
        Map<String, long[]> held = new HashMap<>();
        for (StoredGraph g : smo.list(null)) {
            for (StoredService s : g.services()) {
                if (s.cluster() == null || !holds(s.status(), countsDeployed)) {
                    continue;
                }
                long[] sum = held.computeIfAbsent(s.cluster(), k -> new long[3]);
                sum[0] += s.resources().cpuMillis() * s.replicas();
                sum[1] += s.resources().memoryBytes() * s.replicas();
                sum[2] += (long) s.resources().gpus() * s.replicas();
            }
        }
        ctx.json(smo.clusters().stream()
                .map(c -> {
                    long[] sum = held.getOrDefault(c.name(), new long[3]);
                    return Views.cluster(c, new Views.CapacityView(sum[0], sum[1], sum[2]), countsDeployed);
                })
                .toList());
    }

    /**
     * Whether a service's requests hold capacity on its cluster: a live inventory sees deployed workloads only;
     * for a static one SMO counts what it placed, pending services included (their capacity is reserved).
     */
    private static boolean holds(ServiceStatus status, boolean countsDeployed) {
        return countsDeployed
                ? status == ServiceStatus.DEPLOYED
                : status == ServiceStatus.DEPLOYED
                        || status == ServiceStatus.DEPLOYING
                        || status == ServiceStatus.PENDING;
    }

    @OpenApi(
            path = "/plan",
            methods = HttpMethod.POST,
            tags = "graphs",
            summary = "What-if: the placement, replicas, Helm values and rules a deploy would apply; changes nothing."
                    + " An infeasible plan says, when an NFVCL and Karmada are configured, which VIM could host a new"
                    + " cluster and what size (provisioning)",
            queryParams = {
                @OpenApiParam(name = "project", description = "Project (namespace), default 'default'"),
                @OpenApiParam(
                        name = "objective",
                        description = "lexicographic (the server's own, default: fewest moves, then fewest cut"
                                + " edges) or weighted (a move costs as much as 10 of cut edge weight)"),
                @OpenApiParam(
                        name = "timeLimit",
                        description = "The solver's time limit in seconds (0.1 to 120); at most "
                                + PlanLimits.ANONYMOUS_SECONDS + " s without a token",
                        type = Double.class),
                @OpenApiParam(
                        name = "moveCost",
                        description = "Weighted objective: the cost of moving a running service (0 to "
                                + PlanLimits.MAX_COST + ", default 10)",
                        type = Integer.class),
                @OpenApiParam(
                        name = "edgeCutCost",
                        description = "Weighted objective: the cost per unit of edge weight cut across clusters (0 to "
                                + PlanLimits.MAX_COST + ", default 1)",
                        type = Integer.class),
                @OpenApiParam(
                        name = "nodeLimit",
                        description = "The most search nodes the solver may explore (1 to " + PlanLimits.MAX_NODES
                                + "); unlike the time limit it stops at the same point on any machine",
                        type = Long.class)
            },
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            content = {
                                @OpenApiContent(mimeType = "application/yaml", type = "string"),
                                @OpenApiContent(mimeType = "application/json", type = "object")
                            }),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.PlanView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void plan(Context ctx) {
        String project = ctx.queryParamAsClass("project", String.class).getOrDefault("default");
        DeployRequest request = DeployRequest.from(ctx.contentType(), ctx.body(), json);
        if (request.artifact() != null) {
            throw new Problems.BadRequest("/artifact", "Plans take the descriptor itself, not an artifact.");
        }
        PlanOptions options = PlanLimits.options(
                ctx.queryParam("objective"),
                ctx.queryParam("moveCost"),
                ctx.queryParam("edgeCutCost"),
                ctx.queryParam("timeLimit"),
                ctx.queryParam("nodeLimit"),
                Auth.authenticated(ctx));
        HdaGraph graph = smo.parse(request.descriptor());
        Plan plan = smo.plan(project, graph, options);
        ProvisioningViews.AdviceView advice = plan.feasible() || provisioning.isEmpty()
                ? null
                : ProvisioningViews.advice(provisioning.get().advise(plan));
        ctx.json(Views.plan(plan, advice));
    }

    private JsonNode readJson(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new Problems.BadRequest("", "The body must be a JSON object.");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Problems.BadRequest("", JsonErrors.describe(e));
        }
    }

    private static Map<String, String> strings(JsonNode node, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new Problems.BadRequest(path, "Must be an object of strings.");
        }
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
