package dev.smo.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The real Prometheus (127.0.0.1:9090) and the rules directory it reads, as scripts/services.sh sets them up;
 * override with {@code -Dsmo.test.prometheus=URL} and {@code -Dsmo.test.rulesDir=DIR}.
 */
final class RealPrometheus {

    static final URI URL = URI.create(System.getProperty("smo.test.prometheus", "http://127.0.0.1:9090"));
    static final Path RULES_DIR = rulesDirectory();
    /** The namespace of every test group, so that leftovers of killed runs are recognisable. */
    static final String NAMESPACE = "smo-it";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RealPrometheus() {}

    /**
     * The directory of the first {@code rule_files} glob of the running Prometheus' configuration, so the tests
     * write where that Prometheus reads, whichever checkout started it; {@code -Dsmo.test.rulesDir} overrides it.
     */
    private static Path rulesDirectory() {
        String configured = System.getProperty("smo.test.rulesDir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(URL + "/api/v1/status/config"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            String yaml = JSON.readTree(r.body()).path("data").path("yaml").asText();
            JsonNode config = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
            String glob = config.path("rule_files").path(0).asText("");
            if (!glob.isEmpty()) {
                return Path.of(glob).getParent();
            }
        } catch (IOException | RuntimeException e) {
            // Prometheus not reachable: the tests will say so; fall back to where scripts/services.sh puts rules.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Path.of("../.smo-services/rules").toAbsolutePath().normalize();
    }

    /** Fails unless the rules directory exists; deletes test groups left over by killed runs (older than 10 min). */
    static void requireRulesDir() throws IOException {
        assertThat(RULES_DIR)
                .as(
                        "Prometheus' rules directory (%s) is missing.\nMaybe run scripts/services.sh start,"
                                + " or pass -Dsmo.test.rulesDir.",
                        RULES_DIR)
                .isDirectory();
        try (var files = Files.list(RULES_DIR)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(NAMESPACE + "--"))
                    .toList()) {
                if (Files.getLastModifiedTime(f)
                        .toInstant()
                        .isBefore(Instant.now().minus(Duration.ofMinutes(10)))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** @return a name unique to this run, e.g. {@code smo-it-1a2b3c4d} */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return {@code data} of a GET on Prometheus' API */
    static JsonNode api(String path) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(URL + path))
                            .timeout(Duration.ofSeconds(5))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("status").asText()).as(r.body()).isEqualTo("success");
            return body.path("data");
        } catch (IOException e) {
            return fail(
                    "Prometheus (" + URL + ") did not answer " + path + ": " + e
                            + "\nMaybe run scripts/services.sh start.",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted", e);
        }
    }

    /** @return the rule group of that name in /api/v1/rules, or a missing node */
    static JsonNode group(String name) {
        for (JsonNode g : api("/api/v1/rules?type=alert").path("groups")) {
            if (name.equals(g.path("name").asText())) {
                return g;
            }
        }
        return JSON.missingNode();
    }

    /** @return the alert of that name in /api/v1/alerts, or a missing node */
    static JsonNode alert(String alertname) {
        for (JsonNode a : api("/api/v1/alerts").path("alerts")) {
            if (alertname.equals(a.path("labels").path("alertname").asText())) {
                return a;
            }
        }
        return JSON.missingNode();
    }

    /** Polls every 500 ms until the condition holds, failing after the timeout. */
    static <T> T await(Duration timeout, String what, java.util.function.Supplier<T> probe, Predicate<T> done)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                return fail("Waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + last);
            }
            Thread.sleep(500);
            last = probe.get();
        }
        return last;
    }
}
