package dev.smo.server.http;

import dev.smo.core.Orchestrator;
import dev.smo.core.ProfileReport;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Service profiles: learn one from the metrics, read the current one. */
public final class ProfileHandlers {

    /** The route of a service's profile. */
    public static final String PATH = "/graphs/{name}/services/{service}/profile";

    private static final String PROBLEM = GraphHandlers.PROBLEM;
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(s|m|h|d)");

    private final Orchestrator smo;

    /** @param smo the orchestrator */
    public ProfileHandlers(Orchestrator smo) {
        this.smo = smo;
    }

    @OpenApi(
            path = PATH,
            methods = HttpMethod.POST,
            tags = "profiles",
            summary = "Learn the service's capacity model rate = alpha·replicas + beta from Prometheus history",
            description = "Reads the service's replica count and request rate over the window (range queries), drops"
                    + " samples where it was not saturated and outliers, fits a line, and stores it as the service's"
                    + " next profile version. 422 with the reason when the data do not support a profile.",
            pathParams = {
                @OpenApiParam(name = "name", required = true),
                @OpenApiParam(name = "service", required = true)
            },
            queryParams =
                    @OpenApiParam(
                            name = "since",
                            description = "window to learn from: a number and s, m, h or d (1m to 31d, default 6h)"),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = Views.ProfileReportView.class)),
                @OpenApiResponse(status = "400", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "401", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "404", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "422", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void learn(Context ctx) {
        Duration window = since(ctx.queryParam("since"));
        ProfileReport report = smo.learnProfile(ctx.pathParam("name"), ctx.pathParam("service"), window);
        ctx.status(201).json(Views.profileReport(report));
    }

    @OpenApi(
            path = PATH,
            methods = HttpMethod.GET,
            tags = "profiles",
            summary = "The service's current profile",
            pathParams = {
                @OpenApiParam(name = "name", required = true),
                @OpenApiParam(name = "service", required = true)
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Views.ProfileView.class)),
                @OpenApiResponse(
                        status = "404",
                        description = "No such graph or service, or no profile learned yet",
                        content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM)),
                @OpenApiResponse(status = "502", content = @OpenApiContent(from = Problem.class, mimeType = PROBLEM))
            })
    public void current(Context ctx) {
        String name = ctx.pathParam("name");
        String service = ctx.pathParam("service");
        ctx.json(Views.profile(smo.profile(name, service).orElseThrow(() -> new NoProfile(name, service))));
    }

    /** @return the window a {@code since} parameter names */
    static Duration since(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ofHours(6);
        }
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new Problems.BadRequest(
                    "/since", "since (" + text + ") is not a duration.\nMaybe write 30m, 6h or 2d.");
        }
        long n = Long.parseLong(m.group(1));
        Duration window = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (window.compareTo(Duration.ofMinutes(1)) < 0 || window.compareTo(Duration.ofDays(31)) > 0) {
            throw new Problems.BadRequest("/since", "since (" + text + ") must be between 1m and 31d.");
        }
        return window;
    }

    /** The service exists but has no profile: answered 404. */
    static final class NoProfile extends dev.smo.core.GraphNotFoundException {
        private static final long serialVersionUID = 1L;

        private final String service;

        NoProfile(String graph, String service) {
            super(graph);
            this.service = service;
        }

        @Override
        public String getMessage() {
            return "Service (" + service + ") of graph (" + graph() + ") has no profile yet.\nMaybe learn one: POST "
                    + "/graphs/" + graph() + "/services/" + service + "/profile?since=6h.";
        }
    }
}
