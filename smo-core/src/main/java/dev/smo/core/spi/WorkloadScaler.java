package dev.smo.core.spi;

/** Reads and sets the replicas of a service's Deployments (those labelled with its Helm release). */
public interface WorkloadScaler {

    /**
     * @param namespace the service's namespace (the graph's project)
     * @param release the service's Helm release name
     * @return desired and available replicas; zeros when the release has no Deployment yet
     */
    ReplicaStatus replicas(String namespace, String release);

    /**
     * Sets {@code spec.replicas} of every Deployment of the release.
     *
     * @param namespace the service's namespace
     * @param release the service's Helm release name
     * @param replicas the new replica count, at least 0
     * @throws dev.smo.core.UnableToDeployException when the API server refuses the change
     */
    void scale(String namespace, String release, int replicas);
}
