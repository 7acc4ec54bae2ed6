package dev.smo.core;

/** A lifecycle command on a graph; {@link Lifecycle} says in which states it applies and where it leads. */
public enum Command {
    /** Place and install a new graph. */
    DEPLOY,
    /** Re-place a graph on the current clusters ({@code POST /graphs/{name}/placement}). */
    PLACE,
    /** Reinstall a stopped graph. */
    START,
    /** Uninstall every release, keep the graph. */
    STOP,
    /** Uninstall every release, delete rules, dashboards and the graph. */
    REMOVE,
    /** A firing alert installs a pending, event-triggered service. */
    ALERT
}
