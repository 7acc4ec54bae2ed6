package dev.smo.junit;

import dev.smo.core.GraphEvent;
import dev.smo.core.Plan;
import dev.smo.core.StoredGraph;
import java.util.List;

/**
 * Entry points of the AssertJ-style assertions on SMO's results:
 * <pre>{@code
 * assertThat(smo.plan("demo", graph)).isFeasible().places("noise-reduction").on("edge");
 * assertThat(smo.deploy("demo", graph)).hasStatus(GraphStatus.RUNNING).places("image-detection").on("cloud");
 * assertThatEvents(smo.events("demo-graph")).containsTypesInOrder("DEPLOY_REQUESTED", "RELEASE_INSTALLED");
 * assertThat(deployments).hasReleases("demo/noise-reduction", "demo/image-detection");
 * }</pre>
 */
public final class SmoAssertions {

    private SmoAssertions() {}

    /**
     * @param plan a what-if answer
     * @return assertions on it
     */
    public static PlanAssert assertThat(Plan plan) {
        return new PlanAssert(plan);
    }

    /**
     * @param graph a stored graph
     * @return assertions on it
     */
    public static GraphAssert assertThat(StoredGraph graph) {
        return new GraphAssert(graph);
    }

    /**
     * @param deployments the releases of a test
     * @return assertions on them
     */
    public static DeploymentsAssert assertThat(Deployments deployments) {
        return new DeploymentsAssert(deployments);
    }

    /**
     * @param events a graph's event log, oldest first
     * @return assertions on it
     */
    public static EventsAssert assertThatEvents(List<GraphEvent> events) {
        return new EventsAssert(events);
    }
}
