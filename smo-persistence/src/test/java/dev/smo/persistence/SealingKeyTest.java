package dev.smo.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealingKeyTest {

    @TempDir
    Path home;

    @Test
    void keyFileIsGeneratedOwnerOnlyAndKept() throws Exception {
        Path file = home.resolve("secrets/sealing.key");

        SealingKey first = SealingKey.fromFile(file);
        SealingKey second = SealingKey.fromFile(file);

        assertThat(first).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(first.toString()).isEqualTo("SealingKey[***]");
        assertThat(SealingKey.fromFile(home.resolve("other.key"))).isNotEqualTo(first);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(
            strings = {"", "not base64 !", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void anythingButThirtyTwoBytesIsRefused(String text) {
        assertThatThrownBy(() -> SealingKey.fromBase64(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
