package dev.smo.nfvcl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.NfvclException;
import dev.smo.nfvcl.NfvclConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * One NFVCL call: timeouts, the bearer token (logging in and refreshing as NFVCL's OAuth2 middleware expects),
 * bounded retries of idempotent methods, and NFVCL's error bodies turned into {@link NfvclException}s.
 */
final class NfvclHttp {

    /** An answer: status and JSON body (a missing or non-JSON body is {@code null}). */
    record Answer(int status, JsonNode body, String text) {}

    private static final Set<String> IDEMPOTENT = Set.of("GET", "PUT", "DELETE");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final NfvclConfig config;
    private final HttpClient http;
    private final Object tokenLock = new Object();
    private String accessToken;
    private String refreshToken;

    NfvclHttp(NfvclConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
    }

    /** Sends and returns the answer whatever its status (callers decide which statuses they accept). */
    Answer send(String method, String path, Object body) {
        int attempts = IDEMPOTENT.contains(method) ? config.retries() + 1 : 1;
        NfvclException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                Answer answer = exchange(method, path, body, true);
                if (answer.status() < 500 || attempt == attempts) {
                    return answer;
                }
                last = failure(method, path, answer);
            } catch (IOException e) {
                last = new NfvclException(
                        0, "The NFVCL (" + config.baseUrl() + ") did not answer " + method + " " + path + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NfvclException(0, "Interrupted while calling the NFVCL.", e);
            }
            pause(attempt);
        }
        throw last;
    }

    /** Sends and throws unless the status is one of {@code accepted}. */
    Answer expect(String method, String path, Object body, int... accepted) {
        Answer answer = send(method, path, body);
        for (int status : accepted) {
            if (answer.status() == status) {
                return answer;
            }
        }
        throw failure(method, path, answer);
    }

    NfvclException failure(String method, String path, Answer answer) {
        return new NfvclException(
                answer.status(),
                "The NFVCL answered " + answer.status() + " to " + method + " " + path + ": " + detail(answer),
                null);
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Answer exchange(String method, String path, Object body, boolean mayRefresh)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(resolve(path)).timeout(config.timeout()).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        String token = token(false);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        Answer answer = read(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        if (token != null && mayRefresh && expired(answer)) {
            token(true);
            return exchange(method, path, body, false);
        }
        return answer;
    }

    /** An expired token: 401, or NFVCL's 400 {@code invalid_grant}. */
    private static boolean expired(Answer answer) {
        return answer.status() == 401
                || (answer.status() == 400 && answer.text().contains("invalid_grant"));
    }

    private String token(boolean renew) throws IOException, InterruptedException {
        if (config.user() == null) {
            return null;
        }
        synchronized (tokenLock) {
            if (accessToken != null && !renew) {
                return accessToken;
            }
            Answer answer = null;
            if (refreshToken != null) {
                answer = login("grant_type=refresh_token&" + query("refresh_token", refreshToken));
            }
            if (answer == null || answer.status() != 200) {
                answer = login("grant_type=password&" + query("username", config.user()) + "&"
                        + query("password", config.password()));
            }
            if (answer.status() != 200
                    || answer.body() == null
                    || !answer.body().hasNonNull("access_token")) {
                throw new NfvclException(
                        answer.status(),
                        "The NFVCL refused SMO's login as (" + config.user() + "): " + detail(answer),
                        null);
            }
            accessToken = answer.body().get("access_token").asText();
            refreshToken = answer.body().path("refresh_token").asText(null);
            return accessToken;
        }
    }

    private Answer login(String form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(resolve("/token"))
                .timeout(config.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return read(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private URI resolve(String path) {
        String base = config.baseUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static Answer read(HttpResponse<String> response) {
        String text = response.body() == null ? "" : response.body();
        JsonNode json = null;
        if (!text.isBlank()) {
            try {
                json = JSON.readTree(text);
            } catch (IOException e) {
                json = null;
            }
        }
        return new Answer(response.statusCode(), json, text);
    }

    /** NFVCL's own message: {@code detail} (a string, or pydantic's list of errors), or {@code error}. */
    private static String detail(Answer answer) {
        JsonNode body = answer.body();
        if (body == null) {
            return answer.text().isBlank() ? "(no body)" : oneLine(answer.text());
        }
        JsonNode detail = body.has("detail") ? body.get("detail") : body.path("error");
        if (detail.isArray()) {
            StringBuilder out = new StringBuilder();
            for (JsonNode item : detail) {
                out.append(out.length() == 0 ? "" : "; ")
                        .append(item.path("loc").toString())
                        .append(' ')
                        .append(item.path("msg").asText());
            }
            return out.toString();
        }
        return detail.isMissingNode() ? oneLine(body.toString()) : oneLine(detail.asText());
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
