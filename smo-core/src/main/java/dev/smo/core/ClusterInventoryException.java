package dev.smo.core;

/** The cluster inventory (Karmada, Submariner, a clusters file) could not be read. */
public class ClusterInventoryException extends SmoIntegrationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed
     * @param cause the underlying failure, or {@code null}
     */
    public ClusterInventoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
