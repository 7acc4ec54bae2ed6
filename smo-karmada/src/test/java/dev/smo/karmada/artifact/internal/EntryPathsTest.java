package dev.smo.karmada.artifact.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryPathsTest {

    @Test
    void safeNameDropsDotAndEmptySegments() {
        assertThat(EntryPaths.safeName("./hdag//hdag.yaml")).isEqualTo("hdag/hdag.yaml");
        assertThat(EntryPaths.safeName("hdag/")).isEqualTo("hdag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../../x", "/etc/passwd", "\\evil", "C:/x", "a\\..\\x", "a/..", "x\0y"})
    void safeNameRefusesEscapes(String name) {
        assertThatThrownBy(() -> EntryPaths.safeName(name)).isInstanceOf(UnsafeArtifactException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "hdag/link, target.yaml, true, true",
        "hdag/link, ../hdag.yaml, true, true",
        "hdag/link, ../../etc/passwd, true, false",
        "link, /etc/passwd, true, false",
        "hdag/link, hdag/file, false, true",
        "hdag/link, ../file, false, false"
    })
    void staysInsideResolvesFromTheRightDirectory(String entry, String target, boolean symbolic, boolean inside) {
        assertThat(EntryPaths.staysInside(entry, target, symbolic)).isEqualTo(inside);
    }
}
