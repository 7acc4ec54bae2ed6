package dev.smo.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreferTest {

    @ParameterizedTest(name = "[{0}] → {1} s")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL | 0",
                "'' | 0",
                "wait=10 | 10",
                "WAIT = 5 | 5",
                "respond-async, wait=3 | 3",
                "wait=\"7\" | 7",
                "wait=600 | 60",
                "wait=-1 | 0",
                "wait=abc | 0",
                "waiting=9 | 0",
                "respond-async | 0",
                "handling=lenient; wait=2 | 2"
            })
    void waitIsReadLikeRfc7240(String header, long seconds) {
        assertThat(Prefer.waitOf(header)).isEqualTo(Duration.ofSeconds(seconds));
    }
}
