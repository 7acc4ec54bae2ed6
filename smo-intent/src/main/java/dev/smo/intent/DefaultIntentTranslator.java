package dev.smo.intent;

import dev.smo.model.Compute;
import dev.smo.model.HdaGraph;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.Service;
import dev.smo.model.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** The table-driven translator. */
final class DefaultIntentTranslator implements IntentTranslator {

    private final ResourceTable table;

    DefaultIntentTranslator(ResourceTable table) {
        this.table = table;
    }

    @Override
    public ResourceTable table() {
        return table;
    }

    @Override
    public ResourceRequest translate(Service service) {
        List<Violation> violations = new ArrayList<>();
        ResourceRequest request = translate(service, "", violations);
        if (!violations.isEmpty()) {
            throw new InvalidDescriptorException(violations);
        }
        return request;
    }

    @Override
    public Map<String, ResourceRequest> translate(HdaGraph graph) {
        List<Violation> violations = new ArrayList<>();
        Map<String, ResourceRequest> requests = new LinkedHashMap<>();
        for (int i = 0; i < graph.services().size(); i++) {
            Service service = graph.services().get(i);
            requests.put(service.id(), translate(service, "/hdaGraph/services/" + i, violations));
        }
        if (!violations.isEmpty()) {
            throw new InvalidDescriptorException(violations);
        }
        return requests;
    }

    private ResourceRequest translate(Service service, String servicePath, List<Violation> violations) {
        Compute compute = service.intent().compute();
        String path = servicePath + "/deployment/intent/compute/";
        String subject = "Service (" + service.id() + ") compute ";
        long cpu = resolve(ResourceTable.CPU, compute.cpu(), Quantity::toMillis, path, subject, violations);
        long ram = resolve(
                ResourceTable.RAM,
                orDefault(ResourceTable.RAM, compute.ram()),
                Quantity::toBytes,
                path,
                subject,
                violations);
        long storage = "none".equals(compute.storage())
                ? 0
                : resolve(
                        ResourceTable.STORAGE,
                        orDefault(ResourceTable.STORAGE, compute.storage()),
                        Quantity::toBytes,
                        path,
                        subject,
                        violations);
        return new ResourceRequest(cpu, ram, storage, compute.gpu().requested());
    }

    /** An absent ram or storage intent gets {@link IntentTranslator#DEFAULT_LEVEL}, as the original defaulted both. */
    private String orDefault(String resource, String value) {
        return value != null
                ? value
                : table.quantity(resource, IntentTranslator.DEFAULT_LEVEL).orElse(null);
    }

    private long resolve(
            String resource,
            String value,
            ToLongFunction<String> amount,
            String path,
            String subject,
            List<Violation> violations) {
        if (value == null) {
            return 0;
        }
        String quantity = table.quantity(resource, value).orElse(value);
        try {
            return amount.applyAsLong(quantity);
        } catch (InvalidQuantityException e) {
            String message = quantity.equals(value)
                    ? subject + resource + " (" + value + ") is neither a level of the resource table ("
                            + String.join(", ", table.levels(resource)) + ") nor a quantity.\n"
                            + "Maybe add it to the table, or write a quantity like 250m, 0.5, 500Mi or 3Gi."
                    : subject + resource + " (" + value + ") stands for (" + quantity + "): " + e.getMessage();
            violations.add(Violation.of(path + resource, message));
            return 0;
        }
    }
}
