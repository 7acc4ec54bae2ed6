package dev.smo.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.model.Violation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Talks to a running SMO server: sends one request, returns the body of a 2xx answer, and turns anything else
 * into a {@link RequestFailedException} that says what to print and which exit code to use.
 */
final class ServerClient {

    static final String DEFAULT_URL = "http://127.0.0.1:8000";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final Optional<String> token;
    private final HttpClient http;

    ServerClient(URI base, Optional<String> token) {
        this.base = base;
        this.token = token.filter(t -> !t.isBlank());
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * @param url the server's base URL, such as {@code http://127.0.0.1:8000}
     * @return the URL without trailing slashes
     * @throws IllegalArgumentException when it is not an http(s) URL with a host
     */
    static URI baseUrl(String url) {
        try {
            URI uri = new URI(url.strip().replaceAll("/+$", ""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(
                        "The server URL (" + url + ") is not an http(s) URL.\n" + "Maybe write http://127.0.0.1:8000.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The server URL (" + url + ") is not a URL: " + e.getReason() + ".");
        }
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    URI base() {
        return base;
    }

    String get(String path) {
        return send(request(path).GET());
    }

    /**
     * @param path a resource path
     * @return its body, or empty when the server answers 404
     */
    Optional<String> find(String path) {
        try {
            return Optional.of(get(path));
        } catch (RequestFailedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    String post(String path, String contentType, String body) {
        return send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    String post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    String delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        return request;
    }

    private String send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(e instanceof ConnectException ? "connection refused" : "connection timed out");
        } catch (HttpTimeoutException e) {
            throw new RequestFailedException(
                    ExitCodes.FAILURE,
                    List.of("The SMO server at " + base
                            + " did not answer " + request.method() + " "
                            + request.uri().getPath() + " within "
                            + REQUEST_TIMEOUT.toMinutes() + " minutes."));
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException(ExitCodes.FAILURE, List.of("Interrupted while waiting for " + base + "."));
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        throw new RequestFailedException(
                status / 100 == 4 ? ExitCodes.INVALID : ExitCodes.FAILURE,
                problem(status, request, response.body()),
                status);
    }

    private RequestFailedException unreachable(String why) {
        return new RequestFailedException(
                ExitCodes.FAILURE,
                List.of(
                        "Cannot reach the SMO server at " + base + " (" + why + ").",
                        "Maybe start one with `smo serve`, or point --server or SMO_URL at a " + "running server."));
    }

    /** The lines to print for an error answer: the problem's detail and each error, or the raw body. */
    private static List<String> problem(int status, HttpRequest request, String body) {
        List<String> lines = new ArrayList<>();
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.isObject() && (problem.has("detail") || problem.has("title"))) {
                lines.add(problem.path("detail").asText(problem.path("title").asText()));
                for (JsonNode error : problem.path("errors")) {
                    lines.add(new Violation(
                                    error.path("path").asText(""),
                                    Math.max(0, error.path("line").asInt()),
                                    Math.max(0, error.path("column").asInt()),
                                    error.path("message").asText())
                            .format());
                }
                return lines;
            }
        } catch (IOException e) {
            // not JSON: print it as it is
        }
        lines.add("The SMO server answered " + request.method() + " "
                + request.uri().getPath() + " with HTTP " + status
                + (body == null || body.isBlank() ? "." : ": " + body.strip()));
        return lines;
    }
}
