package dev.smo.karmada.internal;

import dev.smo.core.UnableToDeployException;
import dev.smo.core.spi.ReplicaStatus;
import dev.smo.core.spi.WorkloadScaler;
import io.kubernetes.client.openapi.ApiException;
import java.util.List;
import java.util.Map;

/**
 * Replicas of a release's Deployments ({@code app.kubernetes.io/instance=<release>}) in the release's own
 * namespace, on the Karmada API server (Karmada propagates {@code spec.replicas} to the members and aggregates
 * their status back). Writes use a JSON merge patch on {@code spec.replicas}, not the {@code /scale}
 * subresource.
 */
final class DeploymentScaler implements WorkloadScaler {

    private final KubeApi karmada;
    private final Retrier retrier;

    DeploymentScaler(KubeApi karmada, Retrier retrier) {
        this.karmada = karmada;
        this.retrier = retrier;
    }

    @Override
    public ReplicaStatus replicas(String namespace, String release) {
        int desired = 0;
        int available = 0;
        for (Map<String, Object> deployment : deployments(namespace, release)) {
            desired += Math.max(0, Json.integer(deployment, 1, "spec", "replicas"));
            available += Math.max(0, Json.integer(deployment, 0, "status", "availableReplicas"));
        }
        return new ReplicaStatus(desired, available);
    }

    @Override
    public void scale(String namespace, String release, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException(
                    "The replicas (" + replicas + ") of release (" + release + ") must not be negative.");
        }
        List<Map<String, Object>> deployments = deployments(namespace, release);
        if (deployments.isEmpty()) {
            throw new UnableToDeployException(
                    namespace,
                    release,
                    "Release (" + release + ") has no Deployment "
                            + "labelled app.kubernetes.io/instance=" + release + " in namespace (" + namespace + ")."
                            + "\nMaybe the release is not installed yet, or its chart does not set that label.",
                    null);
        }
        Map<String, Object> patch = Map.of("spec", Map.of("replicas", replicas));
        for (Map<String, Object> deployment : deployments) {
            String name = Json.string(deployment, "metadata", "name");
            try {
                retrier.call(
                        () -> karmada.mergePatch(KubeResource.DEPLOYMENTS, namespace, name, patch),
                        e -> e instanceof ApiException api && ApiErrors.isTransient(api));
            } catch (ApiException e) {
                throw new UnableToDeployException(
                        namespace,
                        release,
                        "Cannot scale Deployment (" + name
                                + ") of release (" + release + ") in namespace (" + namespace + ") to " + replicas
                                + " replicas: " + ApiErrors.describe(e),
                        e);
            }
        }
    }

    private List<Map<String, Object>> deployments(String namespace, String release) {
        try {
            return retrier.call(
                    () -> karmada.list(KubeResource.DEPLOYMENTS, namespace, "app.kubernetes.io/instance=" + release),
                    e -> e instanceof ApiException api && ApiErrors.isTransient(api));
        } catch (ApiException e) {
            throw new UnableToDeployException(
                    namespace,
                    release,
                    "Cannot list the Deployments of release (" + release + ") in namespace (" + namespace + "): "
                            + ApiErrors.describe(e),
                    e);
        }
    }
}
