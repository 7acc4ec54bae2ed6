package dev.smo.junit;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/** Assertions on the releases of a test; create them with {@link SmoAssertions#assertThat(Deployments)}. */
public final class DeploymentsAssert extends AbstractAssert<DeploymentsAssert, Deployments> {

    DeploymentsAssert(Deployments actual) {
        super(actual, DeploymentsAssert.class);
    }

    /**
     * @param releases exactly the releases that must exist now, as {@code namespace/release}, in any order
     * @return this assertion
     */
    public DeploymentsAssert hasReleases(String... releases) {
        isNotNull();
        Set<String> present = actual.releases().keySet();
        if (!present.equals(Set.of(releases))) {
            failWithMessage("Expected releases %s, but there are %s.", Arrays.toString(releases), present);
        }
        return this;
    }

    /** @return this assertion @throws AssertionError when any release exists */
    public DeploymentsAssert hasNoReleases() {
        isNotNull();
        if (!actual.releases().isEmpty()) {
            failWithMessage(
                    "Expected no releases, but there are %s.", actual.releases().keySet());
        }
        return this;
    }

    /**
     * @param operations operations such as {@code "install demo/noise-reduction"} that must occur in this order,
     *     others may come between them
     * @return this assertion
     */
    public DeploymentsAssert hasOperationsInOrder(String... operations) {
        isNotNull();
        List<String> done = actual.operations();
        int next = 0;
        for (String o : done) {
            if (next < operations.length && o.equals(operations[next])) {
                next++;
            }
        }
        if (next < operations.length) {
            failWithMessage(
                    "Expected operations %s in this order, but (%s) is missing after the ones before it.\n"
                            + "The operations are %s.",
                    Arrays.toString(operations), operations[next], done);
        }
        return this;
    }
}
