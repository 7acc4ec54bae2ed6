package dev.smo.karmada.internal;

import io.kubernetes.client.openapi.ApiException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * Finds and deletes the objects Helm created for a release when Helm itself no longer has a record of the
 * release (a lost release Secret, or always with {@code HELM_DRIVER=memory}). Helm marks every object it owns
 * with the annotations {@code meta.helm.sh/release-name} and {@code meta.helm.sh/release-namespace}; objects
 * annotated {@code helm.sh/resource-policy: keep} are left alone, as Helm would.
 */
final class ReleaseLeftovers {

    private static final System.Logger LOG = System.getLogger(ReleaseLeftovers.class.getName());

    /** The kinds looked at, in the release's namespace. */
    static final List<KubeResource> KINDS = List.of(
            new KubeResource("policy.karmada.io", "v1alpha1", "propagationpolicies"),
            new KubeResource("policy.karmada.io", "v1alpha1", "overridepolicies"),
            new KubeResource("multicluster.x-k8s.io", "v1alpha1", "serviceimports"),
            new KubeResource("multicluster.x-k8s.io", "v1alpha1", "serviceexports"),
            KubeResource.DEPLOYMENTS,
            new KubeResource("apps", "v1", "statefulsets"),
            new KubeResource("apps", "v1", "daemonsets"),
            new KubeResource("", "v1", "services"),
            new KubeResource("", "v1", "configmaps"),
            new KubeResource("", "v1", "secrets"),
            new KubeResource("", "v1", "serviceaccounts"));

    private final KubeApi api;

    ReleaseLeftovers(KubeApi api) {
        this.api = api;
    }

    /**
     * @param namespace the release's namespace
     * @param release the release name
     * @return how many objects were deleted
     * @throws DeployFailure when the API server refuses a list or a delete
     */
    int delete(String namespace, String release) throws DeployFailure {
        int deleted = 0;
        for (KubeResource kind : KINDS) {
            List<Map<String, Object>> items;
            try {
                items = api.list(kind, namespace, null);
            } catch (ApiException e) {
                if (e.getCode() == 404) {
                    continue; // this API server does not serve the kind (no MCS, no Karmada policies...)
                }
                throw failure("list " + kind + " in namespace (" + namespace + ")", e);
            }
            for (Map<String, Object> item : items) {
                Map<String, Object> annotations = Json.map(item, "metadata", "annotations");
                if (release.equals(annotations.get("meta.helm.sh/release-name"))
                        && namespace.equals(annotations.get("meta.helm.sh/release-namespace"))
                        && !"keep".equals(annotations.get("helm.sh/resource-policy"))) {
                    String name = Json.string(item, "metadata", "name");
                    try {
                        api.delete(kind, namespace, name);
                        deleted++;
                    } catch (ApiException e) {
                        if (e.getCode() != 404) {
                            throw failure("delete " + kind + " (" + name + ")", e);
                        }
                    }
                }
            }
        }
        if (deleted > 0) {
            LOG.log(
                    Level.INFO,
                    "Deleted {0} object(s) of release ({1}) in namespace ({2}) that Helm had no " + "record of.",
                    deleted,
                    release,
                    namespace);
        }
        return deleted;
    }

    private static DeployFailure failure(String what, ApiException e) {
        return new DeployFailure("Cannot " + what + ": " + ApiErrors.describe(e), ApiErrors.isTransient(e), e);
    }
}
