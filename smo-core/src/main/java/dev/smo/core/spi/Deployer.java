package dev.smo.core.spi;

import java.util.Optional;

/** Installs, upgrades and removes one Helm release per service (through Karmada in production). */
public interface Deployer {

    /**
     * Installs the release, or upgrades it when it already exists. Idempotent: applying the same spec twice
     * leaves one release with the same values.
     *
     * @param spec the release
     * @return the release's status after the operation
     * @throws dev.smo.core.UnableToDeployException with Helm's message when the install or upgrade fails
     */
    ReleaseStatus apply(ReleaseSpec spec);

    /**
     * Removes the release; does nothing when it does not exist.
     *
     * @param namespace the release's namespace
     * @param release the release name
     * @throws dev.smo.core.UnableToDeployException when the uninstall fails
     */
    void uninstall(String namespace, String release);

    /**
     * @param namespace the release's namespace
     * @param release the release name
     * @return the release's status, or empty when there is no such release
     */
    Optional<ReleaseStatus> status(String namespace, String release);
}
