package dev.smo.karmada.artifact;

import static dev.smo.karmada.artifact.TestRegistry.DESCRIPTOR;
import static dev.smo.karmada.artifact.TestRegistry.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import dev.smo.core.ArtifactException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Push and pull HDAG artifacts against the real registry on 127.0.0.1:5000. */
@Timeout(60)
class OciArtifactsIT {

    private static OciArtifacts artifacts;
    private static TestRegistry registry;

    @TempDir
    Path temp;

    @BeforeAll
    static void connect() {
        TestRegistry.requireRunning();
        artifacts = OciArtifacts.create(TestRegistry.config());
        registry = new TestRegistry();
    }

    @AfterAll
    static void disconnect() {
        artifacts.close();
        registry.close();
    }

    @Test
    void pushedDirectoryIsFetchedBackByEveryReferenceForm() throws IOException {
        String repository = TestRegistry.uniqueRepository();
        Path dir = TestRegistry.writeHdagDirectory(temp, DESCRIPTOR);
        Files.writeString(dir.resolve("README.md"), "not a descriptor");

        PushedArtifact pushed = artifacts.push(dir, "oci://" + HOST + "/" + repository);

        assertThat(pushed.reference().tag()).isEqualTo("1.0.0");
        assertThat(pushed.digest()).startsWith("sha256:");
        assertThat(artifacts.fetchDescriptor("oci://" + HOST + "/" + repository + ":1.0.0"))
                .isEqualTo(DESCRIPTOR);
        assertThat(artifacts.fetchDescriptor(HOST + "/" + repository + ":1.0.0"))
                .isEqualTo(DESCRIPTOR);
        assertThat(artifacts.fetchDescriptor("http://" + HOST + "/" + repository))
                .isEqualTo(DESCRIPTOR);
        assertThat(artifacts.fetchDescriptor(
                        pushed.reference().withDigest(pushed.digest()).toString()))
                .isEqualTo(DESCRIPTOR);
    }

    @Test
    void untaggedReferenceResolvesHighestSemanticVersion() throws IOException {
        String repository = TestRegistry.uniqueRepository();
        for (String version : List.of("1.2.0", "1.10.0", "1.10.0-rc.1", "0.9.9")) {
            Path dir = TestRegistry.writeHdagDirectory(
                    Files.createDirectories(temp.resolve(version)),
                    DESCRIPTOR.replace("version: \"1.0.0\"", "version: \"" + version + "\""));
            artifacts.push(dir, "oci://" + HOST + "/" + repository);
        }

        String descriptor = artifacts.fetchDescriptor("http://" + HOST + "/" + repository);

        assertThat(descriptor).contains("version: \"1.10.0\"");
    }

    @Test
    void untaggedReferencePrefersLatestTag() throws IOException {
        String repository = TestRegistry.uniqueRepository();
        artifacts.push(
                TestRegistry.writeHdagDirectory(Files.createDirectories(temp.resolve("a")), DESCRIPTOR),
                "oci://" + HOST + "/" + repository + ":2.0.0");
        String latest = DESCRIPTOR.replace("test graph", "the latest one");
        artifacts.push(
                TestRegistry.writeHdagDirectory(Files.createDirectories(temp.resolve("b")), latest),
                "oci://" + HOST + "/" + repository + ":latest");

        assertThat(artifacts.fetchDescriptor("oci://" + HOST + "/" + repository))
                .isEqualTo(latest);
    }

    @Test
    void projectOnlyReferenceIsCompletedWithGraphIdLikeHdarctl() throws IOException {
        String project = "smo-test-" + TestRegistry.uniqueRepository().substring(9);
        Path dir = TestRegistry.writeHdagDirectory(temp, DESCRIPTOR);

        PushedArtifact pushed = artifacts.push(dir, "http://" + HOST + "/" + project);

        assertThat(pushed.reference().repository()).isEqualTo(project + "/image-detection-graph");
        assertThat(artifacts.fetchDescriptor("http://" + HOST + "/" + project + "/image-detection-graph"))
                .isEqualTo(DESCRIPTOR);
    }

