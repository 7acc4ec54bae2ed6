package dev.smo.core;

/**
 * Lifecycle state of a graph. Transitional states ({@link #isSettled()} false) are recorded before the work
 * they announce, so a restart finds and finishes them.
 */
public enum GraphStatus {
    /** Accepted and being installed. */
    DEPLOYING("Deploying"),
    /** Every non-pending service installed. */
    RUNNING("Running"),
    /** Being re-placed after a cluster change or a placement request. */
    REPLACING("Replacing"),
    /** Being stopped (releases uninstalled, graph kept). */
    STOPPING("Stopping"),
    /** Stopped: no releases, graph kept. */
    STOPPED("Stopped"),
    /** Being started again (every service reinstalled). */
    STARTING("Starting"),
    /** Being removed (releases, rules and dashboards deleted, then the graph). */
    REMOVING("Removing"),
    /** At least one service failed; see the services' last errors. */
    FAILED("Failed");

    private final String label;

    GraphStatus(String label) {
        this.label = label;
    }

    /** @return the display label, as the original API spells it ({@code Running}, {@code Stopped}, ...) */
    public String label() {
        return label;
    }

    /** @return whether no work is outstanding in this state */
    public boolean isSettled() {
        return this == RUNNING || this == STOPPED || this == FAILED;
    }
}
