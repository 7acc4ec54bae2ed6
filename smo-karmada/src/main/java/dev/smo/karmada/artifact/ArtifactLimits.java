package dev.smo.karmada.artifact;

/**
 * Bounds applied while an artifact is downloaded and unpacked, so a hostile artifact (a gzip bomb, a tar of a
 * million entries) is refused before it fills memory. Checked while streaming, never after.
 *
 * @param maxArtifactBytes the most bytes an artifact may hold, counted both as downloaded (compressed) and as
 *        unpacked (uncompressed, every layer together); at least 1
 * @param maxFiles the most archive entries (files, directories, links) across all layers; at least 1
 * @param maxFileBytes the largest single file, in bytes; at least 1
 */
public record ArtifactLimits(long maxArtifactBytes, int maxFiles, long maxFileBytes) {

    /** 16 MiB per artifact, 1000 entries, 4 MiB per file. */
    public static final ArtifactLimits DEFAULT = new ArtifactLimits(16L << 20, 1000, 4L << 20);

    /** Checks every bound is positive. */
    public ArtifactLimits {
        if (maxArtifactBytes < 1) {
            throw new IllegalArgumentException("The maxArtifactBytes (" + maxArtifactBytes + ") must be at least 1.");
        }
        if (maxFiles < 1) {
            throw new IllegalArgumentException("The maxFiles (" + maxFiles + ") must be at least 1.");
        }
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("The maxFileBytes (" + maxFileBytes + ") must be at least 1.");
        }
    }

    /**
     * @param maxArtifactBytes the new artifact bound, in bytes
     * @return a copy with that bound
     */
    public ArtifactLimits withMaxArtifactBytes(long maxArtifactBytes) {
        return new ArtifactLimits(maxArtifactBytes, maxFiles, maxFileBytes);
    }

    /**
     * @param maxFiles the new entry-count bound
     * @return a copy with that bound
     */
    public ArtifactLimits withMaxFiles(int maxFiles) {
        return new ArtifactLimits(maxArtifactBytes, maxFiles, maxFileBytes);
    }

    /**
     * @param maxFileBytes the new single-file bound, in bytes
     * @return a copy with that bound
     */
    public ArtifactLimits withMaxFileBytes(long maxFileBytes) {
        return new ArtifactLimits(maxArtifactBytes, maxFiles, maxFileBytes);
    }
}
