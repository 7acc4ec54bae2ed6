package dev.smo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class HostileInputTest {

    @Test
    void refusesDocumentsOverTheSizeLimitBeforeParsing() {
        String big = Descriptor.withCompute("{cpu: small}") + "#" + "x".repeat(1024 * 1024) + "\n";

        assertThat(messageOf(() -> Descriptors.parse(big)))
                .startsWith("/ (1:1): The descriptor is " + big.length() + " bytes, above the limit of 1048576 bytes.");
        assertThat(messageOf(() -> Descriptors.parse(big.getBytes(StandardCharsets.UTF_8))))
                .contains("above the limit of 1048576 bytes");
    }

    @Test
    void sizeLimitIsConfigurable() {
        String text = Descriptor.withCompute("{cpu: small}");

        assertThat(messageOf(
                        () -> Descriptors.parse(text, ParseOptions.defaults().withMaxBytes(100))))
                .contains("above the limit of 100 bytes");
        assertThat(Descriptors.parse(text, ParseOptions.defaults().withMaxBytes(text.length()))
                        .id())
                .isEqualTo("demo");
    }

    @Test
    void refusesMoreThanFiftyAliasesToCollections() {
        StringBuilder text = new StringBuilder("x: &x [1]\ny: [");
        for (int i = 0; i < 51; i++) {
            text.append(i == 0 ? "" : ", ").append("*x");
        }
        text.append("]\n");

        assertThat(messageOf(() -> Descriptors.parse(text.toString())))
                .contains("The descriptor uses more than 50 aliases to mappings or lists.");
    }

    @Test
    void refusesABillionLaughs() {
        StringBuilder text = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char level = 'b'; level <= 'f'; level++) {
            String previous = "*" + (char) (level - 1);
            text.append(level)
                    .append(": &")
                    .append(level)
                    .append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(10, previous)))
                    .append("]\n");
        }

        assertThat(messageOf(() -> Descriptors.parse(text.toString())))
                .contains("The descriptor expands to more than 100000 values");
    }

    @Test
    void refusesDeepNestingInJsonAndYaml() {
        String json = "{\"hdaGraph\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
        String yaml = "hdaGraph: " + "{a: ".repeat(70) + "1" + "}".repeat(70);

        assertThat(messageOf(() -> Descriptors.parse(json))).contains("nests deeper than 64 levels");
        assertThat(messageOf(() -> Descriptors.parse(yaml))).contains("nests deeper than 64 levels");
    }

    @Test
    void refusesInvalidUtf8WithItsPosition() {
        byte[] bytes = "hdaGraph:\n  id: d\u00e9mo\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(messageOf(() -> Descriptors.parse(bytes)))
                .isEqualTo("/ (2:8): The descriptor is not valid UTF-8: byte (0xe9) at offset (17) cannot be decoded.\n"
                        + "  Maybe save the file as UTF-8.");
    }

    @Test
    void refusesControlCharactersAndOddTokens() {
        assertThat(messageOf(() -> Descriptors.parse("hdaGraph:\n  id: \u0001\n")))
                .contains("not valid YAML");
        assertThat(messageOf(() -> Descriptors.parse("hdaGraph: !!binary AAAA\n")))
                .isNotEmpty();
        assertThat(messageOf(() -> Descriptors.parse("? [a, b]\n: c\n"))).isNotEmpty();
    }

    @Test
    void refusesNumbersBeyondTheRangeOfADouble() {
        String text = Descriptor.withCompute("{cpu: small}")
                .replace(
                        "{ociImage: oci://registry/web}",
                        "{ociImage: oci://registry/web, valuesOverwrite: {a: 1e400}}");

        assertThat(messageOf(() -> Descriptors.parse(text)))
                .isEqualTo(
                        "/hdaGraph/services/0/artifact/valuesOverwrite/a (5:69): Number (1e400) is out of the range of a double.\n"
                                + "  Maybe quote it to keep it as text.");
    }

    @Test
    void refusesAnEmptyString() {
        assertThat(messageOf(() -> Descriptors.parse(""))).startsWith("/ (1:1): The descriptor is empty.");
        assertThat(messageOf(() -> Descriptors.parse(new byte[0]))).contains("The descriptor is empty.");
    }

    @Test
    void refusesAMissingFileWithAViolation() {
        assertThat(messageOf(() -> Descriptors.parse(Examples.ROOT.resolve("no-such-file.yaml"))))
                .contains("cannot be read: NoSuchFileException");
    }

    private static String messageOf(Runnable parse) {
        InvalidDescriptorException thrown = catchThrowableOfType(InvalidDescriptorException.class, parse::run);
        assertThat(thrown).as("must throw InvalidDescriptorException").isNotNull();
        return String.join(
                "\n", thrown.violations().stream().map(Violation::format).toList());
    }
}
