package dev.smo.karmada.artifact;

import static dev.smo.karmada.artifact.TestRegistry.DESCRIPTOR;
import static dev.smo.karmada.artifact.TestRegistry.HOST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.ArtifactException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile artifacts pushed raw to the real registry are refused while streaming, and nothing lands on disk. */
@Timeout(60)
class HostileArtifactsIT {

    private static final String EVIL = "smo-evil-" + UUID.randomUUID();
    private static final String GZIP = ArtifactMediaTypes.TAR_GZIP_LAYER;
    private static final String TAR = "application/vnd.oci.image.layer.v1.tar";

    private static OciArtifacts artifacts;
    private static TestRegistry registry;

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

    /** Each case: a name, the layer bytes, its media type and title, and what the error must say. */
    static Stream<Arguments> hostileLayers() {
        return Stream.of(
                hostile(
                        "parent traversal",
                        tar(t -> t.file("hdag/../../" + EVIL, "x").file("hdag/hdag.yaml", DESCRIPTOR)),
                        TAR,
                        "hdag.tar",
                        "'..' segment"),
                hostile(
                        "absolute path",
                        tar(t -> t.file("/tmp/" + EVIL, "x").file("hdag/hdag.yaml", DESCRIPTOR)),
                        TAR,
                        "hdag.tar",
                        "absolute path"),
                hostile(
                        "symlink out by absolute target",
                        gzTar(t -> t.symlink("hdag/passwd.yaml", "/etc/passwd").file("hdag/hdag.yaml", DESCRIPTOR)),
                        GZIP,
                        "hdag.tar.gz",
                        "symbolic link to (/etc/passwd), outside the artifact"),
                hostile(
                        "symlink out by relative target",
                        gzTar(t -> t.symlink("hdag/up", "../../" + EVIL).file("hdag/hdag.yaml", DESCRIPTOR)),
                        GZIP,
                        "hdag.tar.gz",
                        "outside the artifact"),
                hostile(
                        "hardlink out",
                        gzTar(t ->
                                t.hardlink("hdag/shadow.yaml", "../etc/shadow").file("hdag/hdag.yaml", DESCRIPTOR)),
                        GZIP,
                        "hdag.tar.gz",
                        "hard link to (../etc/shadow)"),
                hostile(
                        "fifo",
                        gzTar(t -> t.fifo("hdag/pipe").file("hdag/hdag.yaml", DESCRIPTOR)),
                        GZIP,
                        "hdag.tar.gz",
                        "device or FIFO"),
                hostile(
                        "gzip bomb of many files",
                        gzTarStreamed(t -> {
                            for (int i = 0; i < 6; i++) {
                                t.zeros("hdag/zeros-" + i + ".bin", 3L << 20);
                            }
                            return t.file("hdag/hdag.yaml", DESCRIPTOR);
                        }),
                        GZIP,
                        "hdag.tar.gz",
                        "unpacks to more than 16777216 bytes"),
                hostile(
                        "gzip bomb as a single stream",
                        TarBuilder.gzippedZeros(40L << 20),
                        "application/gzip",
                        "hdag.yaml.gz",
                        "(maxFileBytes)"),
                hostile(
                        "single file above the per-file bound",
                        gzTarStreamed(t -> t.zeros("hdag/big.yaml", 5L << 20)),
                        GZIP,
                        "hdag.tar.gz",
                        "holds more than 4194304 bytes (maxFileBytes)"),
                hostile(
                        "too many files",
                        gzTar(t -> {
                            for (int i = 0; i < 1001; i++) {
                                t.file("hdag/f" + i + ".txt", "");
                            }
                            return t.file("hdag/hdag.yaml", DESCRIPTOR);
                        }),
                        GZIP,
                        "hdag.tar.gz",
                        "more than 1000 entries (maxFiles)"),
                hostile(
                        "layer title climbing out",
                        DESCRIPTOR.getBytes(StandardCharsets.UTF_8),
                        ArtifactMediaTypes.HDAG_DESCRIPTOR_LAYER,
                        "../" + EVIL + ".yaml",
                        "'..' segment"),
                hostile(
                        "absolute layer title",
                        DESCRIPTOR.getBytes(StandardCharsets.UTF_8),
                        ArtifactMediaTypes.HDAG_DESCRIPTOR_LAYER,
                        "/tmp/" + EVIL + ".yaml",
                        "absolute path"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLayers")
    void hostileLayerIsRefused(String name, byte[] layer, String mediaType, String title, String problem) {
        String repository = TestRegistry.uniqueRepository();
        registry.pushLayer(repository, "1.0.0", layer, mediaType, title);

        assertThatThrownBy(() -> artifacts.fetchDescriptor("oci://" + HOST + "/" + repository + ":1.0.0"))
                .isInstanceOf(ArtifactException.class)
                .hasMessageContaining("refused")
                .hasMessageContaining(problem);
        assertNothingEscaped();
    }

    @Test
    void linkInsideTheArtifactIsSkippedNotFollowed() {
        String repository = TestRegistry.uniqueRepository();
        byte[] layer = gzTar(t -> t.symlink("hdag/a-link.yaml", "hdag.yaml").file("hdag/hdag.yaml", DESCRIPTOR));
        registry.pushLayer(repository, "1.0.0", layer, GZIP, "hdag.tar.gz");

        assertThat(artifacts.fetchDescriptor("oci://" + HOST + "/" + repository + ":1.0.0"))
                .isEqualTo(DESCRIPTOR);
    }

    @Test
    void plainUntitledYamlLayerIsRead() {
        String repository = TestRegistry.uniqueRepository();
        registry.pushLayer(repository, "1.0.0", DESCRIPTOR.getBytes(StandardCharsets.UTF_8), "application/yaml", null);

        assertThat(artifacts.fetchDescriptor("oci://" + HOST + "/" + repository + ":1.0.0"))
                .isEqualTo(DESCRIPTOR);
    }

    @Test
    void declaredSizeAboveLimitIsRefusedBeforeDownload() {
        String repository = TestRegistry.uniqueRepository();
        registry.pushLayer(
                repository, "1.0.0", DESCRIPTOR.getBytes(StandardCharsets.UTF_8), "application/yaml", "hdag.yaml");
        try (OciArtifacts tiny = OciArtifacts.create(
                TestRegistry.config().withLimits(ArtifactLimits.DEFAULT.withMaxArtifactBytes(100)))) {

            assertThatThrownBy(() -> tiny.fetchDescriptor("oci://" + HOST + "/" + repository + ":1.0.0"))
                    .isInstanceOf(ArtifactException.class)
                    .hasMessageContaining("above the limits")
                    .hasMessageContaining("nothing downloaded");
        }
    }

    private static void assertNothingEscaped() {
        Path cwd = Path.of("").toAbsolutePath();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        for (Path dir : new Path[] {cwd, cwd.getParent(), tmp, Path.of("/tmp"), Path.of("/")}) {
            assertThat(dir.resolve(EVIL)).doesNotExist();
            assertThat(dir.resolve(EVIL + ".yaml")).doesNotExist();
        }
    }

    private static Arguments hostile(String name, byte[] layer, String mediaType, String title, String problem) {
        return Arguments.of(name, layer, mediaType, title, problem);
    }

    private static byte[] tar(Function<TarBuilder, TarBuilder> entries) {
        return entries.apply(new TarBuilder()).bytes();
    }

    private static byte[] gzTar(Function<TarBuilder, TarBuilder> entries) {
        return TarBuilder.gzip(tar(entries));
    }

    private static byte[] gzTarStreamed(Function<TarBuilder, TarBuilder> entries) {
        return entries.apply(new TarBuilder(true)).bytes();
    }
}
