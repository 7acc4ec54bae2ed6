package dev.smo.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.server.HttpSettings;
import dev.smo.server.SmoServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The web console's routes on a server with a write token: public files, the page fallback, headers, redirect. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleRoutesTest {

    private static final String TOKEN = "write-token-0123456789";
    private static final boolean BUILT = Console.class.getResource("/META-INF/smo-console/index.html") != null;

    private final HttpClient client = HttpClient.newHttpClient();
    private Orchestrator smo;
    private Javalin app;

    @BeforeAll
    void start() {
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(
                        ClusterInfo.of("edge", 4_000, 8L << 30, 0), ClusterInfo.of("core", 16_000, 64L << 30, 2))))
                .build();
        app = SmoServer.create(smo, new HttpSettings(Optional.of(TOKEN), 1 << 20))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        app.stop();
        smo.close();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
        headers.forEach(b::header);
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrowserAtTheRootIsSentToTheConsoleAndOtherClientsGetAProblem() throws Exception {
        HttpResponse<String> browser = get("/", Map.of("Accept", "text/html,application/xhtml+xml"));
        assertThat(browser.statusCode()).isEqualTo(302);
        assertThat(browser.headers().firstValue("Location")).hasValue("/ui/");

        HttpResponse<String> script = get("/", Map.of("Accept", "application/json"));
        assertThat(script.statusCode()).isEqualTo(404);
        assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "the index, /ui/",
        "the index without a slash, /ui",
        "a page of the app, /ui/graphs/image-detection-graph",
        "a page with a query, /ui/graphs?project=demo",
    })
    void pagesAreTheAppWithoutAToken(String name, String path) throws Exception {
        HttpResponse<String> r = get(path, Map.of());
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'self'; base-uri 'none'; object-src 'none'; form-action 'none'; "
                        + "frame-ancestors 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        if (BUILT) {
            assertThat(r.statusCode()).as(name).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(r.body()).contains("<div id=\"root\"></div>").doesNotContain("<script>");
        } else {
            assertThat(r.statusCode()).as(name).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("console-not-built", "The console was not built into this server.");
        }
    }

    @Test
    void aMissingScriptIsNotAPage() throws Exception {
        HttpResponse<String> r = get("/ui/assets/missing-0000.js", Map.of());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).doesNotContain("<html");
    }

    @Test
    void theConsoleFilesArePublicButTheDataStillNeedsTheToken() throws Exception {
        assertThat(get("/clusters", Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> clusters = get("/clusters", Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(clusters.statusCode()).isEqualTo(200);
        JsonNode core = new ObjectMapper().readTree(clusters.body()).get(0);
        assertThat(core.path("name").asText()).isEqualTo("core");
        assertThat(core.path("total").path("cpuMillis").asLong()).isEqualTo(16_000);
        assertThat(core.path("used").path("cpuMillis").asLong()).isZero();
        assertThat(core.path("free").path("gpus").asLong()).isEqualTo(2);
    }
}
