package dev.smo.junit;

import dev.smo.core.GraphStatus;
import dev.smo.core.ServiceStatus;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link StoredGraph}; create them with {@link SmoAssertions#assertThat(StoredGraph)}. */
public final class GraphAssert extends AbstractAssert<GraphAssert, StoredGraph> {

    GraphAssert(StoredGraph actual) {
        super(actual, GraphAssert.class);
    }

    /**
     * @param status the graph's expected lifecycle state
     * @return this assertion
     */
    public GraphAssert hasStatus(GraphStatus status) {
        isNotNull();
        if (actual.status() != status) {
            failWithMessage(
                    "Expected graph (%s) to be %s, but it is %s.%s", actual.name(), status, actual.status(), errors());
        }
        return this;
    }

    /**
     * @param service a service id
     * @param status the service's expected lifecycle state
     * @return this assertion
     */
    public GraphAssert hasServiceStatus(String service, ServiceStatus status) {
        StoredService s = service(service);
        if (s.status() != status) {
            failWithMessage(
                    "Expected service (%s) of graph (%s) to be %s, but it is %s (last error: %s).",
                    service, actual.name(), status, s.status(), s.lastError());
        }
        return this;
    }

    /**
     * @param service a service id
     * @return the cluster half of the assertion: {@code .on("cluster")} or {@code .nowhere()}
     */
    public Placement<GraphAssert> places(String service) {
        service(service);
        return new Placement<>(this, "Graph (" + actual.name() + ")", service, actual.placement());
    }

    /**
     * @param service a service id
     * @param replicas the replica count it must have
     * @return this assertion
     */
    public GraphAssert hasReplicas(String service, int replicas) {
        StoredService s = service(service);
        if (s.replicas() != replicas) {
            failWithMessage(
                    "Graph (%s) gives service (%s) %s replicas, not %s.",
                    actual.name(), service, s.replicas(), replicas);
        }
        return this;
    }

    private StoredService service(String service) {
        isNotNull();
        return actual.service(service)
                .orElseThrow(() -> new AssertionError("Graph (" + actual.name() + ") has no service (" + service
                        + "); it has "
                        + actual.services().stream().map(StoredService::name).toList() + "."));
    }

    private String errors() {
        StringBuilder out = new StringBuilder();
        for (StoredService s : actual.services()) {
            if (s.lastError() != null) {
                out.append("\n  ").append(s.name()).append(": ").append(s.lastError());
            }
        }
        return out.toString();
    }
}
