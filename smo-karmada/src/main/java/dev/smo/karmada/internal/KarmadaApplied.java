package dev.smo.karmada.internal;

import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Waits until Karmada has applied a release's Deployments, ServiceExports and ServiceImports to their member
 * clusters: the ResourceBinding Karmada makes for each ({@code work.karmada.io/v1alpha2}, named
 * {@code <name>-<kind>} in lower case, in the same namespace) has been scheduled for its current generation and has
 * the condition {@code FullyApplied: True}. A {@code Scheduled: False} condition (e.g. {@code NoClusterFit}: every
 * cluster tainted, too small, or without the object's API) fails at once with Karmada's reason and message;
 * anything else still pending at the timeout fails with what was last seen. The MCS objects are followed because
 * Karmada's APIEnablement filter refuses them alone on a member without the MCS API, leaving the Deployment
 * applied but its callers on other clusters without a route.
 */
final class KarmadaApplied {

    static final KubeResource BINDINGS = new KubeResource("work.karmada.io", "v1alpha2", "resourcebindings");

    /** The kinds followed, with their resources. */
    private static final Map<String, KubeResource> KINDS = Map.of(
            "Deployment", KubeResource.DEPLOYMENTS,
            "ServiceExport", new KubeResource("multicluster.x-k8s.io", "v1alpha1", "serviceexports"),
            "ServiceImport", new KubeResource("multicluster.x-k8s.io", "v1alpha1", "serviceimports"));

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
        List<String> objects = objects(namespace, release);
        long deadline = System.nanoTime() + timeout.toNanos();
        Duration poll = FIRST_POLL;
        while (true) {
            Map<String, String> pending = new LinkedHashMap<>();
            for (String object : objects) {
                String state = state(namespace, object);
                if (state != null) {
                    pending.put(object, state);
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

    /**
     * @param object {@code Kind/name}
     * @return what is still missing for the object, or {@code null} when Karmada applied it
     */
    private String state(String namespace, String object) throws DeployFailure {
        int slash = object.indexOf('/');
        String binding = (object.substring(slash + 1) + "-" + object.substring(0, slash)).toLowerCase(Locale.ROOT);
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
                    "Karmada did not schedule " + object.substring(0, slash) + " (" + object.substring(slash + 1)
                            + ") in namespace (" + namespace + "): "
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

    /** @return {@code Kind/name} of the release's objects Karmada binds and this class follows */
    private List<String> objects(String namespace, String release) throws DeployFailure {
        List<String> objects = new ArrayList<>();
        for (String kind : List.of("Deployment", "ServiceExport", "ServiceImport")) {
            try {
                api.list(KINDS.get(kind), namespace, null).stream()
                        .filter(o -> release.equals(
                                Json.map(o, "metadata", "annotations").get("meta.helm.sh/release-name")))
                        .forEach(o -> objects.add(kind + "/" + Json.string(o, "metadata", "name")));
            } catch (ApiException e) {
                if (e.getCode() == 404 && !kind.equals("Deployment")) {
                    continue; // the MCS API is not installed in karmada-apiserver: the chart rendered none
                }
                throw failure("list the " + kind + "s of release (" + release + ")", e);
            }
        }
        return objects;
    }

    private static DeployFailure failure(String what, ApiException e) {
        return new DeployFailure("Cannot " + what + ": " + ApiErrors.describe(e), ApiErrors.isTransient(e), e);
    }
}
