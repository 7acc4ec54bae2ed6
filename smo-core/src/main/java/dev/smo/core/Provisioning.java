package dev.smo.core;

import dev.smo.core.internal.DefaultProvisioning;
import dev.smo.core.spi.ClusterRegistry;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.InfrastructureStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The provisioning loop: when a graph cannot be placed for lack of capacity, SMO asks the NFVCL for a cluster sized
 * for the shortfall, waits until it is built, joins it to Karmada, waits until Karmada reports it ready, then
 * re-places the graph. A cluster that is not ready in Karmada by the deadline (or that the NFVCL fails) is deleted
 * through the NFVCL, and the graph's events say why. Every step is stored ({@link ClusterProvision}); only the
 * leader drives the loop, so a restart or a new leader carries on where the last one stopped.
 */
public interface Provisioning extends AutoCloseable {

    /**
     * @param smo the orchestrator whose graphs are re-placed
     * @param graphs the store of its graphs, where the loop writes the graphs' events
     * @param infrastructure the NFVCL clusters
     * @param store where the provisionings are kept (the infrastructure's store)
     * @param registry the control plane the clusters join
     * @param settings timeout, period, automatic policy
     * @return the loop, not started
     */
    static Provisioning create(
            Orchestrator smo,
            GraphStore graphs,
            Infrastructure infrastructure,
            InfrastructureStore store,
            ClusterRegistry registry,
            Settings settings) {
        return new DefaultProvisioning(
                Objects.requireNonNull(smo, "smo"),
                Objects.requireNonNull(graphs, "graphs"),
                Objects.requireNonNull(infrastructure, "infrastructure"),
                Objects.requireNonNull(store, "store"),
                Objects.requireNonNull(registry, "registry"),
                Objects.requireNonNull(settings, "settings"),
                java.time.Clock.systemUTC());
    }

    /**
     * What a cluster the NFVCL could build would be, for a plan that found no placement.
     *
     * @param plan a plan
     * @return the suggestion, or why there is none (the plan is feasible, the shortfall is not capacity, GPUs, no
     *     usable VIM)
     */
    Advice advise(Plan plan);

    /**
     * Re-places a graph with a new cluster when it lacks capacity: plans the re-placement; when it is feasible
     * nothing is provisioned (empty, and the caller re-places as usual); when capacity is short, asks the NFVCL for
     * the suggested cluster, stores the provisioning and returns it at once (the loop does the rest).
     *
     * @param graph the graph name
     * @return the provisioning started, or empty when the graph fits as it is
     * @throws GraphNotFoundException when there is no such graph
     * @throws IllegalTransitionException when it cannot be re-placed in its state, or a provisioning for it is open
     * @throws ProvisioningRefusedException when no cluster the NFVCL could build would help
     * @throws PlacementFailedException when the plan ran out of time without proving anything
     * @throws NfvclException when the NFVCL refuses the cluster
     */
    Optional<ClusterProvision> request(String graph);

    /**
     * @param graph the graph name
     * @return its provisionings, oldest first
     */
    List<ClusterProvision> provisions(String graph);

    /** @return the settings */
    Settings settings();

    /** One round of the loop: moves every open provisioning one step, on the leader only. Never throws. */
    void round();

    /** Starts the rounds, every {@link Settings#interval()}. */
    void start();

    /** Stops the rounds. */
    @Override
    void close();

    /**
     * The answer to "what cluster would help?".
     *
     * @param suggestion the cluster, when one would help
     * @param message the suggestion in a sentence, or why there is none
     */
    record Advice(Optional<ClusterSuggestion> suggestion, String message) {

        public Advice {
            Objects.requireNonNull(suggestion, "suggestion");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * @param timeout how long a cluster may take from the request until Karmada reports it ready
     * @param interval the period of the loop's rounds
     * @param auto whether re-placements that lack capacity provision by themselves: a re-placement request, and the
     *     leader's loop for graphs whose last re-placement failed for lack of capacity
     */
    record Settings(Duration timeout, Duration interval, boolean auto) {

        /** 30 minutes, rounds every 5 s, no automatic policy. */
        public static final Settings DEFAULTS = new Settings(Duration.ofMinutes(30), Duration.ofSeconds(5), false);

        public Settings {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("The provisioning timeout (" + timeout + ") must be positive.");
            }
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("The provisioning interval (" + interval + ") must be positive.");
            }
        }
    }
}
