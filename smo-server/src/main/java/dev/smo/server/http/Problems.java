package dev.smo.server.http;

import dev.smo.common.SmoException;
import dev.smo.core.ArtifactException;
import dev.smo.core.ConcurrentUpdateException;
import dev.smo.core.GraphAlreadyExistsException;
import dev.smo.core.GraphNotFoundException;
import dev.smo.core.IllegalTransitionException;
import dev.smo.core.PlacementFailedException;
import dev.smo.core.ProfileRefusedException;
import dev.smo.core.ServiceNotFoundException;
import dev.smo.core.SmoIntegrationException;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.Violation;
import dev.smo.optimizer.milp.Termination;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.lang.System.Logger.Level;
import java.util.List;

/** Maps every failure to a problem+json answer: 4xx for the client's mistakes, 502 for failing upstreams. */
public final class Problems {

    private static final System.Logger LOG = System.getLogger(Problems.class.getName());
    private static final String BASE = "https://smo.dev/problems/";

    private Problems() {}

    /** Thrown by handlers for a malformed request; answered with 400 and the field path. */
    public static final class BadRequest extends SmoException {
        private static final long serialVersionUID = 1L;
        final String path;

        /**
         * @param path JSON pointer (or parameter name) of the bad part
         * @param message what is wrong with it
         */
        public BadRequest(String path, String message) {
            super(message);
            this.path = path;
        }
    }

    /** Thrown when a mutating request lacks the configured bearer token; answered with 401. */
    public static final class Unauthorized extends SmoException {
        private static final long serialVersionUID = 1L;

        /** @param message why the request is refused */
        public Unauthorized(String message) {
            super(message);
        }
    }

    /** Thrown when a limit on concurrent work is reached; answered with 429 and {@code Retry-After}. */
    public static final class TooManyRequests extends SmoException {
        private static final long serialVersionUID = 1L;

        /** @param message which limit and what to do */
        public TooManyRequests(String message) {
            super(message);
        }
    }

    /** Thrown when a request holds more than a limit allows; answered with 413. */
    public static final class PayloadTooLarge extends SmoException {
        private static final long serialVersionUID = 1L;
        final String path;

        /**
         * @param path JSON pointer of the part that is too large
         * @param message the limit and the size
         */
        public PayloadTooLarge(String path, String message) {
            super(message);
            this.path = path;
        }
    }

    /** Thrown when a body has several faults; answered with 400 and every violation with its path. */
    public static final class InvalidBody extends SmoException {
        private static final long serialVersionUID = 1L;
        final transient List<Violation> violations;

        /** @param violations each fault with its JSON pointer */
        public InvalidBody(List<Violation> violations) {
            super(violations.size() + " problem(s) in the request body; see errors.");
            this.violations = List.copyOf(violations);
        }
    }

    /** Thrown when a route needs a system SMO was not configured with; answered with 503. */
    public static final class NotConfigured extends SmoException {
        private static final long serialVersionUID = 1L;

        /** @param message what is missing and which setting provides it */
        public NotConfigured(String message) {
            super(message);
        }
    }

