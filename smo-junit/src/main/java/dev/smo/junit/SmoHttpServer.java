package dev.smo.junit;

import dev.smo.core.Orchestrator;
import dev.smo.server.HttpSettings;
import dev.smo.server.SmoServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/**
 * The real REST server of an orchestrator on a free loopback port, with an HTTP client. Needs {@code smo-server}
 * on the test path: smo-junit depends on it optionally, so add it to the application's test dependencies when
 * a test uses this class or {@link SmoTest#http()}.
 */
public final class SmoHttpServer implements AutoCloseable {

    private final Javalin app;
    private final URI uri;
    private final HttpClient client = HttpClient.newHttpClient();

    private SmoHttpServer(Javalin app) {
        this.app = app;
        this.uri = URI.create("http://127.0.0.1:" + app.port());
    }

    /**
     * @param smo the orchestrator to expose, with the default settings (no token, loopback only)
     * @return the started server; close it to stop it
     */
    public static SmoHttpServer start(Orchestrator smo) {
        return start(smo, HttpSettings.DEFAULTS);
    }

    /**
     * @param smo the orchestrator to expose
     * @param settings tokens, hosts, limits
     * @return the started server; close it to stop it
     */
    public static SmoHttpServer start(Orchestrator smo, HttpSettings settings) {
        Objects.requireNonNull(smo, "smo");
        return new SmoHttpServer(SmoServer.create(smo, settings).start("127.0.0.1", 0));
    }

    /** @return the base URI, e.g. {@code http://127.0.0.1:41234} */
    public URI uri() {
        return uri;
    }

    /** @return the client the helpers use */
    public HttpClient client() {
        return client;
    }

    /**
     * @param path a path such as {@code /project/demo/graphs}
     * @return the response, body as text
     */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri.resolve(path)).GET());
    }

    /**
     * @param path a path
     * @param contentType the body's media type, e.g. {@code application/yaml}
     * @param body the request body
     * @return the response, body as text
     */
    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * @param path a path
     * @return the response, body as text
     */
    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(uri.resolve(path)).DELETE());
    }

    /**
     * @param request a request to this server
     * @return the response, body as text
     */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Request to the SMO server (" + uri + ") failed.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the SMO server (" + uri + ").", e);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        app.stop();
    }
}
