package dev.smo.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.Orchestrator;
import dev.smo.core.spi.StoredGraph;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.List;

/** The graph lifecycle routes, with the original SMO's paths and payloads. */
public final class GraphHandlers {

    private final Orchestrator smo;
    private final ObjectMapper json;

    /**
     * @param smo the orchestrator
     * @param json the mapper used for descriptors
     */
    public GraphHandlers(Orchestrator smo, ObjectMapper json) {
        this.smo = smo;
        this.json = json;
    }

    @OpenApi(
            path = "/project/{project}/graphs",
            methods = HttpMethod.GET,
            tags = "graphs",
            summary = "List the graphs of a project",
            pathParams = @OpenApiParam(name = "project", required = true, description = "Project (namespace)"),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.GraphView[].class)))
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
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = Problem.class))
            })
    public void deploy(Context ctx) {
        String project = ctx.pathParam("project");
        DeployRequest request = DeployRequest.from(ctx.contentType(), ctx.body(), json);
        StoredGraph g = request.artifact() != null
                ? smo.deployArtifact(project, request.artifact())
                : smo.deployDescriptor(project, request.descriptor());
        ctx.status(201).header("Location", "/graphs/" + g.name()).json(view(g));
    }

    @OpenApi(
            path = "/graphs/{name}",
            methods = HttpMethod.GET,
            tags = "graphs",
            summary = "Get a graph",
            pathParams = @OpenApiParam(name = "name", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class))
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
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.MessageView.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class))
            })
    public void remove(Context ctx) {
        smo.remove(ctx.pathParam("name"));
        ctx.json(new Views.MessageView("Removal of graph " + ctx.pathParam("name") + " successful"));
    }

    @OpenApi(
            path = "/graphs/{name}/placement",
            methods = {HttpMethod.POST, HttpMethod.GET},
            tags = "graphs",
            summary = "Re-place a graph on the current clusters (GET kept for the original's clients)",
            pathParams = @OpenApiParam(name = "name", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = Problem.class))
            })
    public void replace(Context ctx) {
        ctx.json(view(smo.replace(ctx.pathParam("name"))));
    }

    @OpenApi(
            path = "/graphs/{name}/start",
            methods = {HttpMethod.POST, HttpMethod.GET},
            tags = "graphs",
            summary = "Start a stopped graph (GET kept for the original's clients)",
            pathParams = @OpenApiParam(name = "name", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class))
            })
    public void start(Context ctx) {
        ctx.json(view(smo.start(ctx.pathParam("name"))));
    }

    @OpenApi(
            path = "/graphs/{name}/stop",
            methods = {HttpMethod.POST, HttpMethod.GET},
            tags = "graphs",
            summary = "Stop a graph: uninstall its releases, keep it (GET kept for the original's clients)",
            pathParams = @OpenApiParam(name = "name", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.GraphView.class)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class))
            })
    public void stop(Context ctx) {
        ctx.json(view(smo.stop(ctx.pathParam("name"))));
    }

    @OpenApi(
            path = "/graphs/{name}/events",
            methods = HttpMethod.GET,
            tags = "graphs",
            summary = "The graph's event log: what SMO did, when and why (kept after removal)",
            pathParams = @OpenApiParam(name = "name", required = true),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.EventView[].class)))
    public void events(Context ctx) {
        ctx.json(smo.events(ctx.pathParam("name")).stream().map(Views::event).toList());
    }

    Views.GraphView view(StoredGraph g) {
        try {
            Object descriptor = json.readValue(g.descriptor(), Object.class);
            Object hdaGraph = descriptor instanceof java.util.Map<?, ?> m && m.containsKey("hdaGraph")
                    ? m.get("hdaGraph")
                    : descriptor;
            return Views.graph(g, hdaGraph);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored descriptor of graph (" + g.name() + ") is not JSON.", e);
        }
    }
}