    @Test
    void singleDescriptorFileIsPushedAndFetched() throws IOException {
        String repository = TestRegistry.uniqueRepository();
        Path file = Files.writeString(temp.resolve("graph.yml"), DESCRIPTOR);

        PushedArtifact pushed = artifacts.push(file, "oci://" + HOST + "/" + repository + ":v1");

        assertThat(pushed.reference().tag()).isEqualTo("v1");
        assertThat(artifacts.fetchDescriptor("oci://" + HOST + "/" + repository + ":v1"))
                .isEqualTo(DESCRIPTOR);
    }

    @Test
    void samePackagedDirectoryGivesSameLayerDigest() throws IOException {
        String repository = TestRegistry.uniqueRepository();
        Path dir = TestRegistry.writeHdagDirectory(temp, DESCRIPTOR);

        PushedArtifact first = artifacts.push(dir, "oci://" + HOST + "/" + repository + ":a");
        PushedArtifact second = artifacts.push(dir, "oci://" + HOST + "/" + repository + ":b");

        assertThat(first.digest()).startsWith("sha256:");
        assertThat(manifestLayerDigest(first)).isEqualTo(manifestLayerDigest(second));
    }

    @Test
    void firstYamlWithHdaGraphInSortedOrderWins() throws IOException {
        String repository = TestRegistry.uniqueRepository();
        Path dir = TestRegistry.writeHdagDirectory(temp, DESCRIPTOR);
        Files.writeString(dir.resolve("a-values.yaml"), "replicas: 2\n");
        Files.writeString(dir.resolve("z-other.yaml"), DESCRIPTOR.replace("test graph", "second"));

        artifacts.push(dir, "oci://" + HOST + "/" + repository + ":1");

        assertThat(artifacts.fetchDescriptor("oci://" + HOST + "/" + repository + ":1"))
                .isEqualTo(DESCRIPTOR);
    }

    @Test
    void artifactWithoutHdaGraphNamesTheFilesSeen() {
        String repository = TestRegistry.uniqueRepository();
        registry.pushLayer(
                repository, "1", "replicas: 2\n".getBytes(StandardCharsets.UTF_8), "text/yaml", "values.yaml");

        assertThatThrownBy(() -> artifacts.fetchDescriptor("oci://" + HOST + "/" + repository + ":1"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("no YAML file with a top-level hdaGraph key")
                .hasMessageContaining("values.yaml");
    }

    @Test
    void pushRefusesDirectoryWithoutDescriptor() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("empty"));
        Files.writeString(dir.resolve("notes.txt"), "nothing");

        assertThatThrownBy(() -> artifacts.push(dir, "oci://" + HOST + "/" + TestRegistry.uniqueRepository()))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("no .yaml or .yml file")
                .hasMessageContaining("notes.txt");
    }

