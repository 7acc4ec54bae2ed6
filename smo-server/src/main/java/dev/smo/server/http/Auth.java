package dev.smo.server.http;

import dev.smo.server.HttpSettings;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may do what. With a write token ({@code SMO_API_TOKEN}) every mutating route (including the original's GET
 * aliases, when served) needs it; reads need the write token or the read token ({@code SMO_READ_TOKEN}) unless
 * reads are anonymous ({@code SMO_ANONYMOUS_READS}). Health, metrics and the API documentation are always open.
 * Without any token everything is open, which the server allows on loopback only.
 */
public final class Auth {

    /** The caller's access, as a request attribute. */
    public enum Access {
        /** no token presented (or none configured) */
        ANONYMOUS,
        /** the read token */
        READ,
        /** the write token */
        WRITE
    }

    static final String ATTRIBUTE = "smo.access";
    private static final Pattern GET_ALIAS = Pattern.compile("/graphs/[^/]+/(placement|start|stop)/?");
    private static final Set<String> OPEN = Set.of("/health", "/health/live", "/health/ready", "/metrics");

    private final Optional<byte[]> write;
    private final Optional<byte[]> read;
    private final boolean anonymousReads;
    private final boolean getAliases;

    /** @param settings the tokens and whether reads are anonymous */
    public Auth(HttpSettings settings) {
        this.write = settings.apiToken().map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.read = settings.readToken().map(t -> t.getBytes(StandardCharsets.UTF_8));
        this.anonymousReads = settings.anonymousReads() || !settings.tokenRequired();
        this.getAliases = settings.getAliases();
    }

    /** @param ctx the request, refused with 401 or 403 when its token does not allow it */
    public void check(Context ctx) {
        Access access = access(ctx);
        ctx.attribute(ATTRIBUTE, access);
        String path = ctx.path();
        if (OPEN.contains(path)
                || isConsole(path)
                || path.startsWith("/docs")
                || path.startsWith("/openapi")
                || path.startsWith("/webjars")) {
            return;
        }
        boolean mutates = mutates(ctx);
        if (mutates && write.isPresent() && access != Access.WRITE) {
            throw new Problems.Unauthorized(
                    access == Access.READ
                            ? "The read token cannot change anything; this route needs SMO_API_TOKEN."
                            : ctx.header("Authorization") == null
                                    ? "This route changes state and needs Authorization: Bearer <SMO_API_TOKEN>."
                                    : "The bearer token is not the configured SMO_API_TOKEN.");
        }
        if (!mutates && !anonymousReads && access == Access.ANONYMOUS) {
            throw new Problems.Unauthorized(
                    ctx.header("Authorization") == null
                            ? "Reads need Authorization: Bearer <SMO_READ_TOKEN or SMO_API_TOKEN>."
                            : "The bearer token is neither SMO_READ_TOKEN nor SMO_API_TOKEN.");
        }
    }

    /**
     * @param ctx a request that passed {@link #check}
     * @return whether the caller presented the write token, or no write token is configured
     */
    public boolean mayWrite(Context ctx) {
        return write.isEmpty() || ctx.attribute(ATTRIBUTE) == Access.WRITE;
    }

    /**
     * @param ctx a request that passed {@link #check}
     * @return whether the caller presented a token that was checked
     */
    static boolean authenticated(Context ctx) {
        return ctx.attribute(ATTRIBUTE) != Access.ANONYMOUS && ctx.attribute(ATTRIBUTE) != null;
    }

    /** The console's files hold no data (its views read the API with a token), and {@code /} only redirects. */
    private static boolean isConsole(String path) {
        return path.equals("/") || path.equals(Console.PATH) || path.startsWith(Console.PATH + "/");
    }

    private Access access(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Access.ANONYMOUS;
        }
        byte[] presented = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (write.isPresent() && MessageDigest.isEqual(write.get(), presented)) {
            return Access.WRITE;
        }
        if (read.isPresent() && MessageDigest.isEqual(read.get(), presented)) {
            return Access.READ;
        }
        return Access.ANONYMOUS;
    }

    private boolean mutates(Context ctx) {
        HandlerType method = ctx.method();
        if (method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS) {
            // The original's VIM sync is a GET that writes: SMO's store and, for VIMs it lost, the NFVCL.
            return (getAliases && isGetAlias(method.name(), ctx.path()))
                    || (method == HandlerType.GET && ctx.path().equals(NfvclHandlers.VIM_SYNC));
        }
        return !ctx.path().equals("/plan");
    }

    /**
     * @param method the HTTP method
     * @param path the request path
     * @return whether this is one of the original's GET aliases of placement, start or stop
     */
    static boolean isGetAlias(String method, String path) {
        return "GET".equals(method.toUpperCase(Locale.ROOT))
                && GET_ALIAS.matcher(path).matches();
    }
}
