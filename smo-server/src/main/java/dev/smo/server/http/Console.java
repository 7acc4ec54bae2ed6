package dev.smo.server.http;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The web console: the single-page app built from {@code smo-console/} and packed on the class path under
 * {@code META-INF/smo-console/}, served at {@code /ui}. Files are public (they hold no data: every view reads the
 * API with the user's token); a path that names no file is a page of the app, answered with its
 * {@code index.html}. Every answer carries a Content-Security-Policy that admits only the server's own scripts,
 * styles and API, and refuses framing.
 */
public final class Console {

    /** Where the console is served. */
    public static final String PATH = "/ui";

    static final String CSP =
            "default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'; " + "frame-ancestors 'none'";
    private static final String ROOT = "/META-INF/smo-console/";
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._/-]*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "txt", "text/plain; charset=utf-8");

    /** @param ctx {@code GET /}: a browser (one that accepts HTML) is sent to the console, others get 404 */
    public void root(Context ctx) {
        String accept = ctx.header(Header.ACCEPT);
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/html")) {
            throw new io.javalin.http.NotFoundResponse("Not found");
        }
        ctx.header(Header.CACHE_CONTROL, "no-store");
        ctx.redirect(PATH + "/");
    }

    /** @param ctx {@code GET /ui} or {@code GET /ui/<path>}: a file of the console, or its index page */
    public void serve(Context ctx) {
        String path = ctx.path().substring(PATH.length());
        path = path.startsWith("/") ? path.substring(1) : path;
        secure(ctx);
        Optional<byte[]> file = isFile(path) ? read(path) : Optional.empty();
        if (file.isPresent()) {
            ctx.header(
                    Header.CACHE_CONTROL,
                    path.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
            ctx.contentType(type(path)).result(file.get());
            return;
        }
        if (path.startsWith("assets/")) { // a missing script or style is not a page
            ctx.status(404).contentType(TYPES.get("txt")).result("Not found");
            return;
        }
        Optional<byte[]> index = read("index.html");
        ctx.header(Header.CACHE_CONTROL, "no-cache");
        if (index.isEmpty()) {
            Problems.send(
                    ctx,
                    404,
                    "console-not-built",
                    "Console not built",
                    "The console was not built into this server. Install Node 20 and npm, then build smo-server"
                            + " again.",
                    List.of());
            return;
        }
        ctx.contentType(TYPES.get("html")).result(index.get());
    }

    private static void secure(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
    }

    private static boolean isFile(String path) {
        return FILE.matcher(path).matches()
                && !path.contains("..")
                && !path.contains("//")
                && path.substring(path.lastIndexOf('/') + 1).contains("."); // a file, never a directory
    }

    private static String type(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static Optional<byte[]> read(String path) {
        try (InputStream in = Console.class.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Console file (" + path + ") cannot be read.", e);
        }
    }
}
