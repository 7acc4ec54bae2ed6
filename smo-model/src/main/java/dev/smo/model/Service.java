package dev.smo.model;

import dev.smo.model.internal.Values;
import java.util.Map;

/**
 * One service of a graph; it is installed as one Helm release named by its id.
 *
 * @param id unique within the graph, a DNS-1123 label of at most 53 characters; null only in an unvalidated graph
 * @param artifact the chart to install; null only in an unvalidated graph
 * @param deployment when and with what intent to deploy; never null (defaults to a standard trigger, empty intent)
 * @param extensions unknown fields of the service, kept as written
 */
public record Service(String id, Artifact artifact, Deployment deployment, Map<String, Object> extensions) {

    /** Defaults a null deployment to {@link Deployment#DEFAULT} and copies the extensions. */
    public Service {
        deployment = deployment == null ? Deployment.DEFAULT : deployment;
        extensions = Values.freezeMap(extensions);
    }

    /**
     * @param id the service id
     * @param ociImage the chart reference, such as {@code oci://registry:5000/project/chart}
     * @param intent the resource and network intent
     * @return a service with a standard trigger and no extensions
     */
    public static Service of(String id, String ociImage, Intent intent) {
        return new Service(id, Artifact.of(ociImage), new Deployment(Trigger.standard(), intent, Map.of()), Map.of());
    }

    /**
     * @return the deployment intent, shorthand for {@code deployment().intent()}
     */
    public Intent intent() {
        return deployment.intent();
    }
}
