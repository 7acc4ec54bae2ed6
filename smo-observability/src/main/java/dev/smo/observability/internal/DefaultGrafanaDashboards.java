package dev.smo.observability.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.Dashboard;
import dev.smo.core.spi.DashboardPublisher;
import dev.smo.observability.GrafanaConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Grafana's dashboard API over {@code java.net.http}, JSON by Jackson. */
public final class DefaultGrafanaDashboards implements DashboardPublisher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GrafanaConfig config;
    private final HttpClient http;
    private final String base;

    /**
     * @param config where Grafana answers and the credentials
     * @param http the HTTP client
     */
    public DefaultGrafanaDashboards(GrafanaConfig config, HttpClient http) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = Objects.requireNonNull(http, "http");
        this.base = config.url().toString().replaceAll("/+$", "");
    }

    @Override
    public String publish(Dashboard dashboard) {
        Map<String, Object> model = new LinkedHashMap<>(dashboard.model());
        model.put("id", null);
        model.put("uid", dashboard.uid());
        model.put("title", dashboard.title());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dashboard", model);
        body.put("overwrite", true);
        if (config.folderUid() != null) {
            body.put("folderUid", config.folderUid());
        }
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new SmoIntegrationException(
                    "Dashboard (" + dashboard.uid() + ") cannot be written as JSON: " + e.getOriginalMessage() + ".",
                    e);
        }
        HttpResponse<String> response = send(
                request("/api/dashboards/db")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                "publish dashboard (" + dashboard.uid() + ")");
        if (response.statusCode() / 100 != 2) {
            throw failure("publish dashboard (" + dashboard.uid() + ")", response);
        }
        String url = read(response).path("url").asText("");
        if (url.isEmpty()) {
            throw new SmoIntegrationException("Grafana (" + base + ") published dashboard (" + dashboard.uid()
                    + ") but its answer has no url: " + abbreviate(response.body()) + ".");
        }
        return absolute(url);
    }

    @Override
    public void delete(String uid) {
        Objects.requireNonNull(uid, "uid");
        String what = "delete dashboard (" + uid + ")";
        HttpResponse<String> response = send(
                request("/api/dashboards/uid/"
                                + URLEncoder.encode(uid, StandardCharsets.UTF_8).replace("+", "%20"))
                        .DELETE(),
                what);
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw failure(what, response);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(config.timeout())
                .header("Accept", "application/json");
        if (config.apiToken() != null) {
            builder.header("Authorization", "Bearer " + config.apiToken());
        } else if (config.user() != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((config.user() + ":" + config.password())
                                            .getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmoIntegrationException(
                    "Grafana (" + base + ") did not answer when asked to " + what + ": " + e
                            + ".\nMaybe check the Grafana URL.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmoIntegrationException("Interrupted while asking Grafana (" + base + ") to " + what + ".", e);
        }
    }

    private SmoIntegrationException failure(String what, HttpResponse<String> response) {
        String message = read(response).path("message").asText("");
        if (message.isEmpty()) {
            message = abbreviate(response.body());
        }
        String hint = switch (response.statusCode()) {
            case 401 -> "\nMaybe check the Grafana user and password, or the API token.";
            case 403 -> "\nMaybe the Grafana user or token lacks the Editor role (or the folder's permissions).";
            case 412 -> "\nMaybe another dashboard has the same title in the folder, or the same uid.";
            default -> "";
        };
        return new SmoIntegrationException("Grafana (" + base + ") refused to " + what + ": HTTP "
                + response.statusCode() + ": " + message + (message.endsWith(".") ? "" : ".") + hint);
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            JsonNode node = JSON.readTree(response.body() == null ? "" : response.body());
            return node == null ? JSON.missingNode() : node;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    /** Grafana's {@code url} is absolute-path, including any sub-path Grafana is served under. */
    private String absolute(String url) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        URI root = config.url();
        String prefix = root.getRawPath() == null ? "" : root.getRawPath().replaceAll("/+$", "");
        if (!prefix.isEmpty() && (url.equals(prefix) || url.startsWith(prefix + "/"))) {
            return base.substring(0, base.length() - prefix.length()) + url;
        }
        return base + (url.startsWith("/") ? "" : "/") + url;
    }

    private static String abbreviate(String s) {
        if (s == null || s.isBlank()) {
            return "(empty body)";
        }
        String t = s.strip();
        return t.length() > 300 ? t.substring(0, 300) + "..." : t;
    }
}
