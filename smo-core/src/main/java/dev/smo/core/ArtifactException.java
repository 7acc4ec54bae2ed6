package dev.smo.core;

/** An artifact could not be pulled, pushed or unpacked, or holds no descriptor. */
public class ArtifactException extends SmoIntegrationException {

    private static final long serialVersionUID = 1L;

    private final String reference;

    /**
     * @param reference the artifact reference
     * @param message what failed
     * @param cause the underlying failure, or {@code null}
     */
    public ArtifactException(String reference, String message, Throwable cause) {
        super(message, cause);
        this.reference = reference;
    }

    /** @return the artifact reference */
    public String reference() {
        return reference;
    }
}
