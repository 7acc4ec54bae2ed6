package dev.smo.junit;

import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/**
 * The second half of {@code places(service).on(cluster)}.
 *
 * @param <A> the assertion to continue with
 */
public final class Placement<A extends AbstractAssert<A, ?>> {

    private final A parent;
    private final String what;
    private final String service;
    private final Map<String, String> placement;

    Placement(A parent, String what, String service, Map<String, String> placement) {
        this.parent = parent;
        this.what = what;
        this.service = service;
        this.placement = placement;
    }

    /**
     * @param cluster the cluster the service must be placed on
     * @return the assertion to continue with
     * @throws AssertionError when the service is placed elsewhere or nowhere
     */
    public A on(String cluster) {
        String actual = placement.get(service);
        if (!cluster.equals(actual)) {
            throw new AssertionError(what + " places service (" + service + ") on "
                    + (actual == null ? "no cluster" : "cluster (" + actual + ")") + ", not on cluster (" + cluster
                    + ").\nThe whole placement is " + placement + ".");
        }
        return parent;
    }

    /**
     * @return the assertion to continue with
     * @throws AssertionError when the service is placed on a cluster
     */
    public A nowhere() {
        String actual = placement.get(service);
        if (actual != null) {
            throw new AssertionError(
                    what + " places service (" + service + ") on cluster (" + actual + "), expected no cluster.");
        }
        return parent;
    }
}