    @Test
    void helmChartPushedByHelmIsReportedAsNotAnHdag() throws Exception {
        String project = "smo-test-" + TestRegistry.uniqueRepository().substring(9);
        Helm chart = Helm.create().withName("demo-chart").withDir(temp).call();
        chart.packageIt().withDestination(temp).call();
        Helm.push()
                .withChart(temp.resolve("demo-chart-0.1.0.tgz"))
                .withRemote(URI.create("oci://" + HOST + "/" + project))
                .plainHttp()
                .call();

        assertThatThrownBy(() -> artifacts.fetchDescriptor("oci://" + HOST + "/" + project + "/demo-chart:0.1.0"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("is a Helm chart")
                .hasMessageContaining("not an HDAG");
    }

    @Test
    void chartShapedTarWithoutHelmConfigIsStillRecognised() throws IOException {
        String repository = TestRegistry.uniqueRepository();
        byte[] tar = TarBuilder.gzip(new TarBuilder()
                .file("demo/Chart.yaml", "apiVersion: v2\nname: demo\nversion: 0.1.0\n")
                .file("demo/values.yaml", "replicaCount: 1\n")
                .bytes());
        registry.pushLayer(repository, "1", tar, ArtifactMediaTypes.TAR_GZIP_LAYER, "demo.tgz");

        assertThatThrownBy(() -> artifacts.fetchDescriptor("oci://" + HOST + "/" + repository + ":1"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("is a Helm chart, not an HDAG")
                .hasMessageContaining("demo/Chart.yaml");
    }

    @Test
    void missingRepositoryQuotesTheRegistry() {
        String reference = "oci://" + HOST + "/" + TestRegistry.uniqueRepository() + ":1.0.0";

        assertThatThrownBy(() -> artifacts.fetchDescriptor(reference))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("NAME_UNKNOWN: repository name not known to registry")
                .satisfies(e -> assertThat(((ArtifactException) e).reference()).isEqualTo(reference));
    }

    @Test
    void missingRepositoryWithoutTagQuotesTheRegistry() {
        assertThatThrownBy(() -> artifacts.fetchDescriptor("http://" + HOST + "/" + TestRegistry.uniqueRepository()))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("listing the tags")
                .hasMessageContaining("NAME_UNKNOWN");
    }

    @Test
    void missingTagQuotesTheRegistryAndListsTags() throws IOException {
        String repository = TestRegistry.uniqueRepository();
        artifacts.push(TestRegistry.writeHdagDirectory(temp, DESCRIPTOR), "oci://" + HOST + "/" + repository);

        assertThatThrownBy(() -> artifacts.fetchDescriptor("oci://" + HOST + "/" + repository + ":9.9.9"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("MANIFEST_UNKNOWN: manifest unknown")
                .hasMessageContaining("[1.0.0]");
    }

    @Test
    void registryDownFailsFastWithoutHanging() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        long start = System.nanoTime();

        assertThatThrownBy(() -> artifacts.fetchDescriptor("http://127.0.0.1:" + port + "/test/graph:1.0.0"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("cannot be reached");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void registryThatNeverAnswersTimesOut() throws IOException {
        List<Socket> accepted = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
                OciArtifacts impatient =
                        OciArtifacts.create(TestRegistry.config().withTimeout(Duration.ofMillis(1500)))) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long start = System.nanoTime();

            assertThatThrownBy(() -> impatient.fetchDescriptor(
                            "http://127.0.0.1:" + silent.getLocalPort() + "/test/graph:1.0.0"))
                    .isInstanceOf(ArtifactException.class)
                    .hasMessageContaining("did not finish pulling within 1500 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void malformedReferenceIsAnArtifactException() {
        assertThatThrownBy(() -> artifacts.fetchDescriptor("ftp://" + HOST + "/x"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("unsupported scheme");
        assertThatThrownBy(() -> artifacts.fetchDescriptor("project/name:1.0.0"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("names no registry host");
    }

    @Test
    void pushToDigestIsRefused() throws IOException {
        Path dir = TestRegistry.writeHdagDirectory(temp, DESCRIPTOR);

        assertThatThrownBy(() -> artifacts.push(dir, "oci://" + HOST + "/a/b@sha256:" + "0".repeat(64)))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("Cannot push to a digest");
    }

    @Test
    void pushWithoutTagOrVersionIsRefused() throws IOException {
        Path dir = TestRegistry.writeHdagDirectory(temp, DESCRIPTOR.replace("  version: \"1.0.0\"\n", ""));

        assertThatThrownBy(() -> artifacts.push(dir, "oci://" + HOST + "/" + TestRegistry.uniqueRepository()))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("no hdaGraph.version");
    }

    private static String manifestLayerDigest(PushedArtifact pushed) {
        land.oras.Registry oras =
                land.oras.Registry.builder().withInsecure(true).build();
        try {
            return oras.getManifest(land.oras.ContainerRef.parse(
                            HOST + "/" + pushed.reference().repository() + ":"
                                    + pushed.reference().tag()))
                    .getLayers()
                    .get(0)
                    .getDigest();
        } finally {
            oras.getExecutorService().shutdownNow();
        }
    }
}
