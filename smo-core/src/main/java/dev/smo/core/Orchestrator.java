package dev.smo.core;

import dev.smo.model.HdaGraph;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HDAG lifecycle: deploy a graph into a project, inspect it, plan, re-place, stop, start, remove, and react to
 * alerts. Every mutation is recorded in the store before it is carried out, so {@link #reconcile()} after a crash
 * finishes what was recorded. Build one with {@link #builder()}.
 *
 * <p>Mutations on a graph that is busy (deploying, stopping, ...) fail with {@link ConcurrentUpdateException}; a
 * failing Helm call marks its service {@code FAILED} with Helm's message and leaves the rest of the graph intact.
 */
public interface Orchestrator extends AutoCloseable {

    /** @return a builder; only the store is required, every other port has a local default */
    static OrchestratorBuilder builder() {
        return new OrchestratorBuilder();
    }

    /**
     * Places and deploys a graph. Services with an event trigger wait, {@code PENDING}, for their alert.
     *
     * @param project the project, also the Kubernetes namespace (a DNS-1123 label)
     * @param graph the descriptor
     * @return the stored graph after deployment
     * @throws dev.smo.model.InvalidDescriptorException when the project name or the descriptor is unusable
     * @throws GraphAlreadyExistsException when a graph with that id exists
     * @throws PlacementFailedException when no placement exists; nothing is stored then
     */
    StoredGraph deploy(String project, HdaGraph graph);

    /**
     * Places a graph and records it {@code Deploying}, then installs it in the background. Placement problems are
     * thrown here, before anything is stored; what happens after is in the graph's status and events.
     *
     * @param project the project, also the Kubernetes namespace (a DNS-1123 label)
     * @param graph the descriptor
     * @return the accepted operation: the graph as recorded and the outcome to come
     * @throws dev.smo.model.InvalidDescriptorException when the project name or the descriptor is unusable
     * @throws GraphAlreadyExistsException when a graph with that id exists
     * @throws PlacementFailedException when no placement exists; nothing is stored then
     */
    Operation submitDeploy(String project, HdaGraph graph);

    /**
     * Checks a command against the {@link Lifecycle} table, records the graph's transitional state, then carries
     * the work out in the background.
     *
     * @param command {@link Command#PLACE}, {@link Command#START}, {@link Command#STOP} or {@link Command#REMOVE}
     * @param name the graph name
     * @return the accepted operation
     * @throws GraphNotFoundException when there is no such graph
     * @throws GraphBusyException when other work runs on it
     * @throws IllegalTransitionException when the command does not apply in its state
     * @throws PlacementFailedException when a re-placement finds no placement; nothing is changed then
     */
    Operation submit(Command command, String name);

    /**
     * Parses a YAML or JSON descriptor, then {@linkplain #deploy(String, HdaGraph) deploys} it.
     *
     * @param project the project
     * @param descriptor the descriptor text
     * @return the stored graph after deployment
     */
    StoredGraph deployDescriptor(String project, String descriptor);

    /**
     * Fetches the descriptor from an artifact, then {@linkplain #deploy(String, HdaGraph) deploys} it.
     *
     * @param project the project
     * @param reference the artifact reference, e.g. {@code oci://registry:5000/test/image-detection-graph:1.0.0}
     * @return the stored graph after deployment
     * @throws ArtifactException when the artifact cannot be fetched
     */
    StoredGraph deployArtifact(String project, String reference);

    /**
     * Fetches and parses the descriptor of an artifact.
     *
     * @param reference the artifact reference, e.g. {@code oci://registry:5000/test/image-detection-graph:1.0.0}
     * @return the descriptor
     * @throws ArtifactException when the artifact cannot be fetched
     * @throws dev.smo.model.InvalidDescriptorException listing every problem of the descriptor
     */
    HdaGraph fetch(String reference);

    /**
     * Parses and validates a YAML or JSON descriptor with this orchestrator's resource levels.
     *
     * @param descriptor the descriptor text
     * @return the descriptor
     * @throws dev.smo.model.InvalidDescriptorException listing every problem
     */
    HdaGraph parse(String descriptor);

    /**
     * Computes what {@link #deploy} would do, changing nothing.
     *
     * @param project the project
     * @param graph the descriptor
     * @return the plan, infeasible ones included (check {@link Plan#feasible()})
     */
    default Plan plan(String project, HdaGraph graph) {
        return plan(project, graph, Map.of(), Map.of(), PlanOptions.DEFAULTS);
    }

    /**
     * Computes what {@link #deploy} would do with another objective or time limit, changing nothing.
     *
     * @param project the project
     * @param graph the descriptor
     * @param options the objective and the solver's time limit for this plan
     * @return the plan, infeasible ones included (check {@link Plan#feasible()} and {@link Plan#proven()})
     */
    default Plan plan(String project, HdaGraph graph, PlanOptions options) {
        return plan(project, graph, Map.of(), Map.of(), options);
    }

    /**
     * Computes what a re-placement from a given current placement would do, changing nothing.
     *
     * @param project the project
     * @param graph the descriptor
     * @param current service → cluster it runs on now (may be partial, may name clusters that are gone)
     * @param replicas service → replica count (missing means 1)
     * @return the plan, infeasible ones included
     */
    default Plan plan(String project, HdaGraph graph, Map<String, String> current, Map<String, Integer> replicas) {
        return plan(project, graph, current, replicas, PlanOptions.DEFAULTS);
    }

    /**
     * Computes what a re-placement from a given current placement would do with these options, changing nothing.
     *
     * @param project the project
     * @param graph the descriptor
     * @param current service → cluster it runs on now (may be partial, may name clusters that are gone)
     * @param replicas service → replica count (missing means 1)
     * @param options the objective and the solver's time limit for this plan
     * @return the plan, infeasible ones included
     */
    Plan plan(
            String project,
            HdaGraph graph,
            Map<String, String> current,
            Map<String, Integer> replicas,
            PlanOptions options);

    /**
     * @param name the graph name
     * @return the graph
     * @throws GraphNotFoundException when there is none
     */
    StoredGraph get(String name);

    /**
     * @param name the graph name
     * @return the graph, or empty
     */
    Optional<StoredGraph> find(String name);

    /**
     * @param project a project, or {@code null} for all
     * @return the graphs, ordered by name
     */
    List<StoredGraph> list(String project);

    /**
     * Re-solves the placement from the current clusters and replicas, moving only what must or should move, and
     * upgrades the releases whose values changed.
     *
     * @param name the graph name
     * @return the graph after re-placement
     * @throws PlacementFailedException when no placement exists; nothing is changed then
     */
    StoredGraph replace(String name);

    /**
     * Uninstalls every release of a running graph and removes its alerting rules; the graph is kept.
     *
     * @param name the graph name
     * @return the stopped graph
     * @throws IllegalTransitionException when the graph is already stopped
     */
    StoredGraph stop(String name);

    /**
     * Reinstalls the services a stopped graph ran before it was stopped; event-triggered services that had not
     * fired yet wait for their alert again. Services whose cluster is gone are re-placed.
     *
     * @param name the graph name
     * @return the running graph
     * @throws IllegalTransitionException when the graph is not stopped
     */
    StoredGraph start(String name);

    /**
     * Uninstalls the graph's releases, deletes its rules and dashboards, then the graph; its event log is kept.
     *
     * @param name the graph name
     */
    void remove(String name);

    /**
     * Deploys the pending services whose alerts fire. Repeated alerts for a deployed service change nothing.
     *
     * @param alerts the alerts of one Alertmanager notification
     * @return what was done with each alert
     */
    List<AlertOutcome> handleAlerts(List<Alert> alerts);

    /** @return whether releases are only recorded (the dry-run deployer), not installed on clusters */
    boolean dryRun();

    /**
     * How to read {@link #clusters()}' capacity: a live inventory (Karmada) reports what is free with SMO's
     * deployed workloads already subtracted; a static one (a clusters file) reports what the cluster offers, and
     * SMO subtracts what its placed services hold.
     *
     * @return whether the inventory's free capacity already counts the workloads SMO deployed
     */
    default boolean inventoryCountsDeployed() {
        return true;
    }

    /**
     * @return which replica runs the background work when several share the store: this one, with its epoch,
     *     or another
     */
    dev.smo.core.spi.Leadership leadership();

    /**
     * Reads the clusters from the inventory and stores the snapshot.
     *
     * @return the clusters, ordered by name
     */
    List<ClusterInfo> clusters();

    /**
     * @param name the graph name
     * @return the event log of the latest graph of that name (from its deploy request on), oldest first, also
     *     after removal; the log of an earlier graph of the same name, removed since, is not shown
     */
    List<GraphEvent> events(String name);

    /**
     * Runs one scaling round for a running graph: reads request rates, turns them into replicas with each
     * service's capacity model (descriptor or stored profile) and target utilisation, damps them with the
     * {@link ScalingPolicy}, solves the replica counts per cluster (CPU, memory, GPUs) and scales; re-places the
     * graph when no replica count fits. Decisions are events with their inputs.
     *
     * @param name the graph name
     * @return the graph after the round
     */
    StoredGraph scale(String name);

    /**
     * Learns a service's capacity model from the metrics of the last {@code window}: its replica count and request
     * rate (range queries), fitted robustly, stored as the service's next profile version. The scaling loop uses
     * the current profile when the descriptor gives no alpha.
     *
     * @param name the graph name
     * @param service the service id
     * @param window how far back to look (1 minute to 31 days)
     * @return the stored profile with every sample and what the fit did with it
     * @throws GraphNotFoundException when there is no such graph ({@link ServiceNotFoundException} for the service)
     * @throws ProfileRefusedException when the samples do not support a profile; nothing is stored
     * @throws SmoIntegrationException when the metrics cannot be read
     * @throws IllegalArgumentException when the window is out of range
     */
    ProfileReport learnProfile(String name, String service, java.time.Duration window);

    /**
     * @param name the graph name
     * @param service the service id
     * @return the service's current profile, empty when none was learned
     * @throws GraphNotFoundException when there is no such graph ({@link ServiceNotFoundException} for the service)
     */
    Optional<ServiceProfile> profile(String name, String service);

    /**
     * @param name the graph name
     * @return the current profile of each of its services that has one, by service id (no check that the graph
     *     exists: one store read, for views)
     */
    Map<String, ServiceProfile> profiles(String name);

    /**
     * Finishes the work recorded but not carried out (after a crash, a restart, or a step that failed because the
     * store or a cluster was away); graphs with work running in this process are left to it. With a reconcile
     * interval set on the builder this also runs in the background.
     *
     * @return the names of the graphs that were repaired
     */
    List<String> reconcile();

    /**
     * Stops background work (the scaling loop, the reconcile) and waits a while for accepted work to end; what does
     * not end stays recorded for the next reconcile. The store and adapters belong to the caller.
     */
    @Override
    void close();
}
