package dev.smo.junit;

import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.spi.ReleaseSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the orchestrator of a test would have installed: a view of its {@link DryRunDeployer}. Releases are keyed
 * {@code namespace/release}; a service's release is named after the service.
 */
public final class Deployments {

    private final DryRunDeployer deployer;

    /** @param deployer the dry run that records the releases */
    public Deployments(DryRunDeployer deployer) {
        this.deployer = Objects.requireNonNull(deployer, "deployer");
    }

    /** @return the releases that exist now, keyed {@code namespace/release} */
    public Map<String, ReleaseSpec> releases() {
        return deployer.releases();
    }

    /**
     * @param release a release (service) name, in any namespace
     * @return the release that exists now, or empty
     */
    public Optional<ReleaseSpec> release(String release) {
        return releases().values().stream()
                .filter(r -> r.release().equals(release))
                .findFirst();
    }

    /**
     * @param release a release (service) name, in any namespace
     * @return the Helm values of that release
     * @throws AssertionError when no such release exists now
     */
    public Map<String, Object> values(String release) {
        return release(release)
                .orElseThrow(() -> new AssertionError("No release (" + release + ") exists; the releases are "
                        + releases().keySet() + "."))
                .values();
    }

    /**
     * @return every operation in the order it was asked for, as {@code "<action> <namespace>/<release>"}, e.g.
     *     {@code "install demo/noise-reduction"}
     */
    public List<String> operations() {
        return history().stream()
                .map(o -> o.action() + " " + o.namespace() + "/" + o.release())
                .toList();
    }

    /** @return every operation in the order it was asked for, with specs and replica counts */
    public List<DryRunDeployer.Operation> history() {
        return deployer.history();
    }

    /** @return the recording deployer itself */
    public DryRunDeployer deployer() {
        return deployer;
    }
}
