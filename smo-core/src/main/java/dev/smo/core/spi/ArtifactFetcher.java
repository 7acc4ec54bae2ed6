package dev.smo.core.spi;

/** Reads HDAG descriptors out of published artifacts (an OCI registry in production). */
public interface ArtifactFetcher {

    /**
     * Pulls the artifact and returns the descriptor inside it.
     *
     * @param reference {@code oci://host/project/name[:tag]} or the original's {@code http://host:5000/project/name}
     * @return the descriptor text (YAML or JSON)
     * @throws dev.smo.core.ArtifactException when the artifact cannot be pulled or holds no descriptor
     */
    String fetchDescriptor(String reference);
}