    /** @param app the app whose exceptions and error statuses are mapped */
    public static void install(Javalin app) {
        NfvclProblems.install(app);
        app.exception(
                BadRequest.class,
                (e, ctx) -> send(
                        ctx,
                        400,
                        "bad-request",
                        "Bad request",
                        e.getMessage(),
                        List.of(Violation.of(e.path, e.getMessage()))));
        app.exception(Unauthorized.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", "Bearer realm=\"smo\"");
            send(
                    ctx,
                    401,
                    "unauthorized",
                    "Unauthorized",
                    e.getMessage(),
                    List.of(Violation.of("/headers/Authorization", e.getMessage())));
        });
        app.exception(
                InvalidDescriptorException.class,
                (e, ctx) -> send(
                        ctx,
                        422,
                        "invalid-descriptor",
                        "Invalid descriptor",
                        e.violations().size() + " problem(s) in the request; see errors.",
                        e.violations()));
        app.exception(
                ServiceNotFoundException.class,
                (e, ctx) -> send(
                        ctx,
                        404,
                        "service-not-found",
                        "Service not found",
                        e.getMessage(),
                        List.of(Violation.of("/service", e.getMessage()))));
        app.exception(
                ProfileRefusedException.class,
                (e, ctx) -> send(
                        ctx,
                        422,
                        "profile-refused",
                        "No profile: " + e.reason(),
                        e.getMessage(),
                        List.of(Violation.of("/since", e.getMessage()))));
        app.exception(
                GraphNotFoundException.class,
                (e, ctx) -> send(
                        ctx,
                        404,
                        "graph-not-found",
                        "Graph not found",
                        e.getMessage(),
                        List.of(Violation.of("/name", e.getMessage()))));
        app.exception(
                GraphAlreadyExistsException.class,
                (e, ctx) -> send(
                        ctx,
                        409,
                        "graph-exists",
                        "Graph already exists",
                        e.getMessage(),
                        List.of(Violation.of("/hdaGraph/id", e.getMessage()))));
        app.exception(
                ConcurrentUpdateException.class,
                (e, ctx) -> send(
                        ctx,
                        409,
                        "concurrent-update",
                        "Graph changed concurrently",
                        e.getMessage(),
                        List.of(Violation.of("/name", e.getMessage()))));
        app.exception(
                IllegalTransitionException.class,
                (e, ctx) -> send(
                        ctx,
                        409,
                        "illegal-transition",
                        "Not possible in the graph's state",
                        e.getMessage(),
                        List.of(Violation.of("/status", e.getMessage()))));
        app.exception(
                PlacementFailedException.class,
                (e, ctx) -> send(
                        ctx,
                        422,
                        e.result().status() == Termination.INFEASIBLE ? "placement-infeasible" : "placement-not-proven",
                        e.result().status() == Termination.INFEASIBLE
                                ? "No placement fits"
                                : "No placement found within the time limit; none is proven impossible",
                        e.getMessage(),
                        List.of(Violation.of(
                                "/hdaGraph/services",
                                e.result().explanation().map(Object::toString).orElse(e.getMessage())))));
        app.exception(
                ArtifactException.class,
                (e, ctx) -> send(
                        ctx,
                        422,
                        "artifact-unavailable",
                        "Artifact unavailable",
                        e.getMessage(),
                        List.of(Violation.of("/artifact", e.getMessage()))));
        app.exception(
                TooManyRequests.class,
                (e, ctx) -> send(ctx, 429, "too-many-requests", "Too many requests", e.getMessage(), List.of()));
        app.exception(
                PayloadTooLarge.class,
                (e, ctx) -> send(
                        ctx,
                        413,
                        "too-large",
                        "Request too large",
                        e.getMessage(),
                        List.of(Violation.of(e.path, e.getMessage()))));
        app.exception(SmoIntegrationException.class, (e, ctx) -> {
            if (StoreOutage.isOutage(e)) {
                StoreOutage.send(ctx, e);
                return;
            }
            LOG.log(Level.WARNING, "Upstream failure on " + ctx.path() + ": " + e.getMessage());
            send(ctx, 502, "upstream-failure", "A system SMO drives failed", e.getMessage(), List.of());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> {
            if (e.getStatus() == 405) {
                String allowed = String.join(", ", e.getDetails().values())
                        .replace(" ", "")
                        .replace(",", ", ");
                ctx.header("Allow", allowed);
                send(
                        ctx,
                        405,
                        "method-not-allowed",
                        "Method not allowed",
                        ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + allowed + ".",
                        List.of(Violation.of("/method", "Allowed: " + allowed + ".")));
                return;
            }
            send(ctx, e.getStatus(), "http-" + e.getStatus(), e.getMessage(), e.getMessage(), List.of());
        });
        app.exception(Exception.class, (e, ctx) -> {
            if (StoreOutage.isOutage(e)) {
                StoreOutage.send(ctx, e);
                return;
            }
            LOG.log(Level.ERROR, "Unexpected failure on " + ctx.method() + " " + ctx.path(), e);
            send(
                    ctx,
                    500,
                    "internal-error",
                    "Internal error",
                    "SMO failed unexpectedly: " + e.getClass().getSimpleName()
                            + ". This is a bug; the server log has the details.",
                    List.of());
        });
        app.error(404, ctx -> {
            if (!isProblem(ctx)) {
                send(
                        ctx,
                        404,
                        "not-found",
                        "Not found",
                        "No route " + ctx.method() + " " + ctx.path() + ".",
                        List.of(Violation.of("/path", "No route " + ctx.path() + ".")));
            }
        });
        app.error(405, ctx -> {
            if (!isProblem(ctx)) {
                send(
                        ctx,
                        405,
                        "method-not-allowed",
                        "Method not allowed",
                        ctx.method() + " is not allowed on " + ctx.path() + ".",
                        List.of());
            }
        });
        app.error(415, ctx -> {
            if (!isProblem(ctx)) {
                send(
                        ctx,
                        415,
                        "unsupported-media-type",
                        "Unsupported media type",
                        "Send the descriptor as application/yaml or application/json.",
                        List.of(Violation.of("/headers/Content-Type", "Not a descriptor media type.")));
            }
        });
        app.error(413, ctx -> {
            if (!isProblem(ctx)) {
                send(
                        ctx,
                        413,
                        "too-large",
                        "Request too large",
                        "The request body exceeds the limit.",
                        List.of(Violation.of("", "The request body exceeds the limit.")));
            }
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/problem+json");
    }

    static void send(Context ctx, int status, String type, String title, String detail, List<Violation> errors) {
        ctx.status(status);
        ctx.json(new Problem(BASE + type, title, status, detail, ctx.path(), errors));
        ctx.contentType("application/problem+json");
    }
}
