package dev.smo.karmada;

import java.time.Duration;
import java.util.Objects;

/**
 * How the deployer runs Helm.
 *
 * @param timeout how long Helm may wait for resources and hooks (Helm's {@code --timeout}); also bounds
 *        each Helm call as a whole (plus one minute)
 * @param waitReady wait until the release's resources are ready (Helm's {@code --wait}); needs Karmada to
 *        aggregate the members' status into the resource templates
 * @param openApiValidation validate manifests against the API server's OpenAPI schema (off only for API
 *        servers that do not serve {@code /openapi/v2}, such as test mocks)
 * @param retry retries of transient failures
 */
public record HelmOptions(Duration timeout, boolean waitReady, boolean openApiValidation, RetryPolicy retry) {

    /** Five-minute timeout, no wait, schema validation on, {@link RetryPolicy#DEFAULT}. */
    public static final HelmOptions DEFAULT = new HelmOptions(Duration.ofMinutes(5), false, true, RetryPolicy.DEFAULT);

    public HelmOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retry, "retry");
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "The Helm timeout (" + timeout + ") must be between 1 s and " + Integer.MAX_VALUE + " s.");
        }
    }

    /**
     * @param timeout Helm's timeout, at least one second
     * @return a copy with this timeout
     */
    public HelmOptions withTimeout(Duration timeout) {
        return new HelmOptions(timeout, waitReady, openApiValidation, retry);
    }

    /**
     * @param waitReady whether Helm waits for readiness
     * @return a copy with this setting
     */
    public HelmOptions withWaitReady(boolean waitReady) {
        return new HelmOptions(timeout, waitReady, openApiValidation, retry);
    }

    /**
     * @param openApiValidation whether Helm validates manifests against the server's schema
     * @return a copy with this setting
     */
    public HelmOptions withOpenApiValidation(boolean openApiValidation) {
        return new HelmOptions(timeout, waitReady, openApiValidation, retry);
    }

    /**
     * @param retry the retry policy
     * @return a copy with this policy
     */
    public HelmOptions withRetry(RetryPolicy retry) {
        return new HelmOptions(timeout, waitReady, openApiValidation, retry);
    }
}
