package dev.smo.server.http;

import dev.smo.core.ClusterProvision;
import dev.smo.core.ClusterSuggestion;
import dev.smo.core.Provisioning;
import io.javalin.openapi.OpenApiNullable;
import java.util.List;

/** JSON views of the provisioning loop: a plan's suggested cluster, and a graph's provisionings. */
public final class ProvisioningViews {

    private ProvisioningViews() {}

    /**
     * What the NFVCL could build for an infeasible plan.
     *
     * @param possible whether a cluster would help
     * @param message the suggestion in a sentence, or why there is none
     * @param vimName the VIM to build it on
     * @param popArea its pop area
     * @param workers how many workers
     * @param workerVcpus vCPUs per worker
     * @param workerMemoryMb MiB per worker
     * @param workerDiskGb root disk per worker
     * @param services the services it is sized for
     * @param cpuMillis the CPU they need
     * @param memoryBytes the memory they need
     */
    public record AdviceView(
            boolean possible,
            String message,
            @OpenApiNullable String vimName,
            @OpenApiNullable Integer popArea,
            @OpenApiNullable Integer workers,
            @OpenApiNullable Integer workerVcpus,
            @OpenApiNullable Integer workerMemoryMb,
            @OpenApiNullable Integer workerDiskGb,
            List<String> services,
            @OpenApiNullable Long cpuMillis,
            @OpenApiNullable Long memoryBytes) {}

    /**
     * One provisioning of a graph.
     *
     * @param smoId the NFVCL cluster's SMO id
     * @param graph the graph
     * @param member the cluster's Karmada member name
     * @param state REQUESTED, JOINING, JOINED, DONE or FAILED
     * @param deadline when it must be ready in Karmada
     * @param detail the last thing learned
     * @param createdAt when it was requested
     * @param updatedAt when it last moved
     */
    public record ProvisionView(
            String smoId,
            String graph,
            String member,
            String state,
            String deadline,
            @OpenApiNullable String detail,
            String createdAt,
            String updatedAt) {}

    static AdviceView advice(Provisioning.Advice advice) {
        if (advice.suggestion().isEmpty()) {
            return new AdviceView(false, advice.message(), null, null, null, null, null, null, List.of(), null, null);
        }
        ClusterSuggestion s = advice.suggestion().get();
        return new AdviceView(
                true,
                advice.message(),
                s.vimName(),
                s.popArea(),
                s.workers(),
                s.workerFlavor().vcpus(),
                s.workerFlavor().memoryMb(),
                s.workerFlavor().diskGb(),
                s.services(),
                s.cpuMillis(),
                s.memoryBytes());
    }

    static ProvisionView provision(ClusterProvision p) {
        return new ProvisionView(
                p.smoId(),
                p.graph(),
                p.memberName(),
                p.state().name(),
                p.deadline().toString(),
                p.detail().orElse(null),
                String.valueOf(p.createdAt()),
                String.valueOf(p.updatedAt()));
    }
}
