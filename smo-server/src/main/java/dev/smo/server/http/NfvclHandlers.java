package dev.smo.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.Infrastructure;
import dev.smo.core.NfvclCluster;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The original SMO's NFVCL routes: OpenStack VIMs ({@code /vims}) and the Kubernetes clusters the NFVCL builds on
 * them ({@code /os_k8s}). Without an NFVCL ({@code NFVCL_BASE_URL} unset) every one answers 503; a failing NFVCL
 * is 502, one that does not answer 504.
 */
public final class NfvclHandlers {

    /** The original's VIM sync: a GET that writes, so it needs the write token. */
    public static final String VIM_SYNC = "/vims/sync/nfvcl_vims";

    static final String PROBLEM = GraphHandlers.PROBLEM;

    private final Optional<Infrastructure> infrastructure;
    private final ObjectMapper json;

    /**
     * @param infrastructure the VIMs and clusters, or empty when no NFVCL is configured
     * @param json the mapper for request bodies
     */
    public NfvclHandlers(Optional<Infrastructure> infrastructure, ObjectMapper json) {
        this.infrastructure = infrastructure;
        this.json = json;
    }

    private Infrastructure infra() {
        return infrastructure.orElseThrow(() -> new Problems.NotConfigured(
                "No NFVCL is configured.\nMaybe set NFVCL_BASE_URL, e.g. http://nfvcl:5002."));
    }

