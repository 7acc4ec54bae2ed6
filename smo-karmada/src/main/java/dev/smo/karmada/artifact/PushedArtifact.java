package dev.smo.karmada.artifact;

import java.util.Objects;

/**
 * What {@link OciArtifacts#push} stored.
 *
 * @param reference where the artifact now lives, with the tag it was pushed under
 * @param digest the manifest digest, e.g. {@code sha256:3f1c…}; pulling {@code reference.withDigest(digest)} always
 *        returns these exact bytes
 */
public record PushedArtifact(ArtifactReference reference, String digest) {

    /** Checks both parts are present. */
    public PushedArtifact {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(digest, "digest");
    }
}
