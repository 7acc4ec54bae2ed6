package dev.smo.karmada.internal;

import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Waits until Karmada has applied a release's Deployments to their member clusters: the ResourceBinding Karmada
 * makes for each ({@code work.karmada.io/v1alpha2}, named {@code <name>-deployment}, in the same namespace) has
 * been scheduled for its current generation and has the condition {@code FullyApplied: True}. A
 * {@code Scheduled: False} condition (e.g. {@code NoClusterFit}: every cluster tainted or too small) fails at once
 * with Karmada's reason and message; anything else still pending at the timeout fails with what was last seen.
 */
final class KarmadaApplied {

    static final KubeResource BINDINGS = new KubeResource("work.karmada.io", "v1alpha2", "resourcebindings");

    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration LONGEST_POLL = Duration.ofSeconds(2);

    private final KubeApi api;
    private final Duration timeout;

    KarmadaApplied(KubeApi api, Duration timeout) {
        this.api = api;
        this.timeout = timeout;
    }

    /**
     * @param namespace the release's namespace
     * @param release the release
     * @throws DeployFailure when Karmada refused to schedule a Deployment, or did not apply it in time
     */
    void await(String namespace, String release) throws DeployFailure {
        List<String> deployments = deployments(namespace, release);
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration poll = FIRST_POLL;
        while (true) {
            Map<String, String> pending = new LinkedHashMap<>();
            for (String deployment : deployments) {
                String state = state(namespace, deployment);
                if (state != null) {
                    pending.put(deployment, state);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new DeployFailure(
                        "Karmada has not applied release (" + release + ") in namespace (" + namespace + ") after "
                                + timeout.toSeconds() + " s: " + pending + "\nMaybe check the member clusters and "
                                + "karmada-scheduler / karmada-controller-manager.",
                        false,
                        null);
            }
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeployFailure("Interrupted while waiting for Karmada to apply " + pending, false, e);
            }
            poll = poll.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : poll.multipliedBy(2);
        }
    }

    /** @return what is still missing for the Deployment, or {@code null} when Karmada applied it */
    private String state(String namespace, String deployment) throws DeployFailure {
        String binding = (deployment + "-deployment").toLowerCase(Locale.ROOT);
        Map<String, Object> rb;
        try {
            rb = api.get(BINDINGS, namespace, binding);
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return "no ResourceBinding (" + binding + ") yet";
            }
            throw failure("read ResourceBinding (" + binding + ")", e);
        }
        Object scheduled = condition(rb, "Scheduled");
        if (scheduled != null && "False".equals(Json.string(scheduled, "status"))) {
            throw new DeployFailure(
                    "Karmada did not schedule Deployment (" + deployment + ") in namespace (" + namespace + "): "
                            + Json.string(scheduled, "reason") + ": " + Json.string(scheduled, "message"),
                    false,
                    null);
        }
        long generation = Json.integer(rb, 0, "metadata", "generation");
        long observed = Json.integer(rb, 0, "status", "schedulerObservedGeneration");
        if (scheduled == null || !"True".equals(Json.string(scheduled, "status")) || observed < generation) {
            return "not scheduled yet";
        }
        Object applied = condition(rb, "FullyApplied");
        if (applied == null || !"True".equals(Json.string(applied, "status"))) {
            return "scheduled, not fully applied"
                    + (applied == null
                            ? ""
                            : " (" + Json.string(applied, "reason") + ": " + Json.string(applied, "message") + ")");
        }
        return null;
    }

    private static Object condition(Map<String, Object> binding, String type) {
        for (Object c : Json.list(binding, "status", "conditions")) {
            if (type.equals(Json.string(c, "type"))) {
                return c;
            }
        }
        return null;
    }

    private List<String> deployments(String namespace, String release) throws DeployFailure {
        try {
            return api.list(KubeResource.DEPLOYMENTS, namespace, null).stream()
                    .filter(d -> release.equals(
                            Json.map(d, "metadata", "annotations").get("meta.helm.sh/release-name")))
                    .map(d -> Json.string(d, "metadata", "name"))
                    .toList();
        } catch (ApiException e) {
            throw failure("list the Deployments of release (" + release + ")", e);
        }
    }

    private static DeployFailure failure(String what, ApiException e) {
        return new DeployFailure("Cannot " + what + ": " + ApiErrors.describe(e), ApiErrors.isTransient(e), e);
    }
}
