package dev.smo.core;

import dev.smo.common.SmoException;

/** A system SMO drives (Karmada, Helm, Prometheus, Grafana, NFVCL, a registry) failed or refused a request. */
public class SmoIntegrationException extends SmoException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed, naming the system and the resource */
    public SmoIntegrationException(String message) {
        super(message);
    }

    /**
     * @param message what failed, naming the system and the resource
     * @param cause the underlying failure
     */
    public SmoIntegrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
