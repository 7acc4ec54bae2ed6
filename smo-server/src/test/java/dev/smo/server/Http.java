package dev.smo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the API tests: real requests over loopback. */
final class Http {

    record Response(int status, String contentType, String body, JsonNode json, java.net.http.HttpHeaders headers) {

        /** @return the first value of a header, or empty */
        java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private static final java.util.Set<String> TRANSITIONAL =
            java.util.Set.of("Deploying", "Replacing", "Stopping", "Starting", "Removing");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private String token;
    private String prefer;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    private Http(String base, String token, String prefer) {
        this.base = base;
        this.token = token;
        this.prefer = prefer;
    }

    /** @return a client that sends {@code Prefer: wait=30}: final answers to lifecycle commands */
    Http waiting() {
        return new Http(base, token, "wait=30");
    }

    /**
     * Polls a graph the way the original SDK does after a 202, until it leaves its transitional state or is gone.
     *
     * @return the last answer: 200 with the settled graph, or 404 once removed
     */
    Response awaitSettled(String graph) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Response r = get("/graphs/" + graph);
            if (r.status() != 200
                    || !TRANSITIONAL.contains(r.json().path("status").asText())) {
                return r;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Graph " + graph + " still " + r.json().path("status").asText());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Http token(String bearer) {
        this.token = bearer;
        return this;
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Response send(String method, String path) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    Response post(String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    private Response send(HttpRequest.Builder b) {
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        try {
            HttpResponse<String> r =
                    client.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.contains("json") && !r.body().isEmpty()) {
                json = JSON.readTree(r.body());
            }
            HttpRequest sent = r.request();
            OpenApiContract.check(
                    base,
                    sent.method(),
                    sent.uri().getRawPath()
                            + (sent.uri().getRawQuery() == null
                                    ? ""
                                    : "?" + sent.uri().getRawQuery()),
                    r.statusCode(),
                    type,
                    r.body());
            return new Response(r.statusCode(), type, r.body(), json, r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
