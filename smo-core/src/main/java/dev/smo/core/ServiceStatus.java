package dev.smo.core;

/** Lifecycle state of one service of a graph. */
public enum ServiceStatus {
    /** Waiting for its event trigger (a Prometheus alert); not installed. */
    PENDING("Pending"),
    /** Recorded for install or upgrade; the Helm call is outstanding. */
    DEPLOYING("Deploying"),
    /** Installed by Helm. */
    DEPLOYED("Deployed"),
    /** The last Helm call failed; see the last error. */
    FAILED("Failed"),
    /** Recorded for uninstall on stop; the Helm call is outstanding. */
    STOPPING("Stopping"),
    /** Uninstalled by a stop; a start reinstalls it. */
    STOPPED("Not deployed"),
    /** Recorded for uninstall on removal. */
    REMOVING("Removing");

    private final String label;

    ServiceStatus(String label) {
        this.label = label;
    }

    /** @return the display label, as the original API spells it ({@code Deployed}, {@code Pending}, ...) */
    public String label() {
        return label;
    }

    /** @return whether no Helm call is outstanding in this state */
    public boolean isSettled() {
        return this == PENDING || this == DEPLOYED || this == FAILED || this == STOPPED;
    }
}
