package dev.smo.server.http;

import dev.smo.core.NfvclClusterChangedException;
import dev.smo.core.NfvclClusterNotFoundException;
import dev.smo.core.NfvclException;
import dev.smo.core.VimAlreadyExistsException;
import dev.smo.core.VimNotFoundException;
import dev.smo.model.Violation;
import io.javalin.Javalin;
import java.lang.System.Logger.Level;
import java.util.List;

/** The problem answers of the VIM and NFVCL cluster routes. */
final class NfvclProblems {

    private static final System.Logger LOG = System.getLogger(NfvclProblems.class.getName());

    private NfvclProblems() {}

    static void install(Javalin app) {
        app.exception(
                Problems.InvalidBody.class,
                (e, ctx) -> Problems.send(ctx, 400, "bad-request", "Bad request", e.getMessage(), e.violations));
        app.exception(
                Problems.NotConfigured.class,
                (e, ctx) -> Problems.send(ctx, 503, "not-configured", "Not configured", e.getMessage(), List.of()));
        app.exception(
                VimNotFoundException.class,
                (e, ctx) -> Problems.send(
                        ctx,
                        404,
                        "vim-not-found",
                        "VIM not found",
                        e.getMessage(),
                        List.of(Violation.of(ctx.path().startsWith("/os_k8s") ? "/vim_name" : "/id", e.getMessage()))));
        app.exception(
                VimAlreadyExistsException.class,
                (e, ctx) -> Problems.send(
                        ctx,
                        409,
                        "vim-exists",
                        "VIM already exists",
                        e.getMessage(),
                        List.of(Violation.of("/vim_name", e.getMessage()))));
        app.exception(
                NfvclClusterNotFoundException.class,
                (e, ctx) -> Problems.send(
                        ctx,
                        404,
                        "cluster-not-found",
                        "Cluster not found",
                        e.getMessage(),
                        List.of(Violation.of("/smo_id", e.getMessage()))));
        app.exception(
                NfvclClusterChangedException.class,
                (e, ctx) -> Problems.send(
                        ctx,
                        409,
                        "concurrent-update",
                        "Cluster changed concurrently",
                        e.getMessage(),
                        List.of(Violation.of("/smo_id", e.getMessage()))));
        app.exception(NfvclException.class, (e, ctx) -> {
            LOG.log(Level.WARNING, "NFVCL failure on " + ctx.path() + ": " + e.getMessage());
            boolean unanswered = e.status() == 0;
            Problems.send(
                    ctx,
                    unanswered ? 504 : 502,
                    unanswered ? "nfvcl-unreachable" : "nfvcl-failure",
                    unanswered ? "The NFVCL did not answer" : "The NFVCL refused or failed",
                    e.getMessage(),
                    List.of());
        });
    }
}
