package dev.smo.karmada.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.karmada.artifact.ArtifactReference.Transport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArtifactReferenceTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    static Stream<Arguments> validReferences() {
        return Stream.of(
                Arguments.of(
                        "oci://127.0.0.1:5000/test/graph:1.0.0",
                        new ArtifactReference(Transport.CONFIGURED, "127.0.0.1:5000", "test/graph", "1.0.0", null)),
                Arguments.of(
                        "127.0.0.1:5000/test/graph:1.0.0",
                        new ArtifactReference(Transport.CONFIGURED, "127.0.0.1:5000", "test/graph", "1.0.0", null)),
                Arguments.of(
                        "http://10.0.3.53:5000/test/image-detection-graph",
                        new ArtifactReference(
                                Transport.PLAIN_HTTP, "10.0.3.53:5000", "test/image-detection-graph", null, null)),
                Arguments.of(
                        "https://registry.example.com/a/b/c:v2",
                        new ArtifactReference(Transport.TLS, "registry.example.com", "a/b/c", "v2", null)),
                Arguments.of(
                        "oci://localhost:5000/x/y@" + DIGEST,
                        new ArtifactReference(Transport.CONFIGURED, "localhost:5000", "x/y", null, DIGEST)),
                Arguments.of(
                        "localhost/x/y:1@" + DIGEST,
                        new ArtifactReference(Transport.CONFIGURED, "localhost", "x/y", "1", DIGEST)),
                Arguments.of(
                        "  OCI://host.io/p/n/  ",
                        new ArtifactReference(Transport.CONFIGURED, "host.io", "p/n", null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validReferences")
    void parseAcceptsEveryDocumentedForm(String text, ArtifactReference expected) {
        assertThat(ArtifactReference.parse(text)).isEqualTo(expected);
    }

    static Stream<Arguments> invalidReferences() {
        return Stream.of(
                Arguments.of("ftp://host/p/n", "unsupported scheme"),
                Arguments.of("oci://host.io", "names no repository"),
                Arguments.of("project/name:1.0.0", "names no registry host"),
                Arguments.of("oci://host.io/Upper/Case", "not a valid OCI repository name"),
                Arguments.of("oci://host.io/p/n:bad tag", "not a valid OCI tag"),
                Arguments.of("oci://host.io/p/n@sha256:xyz", "not an algorithm:hex digest"),
                Arguments.of("oci://host.io/p/../n", "not a valid OCI repository name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidReferences")
    void parseRejectsMalformedReferenceNamingThePart(String text, String problem) {
        assertThatThrownBy(() -> ArtifactReference.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void toStringRoundTripsThroughParse() {
        for (String text : new String[] {"oci://h.io/a/b:1", "http://h:5000/a/b", "https://h.io/a/b@" + DIGEST}) {
            assertThat(ArtifactReference.parse(text)).hasToString(text);
            assertThat(ArtifactReference.parse(ArtifactReference.parse(text).toString()))
                    .isEqualTo(ArtifactReference.parse(text));
        }
    }

    @Test
    void configDecidesPlainHttpPerHostUnlessSchemeSays() {
        ArtifactConfig config = ArtifactConfig.defaults().withPlainHttpHosts("Registry.Local", "127.0.0.1:5000");

        assertThat(config.isPlainHttp(ArtifactReference.parse("oci://registry.local:5000/a/b")))
                .isTrue();
        assertThat(config.isPlainHttp(ArtifactReference.parse("oci://127.0.0.1:5000/a/b")))
                .isTrue();
        assertThat(config.isPlainHttp(ArtifactReference.parse("oci://127.0.0.1:5001/a/b")))
                .isFalse();
        assertThat(config.isPlainHttp(ArtifactReference.parse("https://127.0.0.1:5000/a/b")))
                .isFalse();
        assertThat(config.isPlainHttp(ArtifactReference.parse("http://other.io/a/b")))
                .isTrue();
        assertThat(config.withPlainHttp(true).isPlainHttp(ArtifactReference.parse("oci://other.io/a/b")))
                .isTrue();
    }

    @Test
    void credentialsAreLookedUpByHostAndPortThenHost() {
        ArtifactConfig config = ArtifactConfig.defaults()
                .withCredentials("reg.io", RegistryCredentials.of("any", "p1"))
                .withCredentials("reg.io:5000", RegistryCredentials.of("exact", "p2"));

        assertThat(config.credentialsFor("reg.io:5000"))
                .map(RegistryCredentials::username)
                .hasValue("exact");
        assertThat(config.credentialsFor("REG.io:443"))
                .map(RegistryCredentials::username)
                .hasValue("any");
        assertThat(config.credentialsFor("other.io")).isEmpty();
        assertThat(RegistryCredentials.of("u", "secret").toString()).doesNotContain("secret");
    }

    @Test
    void limitsRejectNonPositiveBounds() {
        assertThatThrownBy(() -> ArtifactLimits.DEFAULT.withMaxFiles(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFiles (0)");
    }
}
