package dev.smo.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    private static final List<String> IDS = List.of("noise-reduction", "image-detection", "image-compression-vo");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "nose-reduction, noise-reduction",
        "image-detecton, image-detection",
        "imaeg-detection, image-detection",
        "Noise-Reduction, noise-reduction",
        "video, ''",
        "image, ''"
    })
    void suggestsTheNearestIdWhenClose(String name, String expected) {
        assertThat(Names.nearest(name, IDS).orElse("")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Video_Service, video-service", "--Web--, web", "a.b.c, a-b-c"})
    void turnsNamesIntoDns1123Labels(String name, String label) {
        assertThat(Names.toDns1123Label(name, 53)).isEqualTo(label);
        assertThat(Names.isDns1123Label(label, 53)).isTrue();
    }
}
