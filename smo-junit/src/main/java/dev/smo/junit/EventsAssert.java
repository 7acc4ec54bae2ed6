package dev.smo.junit;

import dev.smo.core.GraphEvent;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a graph's event log; create them with {@link SmoAssertions#assertThatEvents(List)}. */
public final class EventsAssert extends AbstractAssert<EventsAssert, List<GraphEvent>> {

    EventsAssert(List<GraphEvent> actual) {
        super(actual, EventsAssert.class);
    }

    /**
     * @param types event types that must occur in this order, others may come between them
     * @return this assertion
     */
    public EventsAssert containsTypesInOrder(String... types) {
        isNotNull();
        List<String> actualTypes = types();
        int next = 0;
        for (String t : actualTypes) {
            if (next < types.length && t.equals(types[next])) {
                next++;
            }
        }
        if (next < types.length) {
            failWithMessage(
                    "Expected events %s in this order, but (%s) is missing after the ones before it.\n"
                            + "The events are %s.",
                    Arrays.toString(types), types[next], actualTypes);
        }
        return this;
    }

    /**
     * @param type an event type that must not occur
     * @return this assertion
     */
    public EventsAssert doesNotContainType(String type) {
        isNotNull();
        if (types().contains(type)) {
            failWithMessage("Expected no event (%s), but the events are %s.", type, types());
        }
        return this;
    }

    private List<String> types() {
        return actual.stream().map(GraphEvent::type).toList();
    }
}
