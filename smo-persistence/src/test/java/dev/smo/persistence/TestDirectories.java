package dev.smo.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Per-run directories under {@code target/embedded-pg}. */
final class TestDirectories {

    private TestDirectories() {}

    /** @return a path that does not exist yet, under {@code target/embedded-pg} */
    static Path fresh(String purpose) {
        return Path.of(
                        "target",
                        "embedded-pg",
                        purpose + "-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
