package dev.smo.karmada.internal;

import dev.smo.karmada.RetryPolicy;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.Predicate;

/** Runs an attempt again after transient failures, waiting as the {@link RetryPolicy} says. */
final class Retrier {

    private static final System.Logger LOG = System.getLogger(Retrier.class.getName());

    /** One try of the operation. */
    @FunctionalInterface
    interface Attempt<T, E extends Exception> {
        T run() throws E;
    }

    /** Waits between attempts (replaced in tests). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    Retrier(RetryPolicy policy) {
        this(policy, duration -> Thread.sleep(duration.toMillis()));
    }

    Retrier(RetryPolicy policy, Sleeper sleeper) {
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * @param attempt the operation
     * @param isTransient which failures are worth another attempt
     * @return the first successful result
     * @throws E the last failure, when it is not transient or the attempts are used up
     */
    @SuppressWarnings("unchecked")
    <T, E extends Exception> T call(Attempt<T, E> attempt, Predicate<Exception> isTransient) throws E {
        for (int failed = 0; ; ) {
            try {
                return attempt.run();
            } catch (Exception e) {
                failed++;
                if (failed >= policy.maxAttempts() || !isTransient.test(e)) {
                    if (e instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (E) e;
                }
                Duration wait = policy.backoff(failed);
                LOG.log(
                        Level.INFO,
                        "Attempt {0} of {1} failed ({2}); retrying in {3} ms.",
                        failed,
                        policy.maxAttempts(),
                        e.getMessage(),
                        wait.toMillis());
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    e.addSuppressed(interrupted);
                    if (e instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (E) e;
                }
            }
        }
    }
}
