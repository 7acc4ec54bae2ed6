package dev.smo.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the pushed image without a container engine: skopeo copies it out of the registry, umoci unpacks its root file
 * system and runtime configuration, and its entrypoint runs there under chroot as the image's user, with the image's
 * environment, on a read-only root with /tmp and SMO_HOME writable as the chart mounts them, in a private mount
 * namespace (needs root, skopeo and umoci; scripts/base-image.sh installs them).
 */
class ImageRunIT {

    private static final String IMAGE = System.getProperty("smo.image", "");
    private static final String TOKEN = "image-run-token-0123456789";

    /**
     * Runs the command in the root file system as the given user, the way the chart runs the pod: the root read-only,
     * fresh writable file systems (as the chart's emptyDirs) on /tmp and SMO_HOME, /proc and /dev mounted.
     */
    private static final String CHROOT = String.join(
            "; ",
            "set -e",
            "root=$1",
            "user=$2",
            "shift 2",
            "mount --bind \"$root\" \"$root\"",
            "mount -o remount,bind,ro \"$root\"",
            "mount -t proc proc \"$root/proc\"",
            "mount --rbind /dev \"$root/dev\"",
            "mount -t tmpfs -o mode=1777 tmpfs \"$root/tmp\"",
            "mount -t tmpfs -o mode=0777 tmpfs \"$root/var/lib/smo\"",
            "exec chroot --userspec=\"$user\" \"$root\" \"$@\"");

    @TempDir
    static Path dir;

    private static Path rootfs;
    private static JsonNode process;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(run(List.of("id", "-u")))
                .as("ImageRunIT needs root (chroot, mounts)")
                .isEqualTo("0");
        Path layout = dir.resolve("oci");
        run(List.of("skopeo", "copy", "-q", "--src-tls-verify=false", "docker://" + IMAGE, "oci:" + layout + ":smo"));
        Path bundle = dir.resolve("bundle");
        run(List.of("umoci", "unpack", "--image", layout + ":smo", bundle.toString()));
        rootfs = bundle.resolve("rootfs");
        process = new ObjectMapper()
                .readTree(bundle.resolve("config.json").toFile())
                .get("process");
    }

    @Test
    void refusesToServeEveryInterfaceWithoutAToken() throws Exception {
        Process smo = start(Map.of());

        assertThat(smo.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = new String(smo.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(smo.exitValue()).as(err).isEqualTo(2);
        assertThat(err).contains("SMO refuses to listen on 0.0.0.0 without SMO_API_TOKEN");
    }

    @Test
    void servesOnTheEmbeddedDatabaseAsTheNonRootUserOnAReadOnlyRoot() throws Exception {
        int port = freePort();
        Process smo = start(Map.of("SMO_API_TOKEN", TOKEN, "SMO_PORT", Integer.toString(port)));
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> ready = awaitReady(http, base + "/health/ready", smo);

            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
            assertThat(get(http, base + "/metrics", null).body()).containsPattern("(?m)^smo_store_up 1(\\.0)?$");
            assertThat(get(http, base + "/project/demo/graphs", null).statusCode())
                    .isEqualTo(401);
            assertThat(get(http, base + "/project/demo/graphs", TOKEN).statusCode())
                    .isEqualTo(200);
            // The server runs as the image's user, and wrote nothing into the (read-only) image.
            ProcessHandle jvm = smo.children().findFirst().orElseThrow();
            assertThat(Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "status")))
                    .contains("Uid:\t65532\t65532\t65532\t65532");
            try (var home = Files.list(rootfs.resolve("var/lib/smo"))) {
                assertThat(home.map(f -> f.getFileName().toString())).containsExactly("README");
            }
        } finally {
            // unshare ignores SIGTERM while it waits: stop its child, the JVM, as a container runtime would.
            smo.children().forEach(ProcessHandle::destroy);
            if (!smo.waitFor(60, TimeUnit.SECONDS)) {
                smo.descendants().forEach(ProcessHandle::destroyForcibly);
                smo.destroyForcibly();
            }
        }
        assertThat(smo.exitValue()).as("exit on SIGTERM").isIn(0, 143);
    }

    /** The image's entrypoint under chroot, with its environment plus {@code extra}; stdout discarded. */
    private static Process start(Map<String, String> extra) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                "unshare",
                "--mount",
                "--fork",
                "--kill-child=SIGTERM",
                "sh",
                "-c",
                CHROOT,
                "sh",
                rootfs.toString(),
                process.get("user").get("uid").asText() + ":"
                        + process.get("user").get("gid").asText()));
        process.get("args").forEach(a -> command.add(a.asText()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        for (JsonNode e : process.get("env")) {
            String[] kv = e.asText().split("=", 2);
            builder.environment().put(kv[0], kv[1]);
        }
        builder.environment().putAll(extra);
        if (extra.isEmpty()) {
            return builder.start();
        }
        return builder.redirectError(
                        dir.resolve("smo-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private static HttpResponse<String> awaitReady(HttpClient http, String url, Process smo) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(smo.isAlive())
                    .as("smo serve exited with " + (smo.isAlive() ? "" : smo.exitValue()))
                    .isTrue();
            try {
                HttpResponse<String> response = get(http, url, null);
                if (response.statusCode() == 200) {
                    return response;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("smo serve was not ready within 180 s at " + url);
    }

    private static HttpResponse<String> get(HttpClient http, String url, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS))
                .as(String.join(" ", command))
                .isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output.strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
