package dev.smo.karmada.artifact.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TagResolverTest {

    @Test
    void latestWinsWhenPresent() {
        assertThat(TagResolver.choose(List.of("1.0.0", "latest", "2.0.0"))).hasValue("latest");
    }

    @Test
    void highestSemanticVersionWinsNumerically() {
        assertThat(TagResolver.choose(List.of("1.2.0", "1.10.0", "1.9.9", "v1.3.0")))
                .hasValue("1.10.0");
    }

    @Test
    void releaseRanksAbovePreRelease() {
        assertThat(TagResolver.choose(List.of("2.0.0-rc.2", "2.0.0", "2.0.0-rc.10")))
                .hasValue("2.0.0");
        assertThat(TagResolver.choose(List.of("2.0.0-rc.2", "2.0.0-rc.10", "2.0.0-beta")))
                .hasValue("2.0.0-rc.10");
    }

    @Test
    void nonSemanticTagsAreIgnored() {
        assertThat(TagResolver.choose(List.of("stable", "main", "1.0"))).isEmpty();
        assertThat(TagResolver.choose(List.of("stable", "0.1.0_build.5"))).hasValue("0.1.0_build.5");
    }
}
