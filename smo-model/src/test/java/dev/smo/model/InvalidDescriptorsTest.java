package dev.smo.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One invalid descriptor per rule in smo-examples/invalid, each next to the exact violations expected. */
class InvalidDescriptorsTest {

    static Stream<Arguments> invalidDescriptors() throws IOException {
        try (Stream<Path> files = Files.list(Examples.INVALID)) {
            List<Path> descriptors = files.filter(file -> !file.toString().endsWith(".expected.txt"))
                    .sorted()
                    .toList();
            return descriptors.stream()
                    .map(file -> Arguments.of(file.getFileName().toString(), file));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDescriptors")
    void reportsExactlyTheExpectedViolations(String name, Path file) throws IOException {
        String expected =
                Files.readString(file.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".expected.txt"));

        InvalidDescriptorException thrown =
                catchThrowableOfType(InvalidDescriptorException.class, () -> Descriptors.parse(file));

        assertThat(thrown).as("%s must be refused", name).isNotNull();
        String actual = thrown.violations().stream().map(Violation::format).collect(Collectors.joining("\n"));
        assertThat(actual).isEqualTo(expected.strip());
    }

    @Test
    void coversEveryRuleWithAtLeastForty() throws IOException {
        assertThat(invalidDescriptors()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void reportsEveryProblemAtOnceInSourceOrder() {
        InvalidDescriptorException thrown = catchThrowableOfType(
                InvalidDescriptorException.class,
                () -> Descriptors.parse(Examples.INVALID.resolve("several-problems.yaml")));

        assertThat(thrown.violations()).extracting(Violation::line).containsExactly(2, 11, 11, 14, 18);
        assertThat(thrown.getMessage()).startsWith("The descriptor has 5 problems:\n/hdaGraph/id (2:7): Graph id");
    }
}
