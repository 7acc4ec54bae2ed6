package dev.smo.karmada.artifact;

import dev.smo.core.spi.ArtifactFetcher;
import dev.smo.karmada.artifact.internal.DefaultOciArtifacts;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Pulls HDAG descriptors from OCI registries and pushes them there: the replacement for {@code hdarctl pull} and
 * {@code hdarctl package tar} + {@code hdarctl push}, speaking the OCI distribution API through the ORAS Java SDK.
 *
 * <p>Pulling unpacks every layer in memory (tar, gzipped tar or a plain file), refusing entries that climb out of
 * the artifact ({@code ..}, absolute paths), links that point out of it, devices, and anything past the
 * {@link ArtifactLimits}; nothing is written to disk. The descriptor is the first {@code .yaml}/{@code .yml} file, in
 * sorted path order, whose top level has an {@code hdaGraph} key.
 *
 * <p>Instances are thread-safe. {@link #close()} stops the threads the instance created (never a caller's executor).
 */
public interface OciArtifacts extends ArtifactFetcher, AutoCloseable {

    /**
     * Creates a client with its own daemon threads.
     *
     * @param config hosts, credentials, limits and deadline
     * @return the client; close it when done
     */
    static OciArtifacts create(ArtifactConfig config) {
        return new DefaultOciArtifacts(Objects.requireNonNull(config, "config"), null);
    }

    /**
     * Creates a client that runs registry calls on the caller's executor, which it never shuts down.
     *
     * @param config hosts, credentials, limits and deadline
     * @param executor where registry calls run; must allow at least one task per concurrent fetch or push
     * @return the client
     */
    static OciArtifacts create(ArtifactConfig config, ExecutorService executor) {
        return new DefaultOciArtifacts(
                Objects.requireNonNull(config, "config"), Objects.requireNonNull(executor, "executor"));
    }

    /**
     * Pulls the artifact and returns the HDAG descriptor inside it.
     *
     * @param reference any form accepted by {@link ArtifactReference#parse}; without a tag, {@code latest} if the
     *        repository has it, else its highest semantic-version tag
     * @return the descriptor's text (UTF-8 YAML)
     * @throws dev.smo.core.ArtifactException when the reference is malformed, the registry is unreachable, slow
     *         past the deadline or refuses the request (with its message), the artifact is a Helm chart, breaks a
     *         limit or an unpacking rule, or holds no YAML file with a top-level {@code hdaGraph} key
     */
    @Override
    String fetchDescriptor(String reference);

    /**
     * Publishes a descriptor, like {@code hdarctl package tar DIR} followed by {@code hdarctl push}.
     *
     * <p>A directory is packed as a reproducible gzipped tar (entries under the directory's name, sorted, zero
     * timestamps; symbolic links refused) in a {@link ArtifactMediaTypes#TAR_GZIP_LAYER} layer. A single file is
     * pushed as it is in a {@link ArtifactMediaTypes#HDAG_DESCRIPTOR_LAYER} layer. Either way it must hold a
     * descriptor that {@link #fetchDescriptor} would find, and stay within the limits.
     *
     * <p>Without a tag in {@code reference}, the tag is the descriptor's {@code hdaGraph.version}. A reference whose
     * path has a single segment ({@code http://host:5000/test}, like {@code hdarctl push FILE http://host:5000/test})
     * names the project: the repository becomes {@code test/<hdaGraph.id>}.
     *
     * @param source a directory holding the descriptor (e.g. {@code hdag/} with {@code hdag.yaml}), or the file
     * @param reference where to push; a digest is not allowed
     * @return the reference pushed to, with its tag, and the manifest digest
     * @throws dev.smo.core.ArtifactException when the source holds no descriptor, breaks a limit, has no version to
     *         tag with, or the registry refuses or cannot be reached
     */
    PushedArtifact push(Path source, String reference);

    /** Stops the threads this instance created; a caller's executor is left running. */
    @Override
    void close();
}
