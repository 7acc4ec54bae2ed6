package dev.smo.server;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.smo.core.Infrastructure;
import dev.smo.core.Orchestrator;
import dev.smo.core.Provisioning;
import dev.smo.server.http.Auth;
import dev.smo.server.http.CommonResponses;
import dev.smo.server.http.Console;
import dev.smo.server.http.GraphHandlers;
import dev.smo.server.http.HealthHandlers;
import dev.smo.server.http.HttpMetrics;
import dev.smo.server.http.NfvclHandlers;
import dev.smo.server.http.OperationHandlers;
import dev.smo.server.http.ProblemErrorHandler;
import dev.smo.server.http.Problems;
import dev.smo.server.http.ProfileHandlers;
import dev.smo.server.http.RequestGuard;
import dev.smo.server.http.ResponseFilters;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Optional;
import org.eclipse.jetty.servlet.FilterHolder;

/**
 * The REST server: the original SMO's routes and payloads, plus plans, event logs, health and metrics, with the
 * OpenAPI document at {@code /openapi.json} and Swagger UI at {@code /docs}. Handlers only parse, call the
 * orchestrator and map the result; a {@link RequestGuard} checks every request before them.
 */
public final class SmoServer {

    /** The JSON limits of request bodies: nesting depth, digits of a number, characters of a key. */
    public static final StreamReadConstraints JSON_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(256)
            .maxNumberLength(100)
            .maxNameLength(1024)
            .build();

    private SmoServer() {}

    /**
     * @param smo the orchestrator to expose
     * @param settings tokens, hosts, limits
     * @return the configured, not yet started, app
     */
    public static Javalin create(Orchestrator smo, HttpSettings settings) {
        return create(smo, settings, new InFlight());
    }

    /**
     * @param smo the orchestrator to expose
     * @param settings tokens, hosts, limits
     * @param inFlight counts the requests being answered; {@link InFlight#drain} before stopping the app
     * @return the configured, not yet started, app
     */
    public static Javalin create(Orchestrator smo, HttpSettings settings, InFlight inFlight) {
        return create(smo, Optional.empty(), settings, inFlight);
    }

    /**
     * @param smo the orchestrator to expose
     * @param infrastructure the VIMs and NFVCL clusters, or empty when no NFVCL is configured (their routes
     *     answer 503)
     * @param settings tokens, hosts, limits
     * @param inFlight counts the requests being answered; {@link InFlight#drain} before stopping the app
     * @return the configured, not yet started, app
     */
    public static Javalin create(
            Orchestrator smo, Optional<Infrastructure> infrastructure, HttpSettings settings, InFlight inFlight) {
        return create(smo, infrastructure, Optional.empty(), settings, inFlight);
    }

