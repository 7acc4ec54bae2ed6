package dev.smo.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.ClusterProvision;
import dev.smo.core.Command;
import dev.smo.core.Operation;
import dev.smo.core.Orchestrator;
import dev.smo.core.Provisioning;
import dev.smo.core.StoredGraph;
import dev.smo.model.HdaGraph;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The graph lifecycle routes, with the original SMO's paths and payloads. */
public final class GraphHandlers {

    static final String PROBLEM = "application/problem+json";
    static final String PREFER = "RFC 7240: 'wait=N' (seconds, at most 60) answers with the final state when the "
            + "work ends within N seconds; otherwise, and without it, 202 Accepted with the transitional state";

    private final Orchestrator smo;
    private final ObjectMapper json;
    private final Optional<Provisioning> provisioning;

    /**
     * @param smo the orchestrator
     * @param json the mapper used for descriptors
     */
    public GraphHandlers(Orchestrator smo, ObjectMapper json) {
        this(smo, json, Optional.empty());
    }

    /**
     * @param smo the orchestrator
     * @param json the mapper used for descriptors
     * @param provisioning the provisioning loop, when an NFVCL and Karmada are configured
     */
    public GraphHandlers(Orchestrator smo, ObjectMapper json, Optional<Provisioning> provisioning) {
        this.smo = smo;
        this.json = json;
        this.provisioning = provisioning;
    }

