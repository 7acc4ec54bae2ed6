package dev.smo.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.nfvcl.NfvclStandIn;
import dev.smo.persistence.PostgresSchemaExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code smo serve} in its own JVM on the real PostgreSQL, driven over HTTP and by the client commands. */
class ServeCommandIT {

    @RegisterExtension
    static final PostgresSchemaExtension DB = new PostgresSchemaExtension();

    @TempDir
    Path home;

    private Process server;

    @AfterEach
    void kill() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process serve(String... args) throws IOException {
        return serve(Map.of(), args);
    }

    private Process serve(Map<String, String> extraEnv, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), SmoCommand.class.getName(), "serve");
        builder.command().addAll(List.of(args));
        Map<String, String> env = builder.environment();
        env.keySet()
                .removeIf(name -> name.startsWith("SMO_")
                        || name.startsWith("DB_")
                        || name.endsWith("_KUBECONFIG")
                        || name.startsWith("SCALING_")
                        || name.startsWith("NFVCL_"));
        env.put("SMO_DATABASE_URL", DB.jdbcUrl());
        env.put("DB_USER", PostgresSchemaExtension.USER);
        if (PostgresSchemaExtension.PASSWORD != null) {
            env.put("DB_PASSWORD", PostgresSchemaExtension.PASSWORD);
        }
        env.put(
                "SMO_CLUSTERS_FILE",
                Path.of(Cli.example("clusters.yaml")).toAbsolutePath().toString());
        env.put("SMO_HOME", home.toString());
        env.putAll(extraEnv);
        builder.redirectError(home.resolve("stderr.txt").toFile());
        return builder.start();
    }

    private String stderr() throws IOException {
        return Files.readString(home.resolve("stderr.txt"));
    }

    @Test
    void servesUntilStoppedAndPrintsWhereItListens() throws Exception {
        server = serve("--port", "0");
        BufferedReader stdout = server.inputReader();
        String line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return stdout.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .get(30, TimeUnit.SECONDS);

        assertThat(line)
                .as("stdout; stderr was:%n%s", stderr())
                .matches("SMO listening on http://127\\.0\\.0\\.1:\\d+");
        String url = line.substring("SMO listening on ".length());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create(url + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> deploy = http.send(
                HttpRequest.newBuilder(URI.create(url + "/project/demo/graphs"))
                        .header("Content-Type", "application/yaml")
                        .header("Prefer", "wait=30")
                        .POST(HttpRequest.BodyPublishers.ofFile(Path.of(Cli.example("my-webapp/hdag.yaml"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Cli list = Cli.runWith(Map.of("SMO_URL", url), "list", "--project", "demo");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(deploy.statusCode()).as(deploy.body()).isEqualTo(201);
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("my-webapp-graph +Running +demo +3 +web-frontend=");
        assertThat(stderr())
                .contains(
                        "store: PostgreSQL " + DB.jdbcUrl(),
                        "inventory: clusters file",
                        "reconcile: nothing to repair",
                        "configuration:",
                        "SMO_HOME=" + home + " (environment)",
                        "SMO_BIND=127.0.0.1 (default)");

        server.destroy();
        assertThat(server.waitFor(15, TimeUnit.SECONDS))
                .as("stopped on SIGTERM")
                .isTrue();
    }

    @Test
    void withAnNfvclItServesTheVimRoutesAndSealsPasswordsWithAGeneratedKey() throws Exception {
        try (NfvclStandIn nfvcl = new NfvclStandIn(NfvclStandIn.Release.CURRENT, 1)) {
            server = serve(Map.of("NFVCL_BASE_URL", nfvcl.url().toString()), "--port", "0");
            String line = CompletableFuture.supplyAsync(() -> {
                        try {
                            return server.inputReader().readLine();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .get(30, TimeUnit.SECONDS);
            assertThat(line).as("stdout; stderr was:%n%s", stderr()).startsWith("SMO listening on ");
            String url = line.substring("SMO listening on ".length());

            Cli vims = Cli.runWith(Map.of("SMO_URL", url), "vims", "list");

            assertThat(vims.exitCode()).as(vims.err()).isZero();
            assertThat(vims.out()).isEqualTo("No VIMs.\n");
            Path key = home.resolve("sealing.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
                    .isEqualTo("rw-------");
            assertThat(stderr())
                    .contains(
                            "nfvcl: " + nfvcl.url() + ", VIM passwords sealed with " + key,
                            "nfvcl reconcile: 0 cluster(s) added, 0 updated, 0 removed");
        }
    }

    @Test
    void configurationProblemsExitTwo() throws Exception {
        server = serve("--port", "-1");

        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isEqualTo(2);
        assertThat(stderr()).contains("SMO_PORT (-1) is outside 0..65535.");
        assertThat(server.inputReader().readLine()).isNull();
    }
}
