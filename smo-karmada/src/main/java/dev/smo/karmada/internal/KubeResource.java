package dev.smo.karmada.internal;

import java.util.Objects;

/**
 * One REST resource of the Kubernetes API, addressed generically.
 *
 * @param group API group, empty for the core group
 * @param version API version
 * @param plural resource name in URLs
 */
record KubeResource(String group, String version, String plural) {

    static final KubeResource NAMESPACES = new KubeResource("", "v1", "namespaces");
    static final KubeResource DEPLOYMENTS = new KubeResource("apps", "v1", "deployments");
    static final KubeResource KARMADA_CLUSTERS = new KubeResource("cluster.karmada.io", "v1alpha1", "clusters");
    static final KubeResource SUBMARINER_CLUSTERS = new KubeResource("submariner.io", "v1", "clusters");

    KubeResource {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(plural, "plural");
    }

    /**
     * @param namespace namespace, or {@code null} for a cluster-scoped resource or all namespaces
     * @param name object name, or {@code null} for the collection
     * @return the URL path
     */
    String path(String namespace, String name) {
        StringBuilder path = new StringBuilder(group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version);
        if (namespace != null) {
            path.append("/namespaces/").append(namespace);
        }
        path.append('/').append(plural);
        if (name != null) {
            path.append('/').append(name);
        }
        return path.toString();
    }

    @Override
    public String toString() {
        return group.isEmpty() ? plural : plural + "." + group;
    }
}
