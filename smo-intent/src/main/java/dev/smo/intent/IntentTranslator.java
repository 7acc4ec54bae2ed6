package dev.smo.intent;

import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.Service;
import java.util.Map;

/**
 * Translates the abstract compute intent of services ({@code cpu: light}) into concrete resource requests, using a
 * {@link ResourceTable}. Explicit quantities ({@code cpu: 250m}, {@code ram: 3Gi}) pass through; a missing {@code ram} or
 * {@code storage} gets the {@link #DEFAULT_LEVEL} level, a missing {@code cpu} and {@code storage: none} request nothing; the GPU need becomes a count.
 */
public interface IntentTranslator {

    /** The level an absent {@code ram} or {@code storage} intent gets ({@code storage: none} asks for nothing). */
    String DEFAULT_LEVEL = "light";

    /**
     * @param table the levels to use
     * @return a translator over that table
     */
    static IntentTranslator create(ResourceTable table) {
        return new DefaultIntentTranslator(table);
    }

    /**
     * @return a translator over {@link ResourceTable#defaults()}
     */
    static IntentTranslator create() {
        return create(ResourceTable.defaults());
    }

    /**
     * @return the table this translator uses
     */
    ResourceTable table();

    /**
     * @param service a service
     * @return what one replica of it requests
     * @throws InvalidDescriptorException when a value is neither a level of the table nor a quantity; paths are
     *         relative to the service, such as {@code /deployment/intent/compute/cpu}
     */
    ResourceRequest translate(Service service);

    /**
     * @param graph a graph
     * @return each service's request by service id, in descriptor order
     * @throws InvalidDescriptorException listing every value of every service that is neither a level of the table
     *         nor a quantity, with paths such as {@code /hdaGraph/services/2/deployment/intent/compute/cpu}
     */
    Map<String, ResourceRequest> translate(HdaGraph graph);
}
