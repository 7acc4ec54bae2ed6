package dev.smo.junit;

import dev.smo.core.Plan;
import dev.smo.core.PlannedService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link Plan}; create them with {@link SmoAssertions#assertThat(Plan)}. */
public final class PlanAssert extends AbstractAssert<PlanAssert, Plan> {

    PlanAssert(Plan actual) {
        super(actual, PlanAssert.class);
    }

    /** @return this assertion @throws AssertionError when the plan has no placement */
    public PlanAssert isFeasible() {
        isNotNull();
        if (!actual.feasible()) {
            failWithMessage(
                    "Expected plan of graph (%s) to be feasible, but the solver ended %s.",
                    actual.graph(), actual.placement().status());
        }
        return this;
    }

    /** @return this assertion @throws AssertionError when the plan has a placement */
    public PlanAssert isInfeasible() {
        isNotNull();
        if (actual.feasible()) {
            failWithMessage(
                    "Expected plan of graph (%s) to be infeasible, but it places %s.", actual.graph(), placement());
        }
        return this;
    }

    /**
     * @param service a service id
     * @return the cluster half of the assertion: {@code .on("cluster")} or {@code .nowhere()}
     */
    public Placement<PlanAssert> places(String service) {
        isNotNull();
        if (actual.services().stream().noneMatch(s -> s.name().equals(service))) {
            failWithMessage("Plan of graph (%s) has no service (%s).", actual.graph(), service);
        }
        return new Placement<>(this, "Plan of graph (" + actual.graph() + ")", service, placement());
    }

    /**
     * @param service a service id
     * @param replicas the replica count it must have
     * @return this assertion
     */
    public PlanAssert hasReplicas(String service, int replicas) {
        isNotNull();
        int found = actual.services().stream()
                .filter(s -> s.name().equals(service))
                .mapToInt(PlannedService::replicas)
                .findFirst()
                .orElseThrow(() -> new AssertionError("Plan has no service (" + service + ")."));
        if (found != replicas) {
            failWithMessage("Plan gives service (%s) %s replicas, not %s.", service, found, replicas);
        }
        return this;
    }

    private Map<String, String> placement() {
        Map<String, String> out = new LinkedHashMap<>();
        for (PlannedService s : actual.services()) {
            if (s.cluster() != null) {
                out.put(s.name(), s.cluster());
            }
        }
        return out;
    }
}
