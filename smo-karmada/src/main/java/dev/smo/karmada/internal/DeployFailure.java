package dev.smo.karmada.internal;

/** One failed step of a deploy: Helm's or the API server's message, and whether trying again may help. */
final class DeployFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean transientFailure;

    DeployFailure(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** @return whether the failure looks transient (connection, timeout, 5xx) */
    boolean isTransient() {
        return transientFailure;
    }
}
