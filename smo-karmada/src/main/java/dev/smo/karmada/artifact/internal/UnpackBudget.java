package dev.smo.karmada.artifact.internal;

import dev.smo.karmada.artifact.ArtifactLimits;

/** Counts the bytes and entries of one artifact against its {@link ArtifactLimits}, across all its layers. */
final class UnpackBudget {

    private final ArtifactLimits limits;
    private long unpackedBytes;
    private int entries;

    UnpackBudget(ArtifactLimits limits) {
        this.limits = limits;
    }

    ArtifactLimits limits() {
        return limits;
    }

    /** Charges uncompressed bytes as they stream out of a layer. */
    void chargeBytes(long count) {
        unpackedBytes += count;
        if (unpackedBytes > limits.maxArtifactBytes()) {
            throw new UnsafeArtifactException("The artifact unpacks to more than " + limits.maxArtifactBytes()
                    + " bytes (maxArtifactBytes), e.g. a highly compressed (gzip bomb) layer; unpacking stopped."
                    + "\nMaybe raise ArtifactLimits.maxArtifactBytes if the artifact is trusted.");
        }
    }

    /** Charges one archive entry (file, directory or link). */
    void chargeEntry(String path) {
        entries++;
        if (entries > limits.maxFiles()) {
            throw new UnsafeArtifactException("The artifact holds more than " + limits.maxFiles()
                    + " entries (maxFiles); unpacking stopped at (" + path + ")."
                    + "\nMaybe raise ArtifactLimits.maxFiles if the artifact is trusted.");
        }
    }

    /** Refuses a single file larger than the per-file bound. */
    void checkFileSize(String path, long size) {
        if (size > limits.maxFileBytes()) {
            throw new UnsafeArtifactException("The file (" + path + ") holds more than " + limits.maxFileBytes()
                    + " bytes (maxFileBytes): " + size + "."
                    + "\nMaybe raise ArtifactLimits.maxFileBytes if the artifact is trusted.");
        }
    }
}
