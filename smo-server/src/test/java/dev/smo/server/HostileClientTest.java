package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile web page or client can send to a server in its most exposed mode (no token, loopback): every
 * answer is a 4xx problem, never a 5xx, nothing is deployed, and the heap stays bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileClientTest {

    static final int LIMIT = 64 * 1024;
    static final String YAML = ServerApiTest.example("my-webapp/hdag.yaml");

    private Orchestrator smo;
    private Javalin app;
    private final AtomicInteger answered = new AtomicInteger();

    @BeforeAll
    void start() {
        smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("edge-a", 16_000, 32L << 30, 0))))
                .build();
        HttpSettings settings = new HttpSettings(Optional.empty(), LIMIT).withReadTimeout(Duration.ofMillis(1500));
        app = SmoServer.create(smo, settings).start("127.0.0.1", 0);
    }

    @AfterAll
    void stop() {
        app.stop();
        smo.close();
        // every case below, plus the memory test's bombs, did its work
        assertThat(answered.get()).isEqualTo(cases().count() + 3);
    }

    static String post(String path, String... headers) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("\r\n", headers);
    }

    static RawHttp.Body text(String s) {
        return RawHttp.bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    static String length(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length;
    }

    static Stream<Arguments> cases() {
        String form = "hdaGraph=x";
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String deepObject = "{\"hdaGraph\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}";
        String hugeNumber = "{\"hdaGraph\":{\"id\":" + "9".repeat(1500) + "}}";
        String longKey = "{\"hdaGraph\":{\"" + "k".repeat(60_000) + "\":1}}";
        byte[] badUtf8 = {'h', 'd', 'a', 'G', 'r', 'a', 'p', 'h', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        return Stream.of(
                Arguments.of(
                        "cross-site form post",
                        post(
                                "/project/p/graphs",
                                "Origin: http://evil.example",
                                "Content-Type: application/x-www-form-urlencoded",
                                length(form)),
                        text(form),
                        403),
                Arguments.of(
                        "cross-site text/plain form, fetch metadata only",
                        post(
                                "/project/p/graphs",
                                "Sec-Fetch-Site: cross-site",
                                "Content-Type: text/plain",
                                length(YAML)),
                        text(YAML),
                        403),
                Arguments.of(
                        "null origin (sandboxed frame)",
                        post("/graphs/g/stop", "Origin: null", "Content-Length: 0"),
                        text(""),
                        403),
                Arguments.of(
                        "same-site but other origin",
                        post("/graphs/g/stop", "Origin: http://127.0.0.1:1", "Content-Length: 0"),
                        text(""),
                        403),
                Arguments.of(
                        "form body without origin headers",
                        post("/project/p/graphs", "Content-Type: application/x-www-form-urlencoded", length(YAML)),
                        text(YAML),
                        415),
                Arguments.of(
                        "text/plain body", post("/plan", "Content-Type: text/plain", length(YAML)), text(YAML), 415),
                Arguments.of("body without a type", post("/plan", length(YAML)), text(YAML), 415),
                Arguments.of(
                        "cross-site image of a GET alias",
                        "GET /graphs/g/stop HTTP/1.1\r\nHost: 127.0.0.1\r\nSec-Fetch-Site: cross-site\r\n"
                                + "Sec-Fetch-Dest: image",
                        text(""),
                        403),
                Arguments.of(
                        "rebinding Host",
                        "GET /project/p/graphs HTTP/1.1\r\nHost: attacker.example:8000",
                        text(""),
                        421),
                Arguments.of(
                        "rebinding Host on a mutation",
                        "POST /graphs/g/stop HTTP/1.1\r\nHost: attacker.example\r\nContent-Length: 0",
                        text(""),
                        421),
                Arguments.of(
                        "bogus charset",
                        post("/plan", "Content-Type: application/yaml; charset=bogus-42", length(YAML)),
                        text(YAML),
                        415),
                Arguments.of(
                        "empty charset",
                        post("/plan", "Content-Type: application/yaml; charset=", length(YAML)),
                        text(YAML),
                        415),
                Arguments.of(
                        "charset outside the accepted ones",
                        post("/plan", "Content-Type: application/json; charset=UTF-7", length("{}")),
                        text("{}"),
                        415),
                Arguments.of(
                        "invalid UTF-8",
                        post("/plan", "Content-Type: application/yaml", "Content-Length: " + badUtf8.length),
                        RawHttp.bytes(badUtf8),
                        400),
                Arguments.of(
                        "declared length past the limit",
                        post("/plan", "Content-Type: application/yaml", "Content-Length: 1073741824"),
                        text(""),
                        413),
                Arguments.of(
                        "deep JSON array",
                        post("/project/p/graphs", "Content-Type: application/json", length(deep)),
                        text(deep),
                        400),
                Arguments.of(
                        "deep JSON object on /plan",
                        post("/plan", "Content-Type: application/json", length(deepObject)),
                        text(deepObject),
                        400),
                Arguments.of(
                        "deep JSON on /alerts",
                        post("/alerts", "Content-Type: application/json", length(deep)),
                        text(deep),
                        400),
                Arguments.of(
                        "1500-digit number",
                        post("/project/p/graphs", "Content-Type: application/json", length(hugeNumber)),
                        text(hugeNumber),
                        400),
                Arguments.of(
                        "60k-character key",
                        post("/project/p/graphs", "Content-Type: application/json", length(longKey)),
                        text(longKey),
                        400),
                Arguments.of(
                        "stalled body",
                        post("/plan", "Content-Type: application/yaml", "Content-Length: 1000"),
                        RawHttp.stall("hdaGraph:\n".getBytes(StandardCharsets.UTF_8)),
                        408),
                Arguments.of(
                        "dripping body",
                        post("/plan", "Content-Type: application/yaml", "Content-Length: 1000"),
                        RawHttp.drip(1000, 200),
                        408),
                Arguments.of(
                        "alerts not a list",
                        post("/alerts", "Content-Type: application/json", length("{\"alerts\": 5}")),
                        text("{\"alerts\": 5}"),
                        400),
                Arguments.of(
                        "unknown method on a route",
                        "PUT /graphs/g HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 2",
                        text("{}"),
                        405),
                Arguments.of("malformed URI escape", "GET /graphs/%zz HTTP/1.1\r\nHost: 127.0.0.1", text(""), 400),
                Arguments.of(
                        "headers too large",
                        "GET /graphs/g HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Pad: " + "p".repeat(64 * 1024),
                        text(""),
                        431));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostileRequestsGetA4xxProblem(String name, String head, RawHttp.Body body, int status) {
        RawHttp.Answer answer = RawHttp.send(app.port(), head, body);

        assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(name).startsWith("application/problem+json");
        assertThat(answer.json().path("status").asInt()).as(name).isEqualTo(status);
        assertThat(answer.json().path("type").asText()).as(name).startsWith("https://smo.dev/problems/");
        assertThat(smo.list(null)).as(name + " deployed nothing").isEmpty();
        answered.incrementAndGet();
    }

    @Test
    void chunkedBombsAreCutAtTheLimitWithBoundedHeap() {
        long before = usedHeap();
        long peak = before;
        for (String path : new String[] {"/plan", "/alerts", "/project/p/graphs"}) {
            RawHttp.Answer answer = RawHttp.send(
                    app.port(),
                    post(path, "Content-Type: application/json", "Transfer-Encoding: chunked"),
                    RawHttp.chunkedFlood(64 * 1024, 256L << 20));
            peak = Math.max(peak, usedHeap());

            assertThat(answer.status()).as(path).isEqualTo(413);
            assertThat(answer.json().path("status").asInt()).isEqualTo(413);
            assertThat(answer.bytesSent()).as("bytes the client got to send").isLessThan(256L << 20);
            answered.incrementAndGet();
        }
        assertThat(peak - before)
                .as("heap growth while 3 x 256 MiB were offered")
                .isLessThan(64L << 20);
    }

    @Test
    void quotedAndUpperCaseCharsetsAreAccepted() {
        Http.Response plan = new Http(app.port()).post("/plan", "application/yaml; CHARSET=\"UTF-8\"", YAML);

        assertThat(plan.status()).as(plan.body()).isEqualTo(200);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
