package dev.smo.karmada.internal;

import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Waits until Karmada has let go of a release's deleted PropagationPolicies. Karmada's webhook puts the finalizer
 * {@code karmada.io/propagation-policy-controller} on every policy, so a delete only sets
 * {@code metadata.deletionTimestamp}; the policy goes once Karmada's controller has cleaned up and removed the
 * finalizer. Installing the release again before that would make Helm adopt the terminating policy, and the new
 * workload would be left unpropagated when it disappears.
 */
final class PolicyDeletion {

    static final KubeResource POLICIES = new KubeResource("policy.karmada.io", "v1alpha1", "propagationpolicies");

    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final KubeApi api;
    private final Duration timeout;
    private final Retrier.Sleeper sleeper;

    PolicyDeletion(KubeApi api, Duration timeout) {
        this(api, timeout, d -> Thread.sleep(d.toMillis()));
    }

    PolicyDeletion(KubeApi api, Duration timeout, Retrier.Sleeper sleeper) {
        this.api = api;
        this.timeout = timeout;
        this.sleeper = sleeper;
    }

    /**
     * @param namespace the release's namespace
     * @param release the release
     * @throws DeployFailure when a policy of the release is still terminating after the timeout, or the API server
     *     refuses the list
     */
    void await(String namespace, String release) throws DeployFailure {
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration poll = FIRST_POLL;
        while (true) {
            List<String> terminating = terminating(namespace, release);
            if (terminating.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new DeployFailure(
                        "PropagationPolicy " + terminating + " of release (" + release + ") in namespace (" + namespace
                                + ") is still being deleted after " + timeout.toSeconds() + " s: Karmada has not "
                                + "removed its finalizer, so the release cannot be installed again yet.\nMaybe check "
                                + "that karmada-controller-manager is running, or retry later.",
                        false,
                        null);
            }
            try {
                sleeper.sleep(poll);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeployFailure("Interrupted while waiting for Karmada to delete " + terminating, false, e);
            }
            poll = poll.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : poll.multipliedBy(2);
        }
    }

    /** @return the names and finalizers of the release's policies that are being deleted */
    private List<String> terminating(String namespace, String release) throws DeployFailure {
        List<Map<String, Object>> items;
        try {
            items = api.list(POLICIES, namespace, null);
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return List.of(); // no Karmada policies served here
            }
            throw new DeployFailure(
                    "Cannot list " + POLICIES + " in namespace (" + namespace + "): " + ApiErrors.describe(e),
                    ApiErrors.isTransient(e),
                    e);
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> item : items) {
            Map<String, Object> annotations = Json.map(item, "metadata", "annotations");
            if (release.equals(annotations.get("meta.helm.sh/release-name"))
                    && namespace.equals(annotations.get("meta.helm.sh/release-namespace"))
                    && Json.string(item, "metadata", "deletionTimestamp") != null) {
                out.add(Json.string(item, "metadata", "name") + " (finalizers: "
                        + Json.list(item, "metadata", "finalizers") + ")");
            }
        }
        return out;
    }
}
