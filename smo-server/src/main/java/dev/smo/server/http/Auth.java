package dev.smo.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Requires {@code Authorization: Bearer <token>} on every route that changes something (including the original's
 * GET aliases of placement, start and stop) when a token is configured.
 */
public final class Auth {

    private final Optional<byte[]> token;

    /** @param token the token, or empty to allow everything */
    public Auth(Optional<String> token) {
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** @param ctx the request, refused with 401 when it mutates without the token */
    public void check(Context ctx) {
        if (token.isEmpty() || !mutates(ctx)) {
            return;
        }
        String header = ctx.header("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).trim()
                : "";
        if (!MessageDigest.isEqual(token.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new Problems.Unauthorized(
                    header == null
                            ? "This route changes state and needs Authorization: Bearer <SMO_API_TOKEN>."
                            : "The bearer token is not the configured SMO_API_TOKEN.");
        }
    }

    private static boolean mutates(Context ctx) {
        HandlerType method = ctx.method();
        if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
            String path = ctx.path();
            return path.matches("/graphs/[^/]+/(placement|start|stop)/?");
        }
        return !ctx.path().equals("/plan");
    }
}