    @OpenApi(
            path = VIM_SYNC,
            methods = HttpMethod.GET,
            tags = "nfvcl",
            summary = "Sync VIMs with the NFVCL topology",
            description =
                    "Imports the NFVCL VIMs SMO does not know and registers again the VIMs the NFVCL lost (it writes: the write token is needed).",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = NfvclViews.VimSyncView.class)),
                @OpenApiResponse(status = "403", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "504", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void syncVims(Context ctx) {
        Infrastructure infra = infra();
        ctx.json(NfvclViews.vimSync(infra.syncVims(), infra.vims(OptionalInt.empty())));
    }

    @OpenApi(
            path = "/vims/smo_vims",
            methods = HttpMethod.GET,
            tags = "nfvcl",
            summary = "List SMO VIMs",
            queryParams = @OpenApiParam(name = "pop_area", type = Integer.class, description = "Only this pop area"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = NfvclViews.VimView[].class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void listVims(Context ctx) {
        OptionalInt area = NfvclBodies.popArea(ctx.queryParam("pop_area"));
        List<NfvclViews.VimView> vims =
                infra().vims(area).stream().map(NfvclViews::vim).toList();
        ctx.json(vims);
    }

    @OpenApi(
            path = "/vims/smo_vims",
            methods = HttpMethod.POST,
            tags = "nfvcl",
            summary = "Register an OpenStack VIM with the NFVCL",
            description = "The password goes to the NFVCL and is stored sealed (AES-256-GCM); no answer ever shows it.",
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            content = @OpenApiContent(from = NfvclBodies.VimBody.class, mimeType = "application/json")),
            responses = {
                @OpenApiResponse(
                        status = "201",
                        description = "Registered; Location is the VIM",
                        content = @OpenApiContent(from = NfvclViews.VimView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "504", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void registerVim(Context ctx) {
        var vim = infra().registerVim(NfvclBodies.vim(ctx.body(), json));
        ctx.header("Location", "/vims/smo_vims/" + vim.id());
        ctx.status(201).json(NfvclViews.vim(vim));
    }

    @OpenApi(
            path = "/vims/smo_vims/{id}",
            methods = HttpMethod.GET,
            tags = "nfvcl",
            summary = "Get an SMO VIM",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = NfvclViews.VimView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void getVim(Context ctx) {
        ctx.json(NfvclViews.vim(infra().vim(vimId(ctx))));
    }

    @OpenApi(
            path = "/vims/smo_vims/{id}",
            methods = HttpMethod.DELETE,
            tags = "nfvcl",
            summary = "Delete a VIM from the NFVCL and SMO",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(
                        status = "200",
                        description = "Deleted; the VIM as it was",
                        content = @OpenApiContent(from = NfvclViews.VimView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "504", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void deleteVim(Context ctx) {
        ctx.json(NfvclViews.vim(infra().deleteVim(vimId(ctx))));
    }

    @OpenApi(
            path = "/os_k8s/clusters",
            methods = HttpMethod.GET,
            tags = "nfvcl",
            summary = "List the NFVCL clusters",
            queryParams = @OpenApiParam(name = "pop_area", type = Integer.class, description = "Only this pop area"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = NfvclViews.NfvclClusterView[].class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void listClusters(Context ctx) {
        OptionalInt area = NfvclBodies.popArea(ctx.queryParam("pop_area"));
        List<NfvclViews.NfvclClusterView> clusters =
                infra().clusters(area).stream().map(NfvclViews::cluster).toList();
        ctx.json(clusters);
    }

    @OpenApi(
            path = "/os_k8s/clusters",
            methods = HttpMethod.POST,
            tags = "nfvcl",
            summary = "Ask the NFVCL for a Kubernetes cluster",
            description = "Sync (POST /os_k8s/sync/nfvcl_k8s) to follow it until ready.",
            requestBody =
                    @OpenApiRequestBody(
                            required = true,
                            content =
                                    @OpenApiContent(
                                            from = NfvclBodies.NfvclClusterBody.class,
                                            mimeType = "application/json")),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "Accepted: deploying; Location is the cluster",
                        content = @OpenApiContent(from = NfvclViews.NfvclClusterView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "504", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void createCluster(Context ctx) {
        var request = NfvclBodies.cluster(ctx.body(), json);
        NfvclCluster cluster;
        try {
            cluster = infra().createCluster(request);
        } catch (IllegalArgumentException e) {
            throw new Problems.BadRequest("/pop_area", e.getMessage());
        }
        ctx.header("Location", "/os_k8s/cluster/" + cluster.smoId());
        ctx.status(202).json(NfvclViews.cluster(cluster));
    }

    @OpenApi(
            path = "/os_k8s/cluster/{smo_id}",
            methods = HttpMethod.GET,
            tags = "nfvcl",
            summary = "Get an NFVCL cluster",
            pathParams = @OpenApiParam(name = "smo_id", required = true),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = NfvclViews.NfvclClusterView.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void getCluster(Context ctx) {
        ctx.json(NfvclViews.cluster(infra().cluster(ctx.pathParam("smo_id"))));
    }

    @OpenApi(
            path = "/os_k8s/cluster/{smo_id}",
            methods = HttpMethod.DELETE,
            tags = "nfvcl",
            summary = "Delete an NFVCL cluster",
            pathParams = @OpenApiParam(name = "smo_id", required = true),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "Accepted: deleting until a sync finds the blueprint gone",
                        content = @OpenApiContent(from = NfvclViews.NfvclClusterView.class)),
                @OpenApiResponse(
                        status = "200",
                        description = "Removed at once: the NFVCL never had it",
                        content = @OpenApiContent(from = NfvclViews.NfvclClusterView.class)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "504", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void deleteCluster(Context ctx) {
        NfvclCluster cluster = infra().deleteCluster(ctx.pathParam("smo_id"));
        ctx.status(cluster.status() == NfvclCluster.Status.DELETING ? 202 : 200).json(NfvclViews.cluster(cluster));
    }

    @OpenApi(
            path = "/os_k8s/scale-out/{smo_id}",
            methods = HttpMethod.POST,
            tags = "nfvcl",
            summary = "Add workers to a ready cluster",
            description = "Without a body, one worker (as the original).",
            pathParams = @OpenApiParam(name = "smo_id", required = true),
            requestBody =
                    @OpenApiRequestBody(
                            required = false,
                            content =
                                    @OpenApiContent(
                                            from = NfvclBodies.ScaleOutBody.class,
                                            mimeType = "application/json")),
            responses = {
                @OpenApiResponse(
                        status = "202",
                        description = "Accepted: deploying until the NFVCL is idle again",
                        content = @OpenApiContent(from = NfvclViews.NfvclClusterView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "504", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void scaleOut(Context ctx) {
        int workers = NfvclBodies.scaleOut(ctx.body(), json);
        ctx.status(202).json(NfvclViews.cluster(infra().scaleOut(ctx.pathParam("smo_id"), workers)));
    }

    @OpenApi(
            path = "/os_k8s/sync/nfvcl_k8s",
            methods = HttpMethod.POST,
            tags = "nfvcl",
            summary = "Sync clusters with the NFVCL blueprints",
            description =
                    "The blueprint list is the truth: idle and no error is ready, an error failed, a deleted blueprint removes a deleting cluster.",
            queryParams = @OpenApiParam(name = "pop_area", type = Integer.class, description = "Only this pop area"),
            responses = {
                @OpenApiResponse(
                        status = "200",
                        content = @OpenApiContent(from = NfvclViews.NfvclClusterSyncView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "409", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "504", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void syncClusters(Context ctx) {
        OptionalInt area = NfvclBodies.popArea(ctx.queryParam("pop_area"));
        ctx.json(NfvclViews.clusterSync(infra().syncClusters(area)));
    }

    private static long vimId(Context ctx) {
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Problems.BadRequest("/id", "VIM id (" + raw + ") must be a positive whole number.");
    }
}