    @OpenApi(
            path = "/project/{project}/graphs",
            methods = HttpMethod.GET,
            tags = "graphs",
            summary = "List the graphs of a project",
            pathParams = @OpenApiParam(name = "project", required = true, description = "Project (namespace)"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.GraphView[].class)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void list(Context ctx) {
        List<Views.GraphView> views =
                smo.list(ctx.pathParam("project")).stream().map(this::view).toList();
        ctx.json(views);
    }

    @OpenApi(
            path = "/project/{project}/graphs",
            methods = HttpMethod.POST,
            tags = "graphs",
            summary = "Place and deploy a graph",
            description = "Body: the HDAG descriptor as YAML (Content-Type: application/yaml) or JSON, a JSON "
                    + "string holding it, or {\"artifact\": \"oci://registry/project/graph:tag\"}.",
            pathParams = @OpenApiParam(name = "project", required = true, description = "Project (namespace)"),
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            content = {
                                @OpenApiContent(mimeType = "application/yaml", type = "string"),
                                @OpenApiContent(mimeType = "application/json", type = "object")
                            }),
            headers = @OpenApiParam(name = "Prefer", description = PREFER),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "Accepted: placed and recorded Deploying; Location is the graph",
                        content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(
                        status = "201",
                        description = "Deployed within the Prefer: wait time",
                        content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "413", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void deploy(Context ctx) {
        String project = ctx.pathParam("project");
        DeployRequest request = DeployRequest.from(ctx.contentType(), ctx.body(), json);
        HdaGraph graph = request.artifact() != null ? smo.fetch(request.artifact()) : smo.parse(request.descriptor());
        answer(ctx, smo.submitDeploy(project, graph), 201);
    }

    /**
     * Answers an accepted operation: 202 with the graph in its transitional state, or, when the client prefers to
     * wait and the work ends in time, the final answer ({@code doneStatus} with the graph, 200 with a message after
     * a removal).
     */
    private void answer(Context ctx, Operation op, int doneStatus) {
        String name = op.accepted().name();
        ctx.header("Location", "/graphs/" + name);
        Duration wait = Prefer.waitOf(ctx.header("Prefer"));
        if (!wait.isZero() && op.await(wait)) {
            Optional<StoredGraph> done = op.result();
            ctx.header("Preference-Applied", "wait=" + wait.toSeconds());
            if (done.isEmpty()) {
                ctx.status(200).json(new Views.MessageView("Removal of graph " + name + " successful"));
            } else {
                ctx.status(doneStatus).json(view(done.get()));
            }
            return;
        }
        ctx.status(202).json(view(op.accepted()));
    }

    @OpenApi(
            path = "/graphs/{name}",
            methods = HttpMethod.GET,
            tags = "graphs",
            summary = "Get a graph",
            pathParams = @OpenApiParam(name = "name", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void get(Context ctx) {
        ctx.json(view(smo.get(ctx.pathParam("name"))));
    }

    @OpenApi(
            path = "/graphs/{name}",
            methods = HttpMethod.DELETE,
            tags = "graphs",
            summary = "Remove a graph: uninstall its releases, delete its rules and dashboard",
            pathParams = @OpenApiParam(name = "name", required = true),
            headers = @OpenApiParam(name = "Prefer", description = PREFER),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "Accepted: recorded Removing; Location is the graph until it is gone",
                        content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(
                        status = "200",
                        description = "Removed within the Prefer: wait time",
                        content = @OpenApiContent(from = Views.MessageView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void remove(Context ctx) {
        answer(ctx, smo.submit(Command.REMOVE, ctx.pathParam("name")), 200);
    }

    @OpenApi(
            path = "/graphs/{name}/placement",
            methods = {HttpMethod.POST, HttpMethod.GET},
            tags = "graphs",
            summary =
                    "Re-place a graph on the current clusters (GET kept for the original's clients); with"
                            + " provision=true (or SMO_PROVISION_AUTO) a graph short of capacity gets a new NFVCL cluster first",
            pathParams = @OpenApiParam(name = "name", required = true),
            queryParams =
                    @OpenApiParam(
                            name = "provision",
                            description = "true: when the graph lacks capacity, ask the NFVCL for a cluster sized for"
                                    + " the shortfall, join it to Karmada and re-place once it is Ready (202, Location"
                                    + " /graphs/{name}/provisions); needs an NFVCL and Karmada",
                            type = Boolean.class),
            headers = @OpenApiParam(name = "Prefer", description = PREFER),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "Accepted: recorded in its transitional state, Location is the graph; or a"
                                + " cluster is being provisioned, Location is the graph's provisionings",
                        content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(
                        status = "200",
                        description = "Done within the Prefer: wait time",
                        content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void replace(Context ctx) {
        String name = ctx.pathParam("name");
        String flag = ctx.queryParam("provision");
        if (flag != null && !flag.equals("true") && !flag.equals("false")) {
            throw new Problems.BadRequest("/provision", "provision (" + flag + ") must be true or false.");
        }
        boolean wanted = "true".equals(flag)
                || (flag == null && provisioning.map(p -> p.settings().auto()).orElse(false));
        if (wanted) {
            Provisioning loop = provisioning.orElseThrow(() -> new Problems.NotConfigured("No cluster can be "
                    + "provisioned: it takes an NFVCL and Karmada.\nMaybe set NFVCL_BASE_URL and KARMADA_KUBECONFIG."));
            Optional<ClusterProvision> started = loop.request(name);
            if (started.isPresent()) {
                ctx.header("Location", "/graphs/" + name + "/provisions");
                ctx.status(202).json(view(smo.get(name)));
                return;
            }
        }
        answer(ctx, smo.submit(Command.PLACE, name), 200);
    }

    @OpenApi(
            path = "/graphs/{name}/provisions",
            methods = HttpMethod.GET,
            tags = "graphs",
            summary = "The clusters provisioned for a graph, oldest first: REQUESTED (the NFVCL builds it), JOINING"
                    + " (joined to Karmada, not Ready yet), JOINED, DONE (re-placed) or FAILED (deleted, with why)",
            pathParams = @OpenApiParam(name = "name", required = true),
            responses = {
                @OpenApiResponse(
                        status = "200",
                        content = @OpenApiContent(from = ProvisioningViews.ProvisionView[].class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "503", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void provisions(Context ctx) {
        String name = ctx.pathParam("name");
        Provisioning loop = provisioning.orElseThrow(() -> new Problems.NotConfigured(
                "No cluster is provisioned without an NFVCL and Karmada.\nMaybe set NFVCL_BASE_URL and "
                        + "KARMADA_KUBECONFIG."));
        List<ClusterProvision> all = loop.provisions(name);
        if (all.isEmpty()) {
            smo.get(name);
        }
        ctx.json(all.stream().map(ProvisioningViews::provision).toList());
    }

    @OpenApi(
            path = "/graphs/{name}/start",
            methods = {HttpMethod.POST, HttpMethod.GET},
            tags = "graphs",
            summary = "Start a stopped graph (GET kept for the original's clients)",
            pathParams = @OpenApiParam(name = "name", required = true),
            headers = @OpenApiParam(name = "Prefer", description = PREFER),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "Accepted: recorded in its transitional state; Location is the graph",
                        content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(
                        status = "200",
                        description = "Done within the Prefer: wait time",
                        content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void start(Context ctx) {
        answer(ctx, smo.submit(Command.START, ctx.pathParam("name")), 200);
    }

    @OpenApi(
            path = "/graphs/{name}/stop",
            methods = {HttpMethod.POST, HttpMethod.GET},
            tags = "graphs",
            summary = "Stop a graph: uninstall its releases, keep it (GET kept for the original's clients)",
            pathParams = @OpenApiParam(name = "name", required = true),
            headers = @OpenApiParam(name = "Prefer", description = PREFER),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "Accepted: recorded in its transitional state; Location is the graph",
                        content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(
                        status = "200",
                        description = "Done within the Prefer: wait time",
                        content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void stop(Context ctx) {
        answer(ctx, smo.submit(Command.STOP, ctx.pathParam("name")), 200);
    }

    @OpenApi(
            path = "/graphs/{name}/events",
            methods = HttpMethod.GET,
            tags = "graphs",
            summary = "The graph's event log: what SMO did, when and why (kept after removal)",
            pathParams = @OpenApiParam(name = "name", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.EventView[].class)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void events(Context ctx) {
        ctx.json(smo.events(ctx.pathParam("name")).stream().map(Views::event).toList());
    }

    Views.GraphView view(StoredGraph g) {
        try {
            Object descriptor = json.readValue(g.descriptor(), Object.class);
            Object hdaGraph = descriptor instanceof java.util.Map<?, ?> m && m.containsKey("hdaGraph")
                    ? m.get("hdaGraph")
                    : descriptor;
            // Profiles are read only for graphs that scale something: one store read more, not on every GET.
            return g.descriptor().contains("\"scaling\"")
                    ? Views.graph(g, hdaGraph, smo.dryRun(), smo.profiles(g.name()))
                    : Views.graph(g, hdaGraph, smo.dryRun());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored descriptor of graph (" + g.name() + ") is not JSON.", e);
        }
    }
}
