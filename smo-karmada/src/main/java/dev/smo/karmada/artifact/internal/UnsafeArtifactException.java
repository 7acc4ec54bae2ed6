package dev.smo.karmada.artifact.internal;

/**
 * An artifact broke an unpacking rule or a limit, or holds no descriptor. Internal: {@link DefaultOciArtifacts}
 * turns it into an {@link dev.smo.core.ArtifactException} carrying the reference.
 */
final class UnsafeArtifactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnsafeArtifactException(String message) {
        super(message);
    }
}
