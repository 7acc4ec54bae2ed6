package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import io.javalin.Javalin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Seeded random and mutated descriptors posted to deploy and plan: every answer is a success or a 4xx problem,
 * never a 500, and graphs that were refused leave nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

    private static final Set<Integer> ACCEPTABLE = Set.of(200, 201, 202, 400, 409, 413, 422);
    private static final String[] TOKENS = {
        "light",
        "large",
        "xlarge",
        "-1",
        "0",
        "1e9",
        "'True'",
        "[]",
        "{}",
        "null",
        "~",
        "noise-reduction",
        "image-detection",
        "Image_Detection",
        "2m",
        "10x",
        "",
        "*a",
        "&a x",
        "oci://",
        "ALL",
        "AND",
        "event",
        "auto",
        "standard",
        "\"\\u0000\"",
        "999999999999999999999"
    };

    private Orchestrator smo;
    private Javalin app;
    private Http http;

    @BeforeAll
    void start() {
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(
                        ClusterInfo.of("edge-a", 8_000, 16L << 30, 0), ClusterInfo.of("edge-b", 4_000, 8L << 30, 1))))
                .build();
        app = SmoServer.create(smo, new HttpSettings(java.util.Optional.empty(), 256 * 1024))
                .start("127.0.0.1", 0);
        http = new Http(app.port());
    }

    @AfterAll
    void stop() {
        app.stop();
        smo.close();
    }

    @Test
    void mutatedDescriptorsNeverCauseAServerError() {
        Random random = new Random(20261125);
        List<String> seeds =
                List.of(ServerApiTest.example("brussels-demo/hdag.yaml"), ServerApiTest.example("my-webapp/hdag.yaml"));
        List<String> failures = new ArrayList<>();
        int refusedDeploys = 0;
        int acceptedDeploys = 0;
        int plans = 0;
        for (int i = 0; i < 400; i++) {
            String body = mutate(seeds.get(i % 2), random)
                    .replace("image-detection-graph", "fuzz-" + i)
                    .replace("my-webapp-graph", "fuzz-" + i);
            boolean plan = i % 3 == 0;
            String path = plan ? "/plan?project=fuzz" : "/project/fuzz/graphs";
            String type = i % 5 == 0 ? "application/json" : "application/yaml";
            int before = graphCount();
            Http.Response r = http.post(path, type, body);
            int after = graphCount();
            if (!ACCEPTABLE.contains(r.status())) {
                failures.add(r.status() + " for case " + i + ": " + r.body() + "\n---\n" + body);
                continue;
            }
            if (r.status() >= 400) {
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.json().path("errors")).isNotEmpty();
            }
            if (plan) {
                plans++;
                assertThat(after).as("a plan stores nothing (case %d)", i).isEqualTo(before);
            } else if (r.status() >= 400) {
                refusedDeploys++;
                assertThat(after)
                        .as("a refused deploy leaves nothing behind (case %d)", i)
                        .isEqualTo(before);
            } else {
                acceptedDeploys++;
                assertThat(after)
                        .as("an accepted deploy stores one graph (case %d)", i)
                        .isEqualTo(before + 1);
                // Removed again, so capacity stays free for the next cases.
                String name = r.json().path("name").asText();
                http.awaitSettled(name); // the deploy runs in the background; removal waits for it
                assertThat(http.delete("/graphs/" + name).status()).isLessThan(300);
                assertThat(http.awaitSettled(name).status()).isEqualTo(404);
                assertThat(graphCount()).isEqualTo(before);
            }
        }
        // The mutations must exercise both outcomes, or the checks above prove little.
        assertThat(plans).isEqualTo(134);
        assertThat(refusedDeploys).isGreaterThanOrEqualTo(100);
        assertThat(acceptedDeploys).isGreaterThanOrEqualTo(20);
        assertThat(failures).isEmpty();
    }

    private int graphCount() {
        Http.Response list = http.get("/project/fuzz/graphs");
        assertThat(list.status()).isEqualTo(200);
        return list.json().size();
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(random.nextInt(lines.size())));
                case 2 -> {
                    String line = lines.get(at);
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + TOKENS[random.nextInt(TOKENS.length)]);
                    }
                }
                case 3 -> Collections.swap(lines, at, random.nextInt(lines.size()));
                case 4 -> {
                    String line = lines.get(at);
                    if (!line.isEmpty()) {
                        int pos = random.nextInt(line.length());
                        lines.set(at, line.substring(0, pos) + (char) (32 + random.nextInt(95)) + line.substring(pos));
                    }
                }
                default ->
                    lines.set(at, "  ".repeat(random.nextInt(8)) + lines.get(at).strip());
            }
        }
        return String.join("\n", lines);
    }
}
