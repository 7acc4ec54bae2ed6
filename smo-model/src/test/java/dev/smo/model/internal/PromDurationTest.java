package dev.smo.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromDurationTest {

    @ParameterizedTest(name = "{0} -> {1} ms")
    @CsvSource({
        "1m, 60000",
        "30s, 30000",
        "1h30m, 5400000",
        "2d, 172800000",
        "1w, 604800000",
        "1y, 31536000000",
        "500ms, 500",
        "1m30s500ms, 90500",
        "0, 0",
        "0s, 0"
    })
    void parsesPrometheusDurations(String text, long millis) {
        assertThat(PromDuration.parse(text)).contains(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"2 minutes", "1.5m", "-1m", "m", "1M", "30m1h", "1h 30m", "99999999999999999999y", "''"})
    void rejectsMalformedDurations(String text) {
        assertThat(PromDuration.parse(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"90000, 1m30s", "0, 0s", "86400000, 1d", "5400500, 1h30m500ms"})
    void formatsTheShortestText(long millis, String text) {
        assertThat(PromDuration.format(Duration.ofMillis(millis))).isEqualTo(text);
    }
}
