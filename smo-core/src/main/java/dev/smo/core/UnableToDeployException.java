package dev.smo.core;

/** Helm or the Kubernetes API refused to install, upgrade, uninstall or scale a release. */
public class UnableToDeployException extends SmoIntegrationException {

    private static final long serialVersionUID = 1L;

    private final String namespace;
    private final String release;

    /**
     * @param namespace the release's namespace
     * @param release the release name
     * @param message what failed, with Helm's or the API server's own message
     * @param cause the underlying failure, or {@code null}
     */
    public UnableToDeployException(String namespace, String release, String message, Throwable cause) {
        super(message, cause);
        this.namespace = namespace;
        this.release = release;
    }

    /** @return the release's namespace */
    public String namespace() {
        return namespace;
    }

    /** @return the release name */
    public String release() {
        return release;
    }
}
