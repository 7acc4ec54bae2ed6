/**
 * HDAG artifacts in OCI registries, replacing the original SMO's {@code hdarctl}.
 *
 * <p>{@link dev.smo.karmada.artifact.OciArtifacts} pulls an artifact, unpacks it in memory under
 * {@link dev.smo.karmada.artifact.ArtifactLimits} and returns the descriptor inside; it also packages and pushes a
 * descriptor directory. References are parsed by {@link dev.smo.karmada.artifact.ArtifactReference}; the media types
 * written on push are listed in {@link dev.smo.karmada.artifact.ArtifactMediaTypes}.
 */
package dev.smo.karmada.artifact;
