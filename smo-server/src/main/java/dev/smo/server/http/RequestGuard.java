package dev.smo.server.http;

import dev.smo.server.HttpSettings;
import dev.smo.server.InFlight;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Checks every request before Javalin sees it, so no handler can forget: the {@code Host} must be one the server
 * answers to (DNS rebinding); a mutating request must not come from another site ({@code Sec-Fetch-Site},
 * {@code Origin}); a body must be a descriptor media type with a known charset, arrive within the read timeout,
 * stay within the size limit however it is framed (counted as it arrives, chunked included), and decode without
 * error. Each refusal is a problem answer; the body handed on is served from memory.
 */
public final class RequestGuard implements Filter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE = Set.of("same-origin", "none");

    private final HttpSettings settings;
    private final InFlight inFlight;

    /**
     * @param settings the allowed hosts and origins, the body limit, the read timeout
     * @param inFlight counts the requests being answered, for a graceful stop
     */
    public RequestGuard(HttpSettings settings, InFlight inFlight) {
        this.settings = settings;
        this.inFlight = inFlight;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!inFlight.enter()) {
            response.setHeader("Retry-After", "5");
            response.setHeader("Connection", "close");
            RawProblems.write(
                    request, response, 503, "shutting-down", "Shutting down", "", "SMO is stopping; retry shortly.");
            return;
        }
        try {
            guard(request, response, chain);
        } finally {
            inFlight.exit();
        }
    }

    private void guard(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String host = hostName(request.getHeader("Host"));
        if (!settings.allowedHosts().contains("*") && !settings.allowedHosts().contains(host)) {
            response.setHeader("Connection", "close");
            RawProblems.write(
                    request,
                    response,
                    421,
                    "host-not-allowed",
                    "Host not allowed",
                    "/headers/Host",
                    "This server does not answer to the host name (" + host + ").\nMaybe add it to SMO_ALLOWED_HOSTS.");
            return;
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        boolean mutating = !SAFE.contains(method) || Auth.isGetAlias(method, request.getRequestURI());
        if (mutating) {
            Optional<String> crossSite = crossSite(request);
            if (crossSite.isPresent()) {
                RawProblems.write(
                        request,
                        response,
                        403,
                        "cross-site",
                        "Cross-site request refused",
                        crossSite.get(),
                        crossSiteDetail());
                return;
            }
        }
        if (SAFE.contains(method) || "TRACE".equals(method)) {
            chain.doFilter(request, response);
            return;
        }
        readBody(request, response, chain);
    }

    private void readBody(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Content-Type");
        MediaType media = header == null || header.isBlank() ? null : MediaType.parse(header);
        if (media != null && !media.acceptable()) {
            unsupported(request, response, "The body's media type (" + media.type() + ") is not accepted.");
            return;
        }
        Charset charset = media == null
                ? java.nio.charset.StandardCharsets.UTF_8
                : media.charset().orElse(null);
        if (charset == null) {
            unsupported(
                    request,
                    response,
                    "The body's charset (" + media.charsetName().orElse("") + ") is not one of UTF-8, US-ASCII, "
                            + "ISO-8859-1.");
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > settings.maxBodyBytes()) {
            tooLarge(request, response);
            return;
        }
        byte[] body;
        try {
            body = read(request.getInputStream());
        } catch (BodyTooLargeException e) {
            tooLarge(request, response);
            return;
        } catch (BodyTimeoutException e) {
            timedOut(request, response);
            return;
        } catch (IOException e) {
            if (isTimeout(e)) {
                timedOut(request, response);
                return;
            }
            response.setHeader("Connection", "close");
            RawProblems.write(
                    request, response, 400, "body-incomplete", "Body incomplete", "", "The request body ended early.");
            return;
        }
        if (body.length > 0 && media == null) {
            unsupported(request, response, "The body has no Content-Type.");
            return;
        }
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            RawProblems.write(
                    request,
                    response,
                    400,
                    "bad-encoding",
                    "Body not decodable",
                    "",
                    "The body is not valid " + charset.name() + " text.\nMaybe save the descriptor as UTF-8.");
            return;
        }
        String contentType = media == null ? null : media.type() + "; charset=" + charset.name();
        chain.doFilter(new BufferedRequest(request, body, charset, contentType), response);
    }

    /** Reads at most the limit, within the read timeout from the first byte asked for to the last. */
    private byte[] read(InputStream in) throws IOException {
        long deadline = System.nanoTime() + settings.readTimeout().toNanos();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > settings.maxBodyBytes()) {
                throw new BodyTooLargeException();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BodyTimeoutException();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** @return the header that makes the request cross-site, if one does */
    private Optional<String> crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !SAME_SITE.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("/headers/Sec-Fetch-Site");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        if (settings.allowedOrigins().contains(normalised)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(normalised);
            String host = request.getHeader("Host");
            if (uri.getHost() != null
                    && host != null
                    && uri.getRawAuthority().equals(host.strip().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
        } catch (java.net.URISyntaxException e) {
            // "null" and garbage: not the server's own origin
        }
        return Optional.of("/headers/Origin");
    }

    private static String crossSiteDetail() {
        return "A request that changes state must come from the server's own origin, not from another site."
                + "\nMaybe call the API from a script or the smo CLI, or add the origin to SMO_ALLOWED_ORIGINS.";
    }

    private static String hostName(String header) {
        if (header == null) {
            return "";
        }
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static void unsupported(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        String full = detail + "\nMaybe send the descriptor with Content-Type: application/yaml or application/json"
                + " (charset UTF-8).";
        RawProblems.write(
                request,
                response,
                415,
                "unsupported-media-type",
                "Unsupported media type",
                "/headers/Content-Type",
                full);
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        RawProblems.write(
                request,
                response,
                413,
                "too-large",
                "Request too large",
                "",
                "The request body exceeds the limit of " + settings.maxBodyBytes() + " bytes (SMO_MAX_BODY_BYTES).");
    }

    private void timedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        RawProblems.write(
                request,
                response,
                408,
                "request-timeout",
                "Request timeout",
                "",
                "The request body did not arrive within "
                        + settings.readTimeout().toMillis() + " ms.");
    }

    private static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static final class BodyTimeoutException extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
