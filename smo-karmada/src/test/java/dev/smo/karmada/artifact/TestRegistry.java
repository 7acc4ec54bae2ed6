package dev.smo.karmada.artifact;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import land.oras.ArtifactType;
import land.oras.Config;
import land.oras.ContainerRef;
import land.oras.Layer;
import land.oras.Manifest;
import land.oras.Registry;

/**
 * The real registry on 127.0.0.1:5000 (Debian docker-registry, started by {@code scripts/services.sh start}), plus
 * raw ORAS pushes for artifacts {@link OciArtifacts} would never produce.
 */
final class TestRegistry implements AutoCloseable {

    static final String HOST = "127.0.0.1:5000";

    static final String DESCRIPTOR = """
            hdaGraph:
              imVersion: 0.4.0
              id: image-detection-graph
              version: "1.0.0"
              designer: NTUA
              description: test graph
              services:
                - id: noise-reduction
                  deployment:
                    trigger: {auto: {dependencies: []}}
                    intent:
                      compute: {cpu: "small", ram: "small", storage: "small", gpu: {enabled: False}}
                      connectionPoints: []
                  artifact:
                    ociImage: "oci://127.0.0.1:5000/test/noise-reduction"
                    ociConfig: {type: App, implementer: HELM}
                    ociRun: {name: HELM, version: v3}
                    valuesOverwrite: {}
            """;

    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "test-registry");
        thread.setDaemon(true);
        return thread;
    });
    private final Registry registry =
            Registry.builder().withInsecure(true).withExecutorService(executor).build();

    static void requireRunning() {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://" + HOST + "/v2/"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                fail("Registry at " + HOST + " answered " + response.statusCode() + " on /v2/.");
            }
        } catch (IOException | InterruptedException e) {
            fail("No OCI registry at " + HOST + " (" + e + ").\nMaybe run scripts/services.sh start.");
        }
    }

    static ArtifactConfig config() {
        return ArtifactConfig.defaults().withPlainHttpHosts(HOST).withTimeout(Duration.ofSeconds(20));
    }

    /** @return a repository no other test uses, e.g. {@code smo-test/3f2a…} */
    static String uniqueRepository() {
        return "smo-test/" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static Path writeHdagDirectory(Path parent, String descriptor) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("hdag"));
        Files.writeString(dir.resolve("hdag.yaml"), descriptor, StandardCharsets.UTF_8);
        return dir;
    }

    /** Pushes one layer as it is, under a generic artifact type, and returns the manifest digest. */
    String pushLayer(String repository, String tag, byte[] content, String mediaType, String title) {
        ContainerRef ref = ContainerRef.parse(HOST + "/" + repository + ":" + tag);
        Layer blob = registry.pushBlob(ref, content);
        Layer layer = Layer.fromDigest(blob.getDigest(), content.length).withMediaType(mediaType);
        if (title != null) {
            layer = layer.withAnnotations(Map.of(ArtifactMediaTypes.TITLE_ANNOTATION, title));
        }
        Config config = registry.pushConfig(ref, Config.empty()); // the registry wants every referenced blob
        Manifest manifest = Manifest.empty()
                .withArtifactType(ArtifactType.from("application/vnd.smo.test"))
                .withConfig(config)
                .withLayers(List.of(layer));
        return registry.pushManifest(ref, manifest).getDigest();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
