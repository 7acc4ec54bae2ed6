package dev.smo.karmada.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.karmada.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetrierTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Retrier retrier =
            new Retrier(new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(250)), waits::add);

    @Test
    void retryTransientFailuresUntilSuccess() throws IOException {
        AtomicInteger attempts = new AtomicInteger();

        String result = retrier.call(
                () -> {
                    if (attempts.incrementAndGet() < 3) {
                        throw new IOException("connection refused");
                    }
                    return "done";
                },
                e -> e instanceof IOException);

        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void giveUpAfterMaxAttemptsWithLastFailure() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrier.call(
                        () -> {
                            throw new IOException("attempt " + attempts.incrementAndGet());
                        },
                        e -> true))
                .isInstanceOf(IOException.class)
                .hasMessage("attempt 4");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    @Test
    void neverRetryPermanentFailures() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> retrier.call(
                        () -> {
                            attempts.incrementAndGet();
                            throw new IllegalStateException("template error");
                        },
                        e -> e instanceof IOException))
                .isInstanceOf(IllegalStateException.class);
        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @ParameterizedTest(name = "after {0} failures wait {1} ms")
    @CsvSource({"1, 2000", "2, 4000", "3, 8000", "4, 16000", "5, 30000", "40, 30000"})
    void backoffDoublesUpToTheCap(int failed, long millis) {
        assertThat(RetryPolicy.DEFAULT.backoff(failed)).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void policyWithoutRetries() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAttempts (0)");
    }
}
