package dev.smo.karmada.internal;

import com.google.gson.Gson;
import com.marcnuri.helm.Release;
import dev.smo.core.UnableToDeployException;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import dev.smo.core.spi.ReleaseStatus;
import dev.smo.karmada.HelmOptions;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One Helm release per service, installed through the Karmada API server.
 *
 * <p>{@link #apply} is idempotent: it asks Helm whether the release exists and upgrades it, or installs it;
 * an install refused because the name is in use turns into an upgrade. A release left {@code pending-install}
 * by a crash is uninstalled and installed again. When Helm has no record of the release but objects it owns are
 * still there (a lost release Secret, or always with {@code HELM_DRIVER=memory}), those leftovers are deleted
 * before the install, because Helm's install would adopt them without updating custom resources such as
 * PropagationPolicies. Uninstalls and re-installs wait (bounded by Helm's timeout) until Karmada has removed the
 * finalizer of the release's deleted PropagationPolicies ({@link PolicyDeletion}). Transient failures are retried with backoff; the rest surface as
 * {@link UnableToDeployException} with Helm's message.
 */
final class HelmDeployer implements Deployer {

    private static final System.Logger LOG = System.getLogger(HelmDeployer.class.getName());
    private static final Gson GSON = new Gson();

    private final HelmRunner helm;
    private final KubeApi karmada;
    private final ReleaseLeftovers leftovers;
    private final Retrier retrier;
    private final PolicyDeletion policyDeletion;
    private final KarmadaApplied applied;
    private final ServiceMonitorCheck monitors;

    /**
     * @param helm Helm
     * @param karmada the karmada-apiserver
     * @param retrier retries of transient failures
     * @param options Helm's timeout bounds the waits for Karmada (policy deletion; applying, with waitApplied)
     */
    HelmDeployer(HelmRunner helm, KubeApi karmada, Retrier retrier, HelmOptions options) {
        this.helm = helm;
        this.policyDeletion = new PolicyDeletion(karmada, options.timeout());
        this.applied = options.waitApplied() ? new KarmadaApplied(karmada, options.timeout()) : null;
        this.karmada = karmada;
        this.leftovers = new ReleaseLeftovers(karmada);
        this.monitors = new ServiceMonitorCheck(karmada);
        this.retrier = retrier;
    }

    @Override
    public ReleaseStatus apply(ReleaseSpec spec) {
        try {
            monitors.check(spec);
            Release release = retrier.call(() -> applyOnce(spec), HelmDeployer::isTransient);
            if (applied != null) {
                applied.await(spec.namespace(), spec.release());
            }
            return toStatus(spec.namespace(), spec.release(), release, spec.chart());
        } catch (DeployFailure e) {
            throw new UnableToDeployException(
                    spec.namespace(),
                    spec.release(),
                    "Helm could not apply release ("
                            + spec.release() + ") of chart (" + spec.chart() + ") in namespace (" + spec.namespace()
                            + "): " + e.getMessage(),
                    e);
        }
    }

    private Release applyOnce(ReleaseSpec spec) throws DeployFailure {
        Path values = writeValues(spec);
        try {
            Optional<Release> current = helm.status(spec.namespace(), spec.release());
            if (current.isPresent()) {
                String state = String.valueOf(current.get().getStatus());
                if (state.equals("pending-install")) {
                    LOG.log(
                            Level.WARNING,
                            "Release ({0}) in namespace ({1}) was left pending-install; " + "installing it again.",
                            spec.release(),
                            spec.namespace());
                    helm.uninstall(spec.namespace(), spec.release());
                    leftovers.delete(spec.namespace(), spec.release());
                    policyDeletion.await(spec.namespace(), spec.release());
                    return install(spec, values);
                }
                if (state.startsWith("pending-") || state.equals("uninstalling")) {
                    throw new DeployFailure(
                            "Helm reports release (" + spec.release() + ") as " + state
                                    + ": another operation is in progress or was interrupted.\nMaybe run `helm rollback "
                                    + spec.release() + " -n " + spec.namespace() + "` if no one else is working on it.",
                            false,
                            null);
                }
                return helm.upgrade(spec.chart(), spec.namespace(), spec.release(), spec.chartVersion(), values);
            }
            leftovers.delete(spec.namespace(), spec.release());
            policyDeletion.await(spec.namespace(), spec.release());
            ensureNamespace(spec.namespace());
            return install(spec, values);
        } finally {
            try {
                Files.deleteIfExists(values);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Cannot delete the values file ({0}): {1}", values, e.getMessage());
            }
        }
    }

    private Release install(ReleaseSpec spec, Path values) throws DeployFailure {
        try {
            return helm.install(spec.chart(), spec.namespace(), spec.release(), spec.chartVersion(), values);
        } catch (DeployFailure e) {
            if (HelmMessages.nameInUse(e.getMessage())) {
                return helm.upgrade(spec.chart(), spec.namespace(), spec.release(), spec.chartVersion(), values);
            }
            throw e;
        }
    }

    /**
     * Creates the namespace unless it exists (what {@code --create-namespace} does; done here because Helm
     * always validates the Namespace object against the server's OpenAPI schema).
     */
    private void ensureNamespace(String namespace) throws DeployFailure {
        try {
            karmada.get(KubeResource.NAMESPACES, null, namespace);
            return;
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw new DeployFailure(
                        "Cannot read namespace (" + namespace + "): " + ApiErrors.describe(e),
                        ApiErrors.isTransient(e),
                        e);
            }
        }
        try {
            karmada.create(
                    KubeResource.NAMESPACES,
                    null,
                    Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", namespace)));
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw new DeployFailure(
                        "Cannot create namespace (" + namespace + "): " + ApiErrors.describe(e),
                        ApiErrors.isTransient(e),
                        e);
            }
        }
    }

    private static Path writeValues(ReleaseSpec spec) throws DeployFailure {
        try {
            // JSON is YAML: Helm reads it as a values file. The temp file is readable by its owner only.
            Path file = Files.createTempFile("smo-values-" + spec.release() + "-", ".json");
            Files.writeString(file, GSON.toJson(spec.values()));
            return file;
        } catch (IOException e) {
            throw new DeployFailure("Cannot write the values file: " + e.getMessage(), false, e);
        }
    }

    @Override
    public void uninstall(String namespace, String release) {
        try {
            retrier.call(
                    () -> {
                        helm.uninstall(namespace, release);
                        int deleted = leftovers.delete(namespace, release);
                        policyDeletion.await(namespace, release);
                        return deleted;
                    },
                    HelmDeployer::isTransient);
        } catch (DeployFailure e) {
            throw new UnableToDeployException(
                    namespace,
                    release,
                    "Helm could not uninstall release (" + release + ") in namespace (" + namespace + "): "
                            + e.getMessage(),
                    e);
        }
    }

    @Override
    public Optional<ReleaseStatus> status(String namespace, String release) {
        try {
            return retrier.call(() -> helm.status(namespace, release), HelmDeployer::isTransient)
                    .map(r -> toStatus(namespace, release, r, r.getChart()));
        } catch (DeployFailure e) {
            throw new UnableToDeployException(
                    namespace,
                    release,
                    "Helm could not read the status of release (" + release + ") in namespace (" + namespace + "): "
                            + e.getMessage(),
                    e);
        }
    }

    private static ReleaseStatus toStatus(String namespace, String release, Release helmRelease, String chart) {
        int revision;
        try {
            revision =
                    Integer.parseInt(String.valueOf(helmRelease.getRevision()).strip());
        } catch (NumberFormatException e) {
            revision = 0;
        }
        String state = helmRelease.getStatus() == null ? "unknown" : helmRelease.getStatus();
        return new ReleaseStatus(namespace, release, revision, state, chart);
    }

    private static boolean isTransient(Exception e) {
        return e instanceof DeployFailure failure && failure.isTransient();
    }
}
