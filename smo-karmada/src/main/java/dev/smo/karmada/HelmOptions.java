package dev.smo.karmada;

import java.time.Duration;
import java.util.Objects;

/**
 * How the deployer runs Helm.
 *
 * @param timeout how long Helm may wait for resources and hooks (Helm's {@code --timeout}); also bounds
 *        each Helm call as a whole (plus one minute), and how long an uninstall waits for Karmada to delete the
 *        release's PropagationPolicies
 * @param waitReady wait until the release's resources are ready (Helm's {@code --wait}); never succeeds against a
 *        karmada-apiserver, where Deployments have no ReplicaSets (no deployment controller runs there), so leave
 *        it off for Karmada
 * @param openApiValidation validate manifests against the API server's OpenAPI schema (off only for API
 *        servers that do not serve {@code /openapi/v2}, such as test mocks)
 * @param retry retries of transient failures
 * @param waitApplied after Helm, wait (up to {@code timeout}) until Karmada has scheduled each of the release's
 *        Deployments and applied it to its clusters (ResourceBinding {@code FullyApplied: True}), and fail with
 *        Karmada's reason when it refuses to schedule one ({@code Scheduled: False}); needs
 *        {@code get} on {@code resourcebindings.work.karmada.io}
 */
public record HelmOptions(
        Duration timeout, boolean waitReady, boolean openApiValidation, RetryPolicy retry, boolean waitApplied) {

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
     * Options that do not wait for Karmada to apply the release.
     *
     * @param timeout Helm's timeout
     * @param waitReady Helm's {@code --wait}
     * @param openApiValidation schema validation
     * @param retry retries of transient failures
     */
    public HelmOptions(Duration timeout, boolean waitReady, boolean openApiValidation, RetryPolicy retry) {
        this(timeout, waitReady, openApiValidation, retry, false);
    }

    /**
     * @param waitApplied whether to wait until Karmada applied the release's Deployments
     * @return a copy with this setting
     */
    public HelmOptions withWaitApplied(boolean waitApplied) {
        return new HelmOptions(timeout, waitReady, openApiValidation, retry, waitApplied);
    }

    /**
     * @param timeout Helm's timeout, at least one second
     * @return a copy with this timeout
     */
    public HelmOptions withTimeout(Duration timeout) {
        return new HelmOptions(timeout, waitReady, openApiValidation, retry, waitApplied);
    }

    /**
     * @param waitReady whether Helm waits for readiness
     * @return a copy with this setting
     */
    public HelmOptions withWaitReady(boolean waitReady) {
        return new HelmOptions(timeout, waitReady, openApiValidation, retry, waitApplied);
    }

    /**
     * @param openApiValidation whether Helm validates manifests against the server's schema
     * @return a copy with this setting
     */
    public HelmOptions withOpenApiValidation(boolean openApiValidation) {
        return new HelmOptions(timeout, waitReady, openApiValidation, retry, waitApplied);
    }

    /**
     * @param retry the retry policy
     * @return a copy with this policy
     */
    public HelmOptions withRetry(RetryPolicy retry) {
        return new HelmOptions(timeout, waitReady, openApiValidation, retry, waitApplied);
    }
}