    /**
     * @param smo the orchestrator to expose
     * @param infrastructure the VIMs and NFVCL clusters, or empty when no NFVCL is configured (their routes
     *     answer 503)
     * @param provisioning the provisioning loop, or empty without an NFVCL and Karmada
     * @param settings tokens, hosts, limits
     * @param inFlight counts the requests being answered; {@link InFlight#drain} before stopping the app
     * @return the configured, not yet started, app
     */
    public static Javalin create(
            Orchestrator smo,
            Optional<Infrastructure> infrastructure,
            Optional<Provisioning> provisioning,
            HttpSettings settings,
            InFlight inFlight) {
        ObjectMapper json = new ObjectMapper(
                        JsonFactory.builder().streamReadConstraints(JSON_LIMITS).build())
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        GraphHandlers graphs = new GraphHandlers(smo, json, provisioning);
        ProfileHandlers profiles = new ProfileHandlers(smo);
        OperationHandlers ops = new OperationHandlers(smo, json, provisioning);
        HealthHandlers health = new HealthHandlers(smo);
        NfvclHandlers nfvcl = new NfvclHandlers(infrastructure, json);
        HttpMetrics metrics = new HttpMetrics(smo);
        Console console = new Console();
        Auth auth = new Auth(settings);
        ResponseFilters filters = new ResponseFilters(json, auth, settings);
        RequestGuard guard = new RequestGuard(settings, inFlight);
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true; // a known path with a wrong method: 405 with Allow
            config.jsonMapper(new JavalinJackson(json, false));
            config.jetty.modifyServletContextHandler(handler -> {
                handler.addFilter(new FilterHolder(guard), "/*", EnumSet.of(DispatcherType.REQUEST));
                handler.setErrorHandler(new ProblemErrorHandler());
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
            config.jetty.modifyHttpConfiguration(
                    http -> http.setIdleTimeout(settings.readTimeout().toMillis()));
            config.registerPlugin(new OpenApiPlugin(openapi -> openapi.withDocumentationPath("/openapi.json")
                    .withDefinitionConfiguration((version, definition) -> definition
                            .withInfo(info -> {
                                info.setTitle("SMO API");
                                info.setVersion("1");
                                info.setDescription("Synergetic Meta-Orchestrator: places and runs Hyper-Distributed "
                                        + "Application Graphs on Karmada member clusters.");
                            })
                            .withDefinitionProcessor(CommonResponses::add))));
            config.registerPlugin(new SwaggerPlugin(swagger -> {
                swagger.setUiPath("/docs");
                swagger.setDocumentationPath("/openapi.json");
                swagger.setTitle("SMO API");
            }));
            config.router.apiBuilder(() -> {
                get("/project/{project}/graphs", graphs::list);
                post("/project/{project}/graphs", graphs::deploy);
                get("/graphs/{name}", graphs::get);
                delete("/graphs/{name}", graphs::remove);
                for (String verb : new String[] {"placement", "start", "stop"}) {
                    io.javalin.http.Handler h = switch (verb) {
                        case "placement" -> graphs::replace;
                        case "start" -> graphs::start;
                        default -> graphs::stop;
                    };
                    post("/graphs/{name}/" + verb, h);
                    if (settings.getAliases()) {
                        get("/graphs/{name}/" + verb, h);
                    }
                }
                get("/graphs/{name}/events", graphs::events);
                get("/graphs/{name}/provisions", graphs::provisions);
                post(ProfileHandlers.PATH, profiles::learn);
                get(ProfileHandlers.PATH, profiles::current);
                post("/alerts", ops::alerts);
                get("/clusters", ops::clusters);
                post("/plan", ops::plan);
                get("/health", health::health);
                get("/health/live", health::live);
                get("/health/ready", health::ready);
                get("/metrics", metrics::scrape);
                get("/", console::root);
                get(Console.PATH, console::serve);
                get(Console.PATH + "/<path>", console::serve);
                get(NfvclHandlers.VIM_SYNC, nfvcl::syncVims);
                get("/vims/smo_vims", nfvcl::listVims);
                post("/vims/smo_vims", nfvcl::registerVim);
                get("/vims/smo_vims/{id}", nfvcl::getVim);
                delete("/vims/smo_vims/{id}", nfvcl::deleteVim);
                get("/os_k8s/clusters", nfvcl::listClusters);
                post("/os_k8s/clusters", nfvcl::createCluster);
                get("/os_k8s/cluster/{smo_id}", nfvcl::getCluster);
                delete("/os_k8s/cluster/{smo_id}", nfvcl::deleteCluster);
                post("/os_k8s/scale-out/{smo_id}", nfvcl::scaleOut);
                post("/os_k8s/sync/nfvcl_k8s", nfvcl::syncClusters);
            });
        });
        app.before(metrics::before);
        app.beforeMatched(auth::check);
        app.beforeMatched("/plan", filters::beforePlan);
        app.beforeMatched("/alerts", filters::beforeAlerts);
        app.after("/plan", filters::afterPlan);
        app.after(filters::hideSecrets);
        app.after(metrics::after);
        Problems.install(app);
        return app;
    }
}
