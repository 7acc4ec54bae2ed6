package dev.smo.karmada.artifact.internal;

import static dev.smo.karmada.artifact.ArtifactMediaTypes.HDAG_ARTIFACT;
import static dev.smo.karmada.artifact.ArtifactMediaTypes.HDAG_CONFIG;
import static dev.smo.karmada.artifact.ArtifactMediaTypes.HDAG_DESCRIPTOR_LAYER;
import static dev.smo.karmada.artifact.ArtifactMediaTypes.HELM_CHART_LAYER;
import static dev.smo.karmada.artifact.ArtifactMediaTypes.HELM_CONFIG;
import static dev.smo.karmada.artifact.ArtifactMediaTypes.TAR_GZIP_LAYER;
import static dev.smo.karmada.artifact.ArtifactMediaTypes.TITLE_ANNOTATION;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.ArtifactException;
import dev.smo.karmada.artifact.ArtifactConfig;
import dev.smo.karmada.artifact.ArtifactReference;
import dev.smo.karmada.artifact.OciArtifacts;
import dev.smo.karmada.artifact.PushedArtifact;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import land.oras.ArtifactType;
import land.oras.Config;
import land.oras.ContainerRef;
import land.oras.Layer;
import land.oras.Manifest;
import land.oras.Registry;
import land.oras.auth.AuthProvider;
import land.oras.auth.NoAuthProvider;
import land.oras.auth.UsernamePasswordProvider;

/** The {@link OciArtifacts} over the ORAS Java SDK. Every fetch or push runs as one task bounded by the deadline. */
public final class DefaultOciArtifacts implements OciArtifacts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArtifactConfig config;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final Map<String, Registry> registries = new ConcurrentHashMap<>();
    private final RegistryErrors errors;
    private final DescriptorSelector selector;

    /**
     * @param config hosts, credentials, limits and deadline
     * @param executor where registry calls run, or {@code null} to create daemon threads owned by this instance
     */
    public DefaultOciArtifacts(ArtifactConfig config, ExecutorService executor) {
        this.config = config;
        this.ownsExecutor = executor == null;
        this.executor = executor != null ? executor : Executors.newCachedThreadPool(daemonThreads());
        // Not on the caller's executor: a diagnostic request runs while a fetch task holds one of its threads.
        this.errors = new RegistryErrors(
                HttpClient.newBuilder().connectTimeout(config.timeout()).build());
        this.selector = new DescriptorSelector(config.limits().maxFileBytes());
    }

    @Override
    public String fetchDescriptor(String reference) {
        ArtifactReference ref = parse(reference);
        return withDeadline(reference, ref, "pulling", () -> fetch(reference, ref));
    }

    @Override
    public PushedArtifact push(Path source, String reference) {
        ArtifactReference ref = parse(reference);
        if (ref.digest() != null) {
            throw new ArtifactException(
                    reference,
                    "Cannot push to a digest reference (" + reference + ")."
                            + "\nMaybe drop the @digest and give a tag, or none to use hdaGraph.version.",
                    null);
        }
        if (!Files.isDirectory(source) && !Files.isRegularFile(source)) {
            throw new ArtifactException(reference, "Cannot push (" + source + "): not a directory or a file.", null);
        }
        return withDeadline(reference, ref, "pushing", () -> push(reference, source, ref));
    }

    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }

    private String fetch(String reference, ArtifactReference ref) throws IOException {
        admit(reference, ref);
        Registry registry = registryFor(ref);
        ArtifactReference pinned = ref.isPinned() ? ref : ref.withTag(resolveTag(reference, registry, ref));
        ContainerRef container = containerRef(pinned);
        Manifest manifest = call(reference, pinned, "reading the manifest", () -> registry.getManifest(container));
        String configType =
                manifest.getConfig() == null ? null : manifest.getConfig().getMediaType();
        List<Layer> layers = manifest.getLayers() == null ? List.of() : manifest.getLayers();
        boolean helmLayer = layers.stream().anyMatch(l -> HELM_CHART_LAYER.equals(l.getMediaType()));
        if (HELM_CONFIG.equals(configType) || helmLayer) {
            throw new ArtifactException(
                    reference,
                    "Artifact (" + pinned + ") is a Helm chart (config "
                            + configType + "), not an HDAG artifact."
                            + "\nMaybe this is a service's chart (artifact.ociImage); pass the HDAG artifact instead.",
                    null);
        }
        checkDeclaredSizes(reference, pinned, layers);
        UnpackBudget budget = new UnpackBudget(config.limits());
        UnpackedFiles files = new UnpackedFiles();
        LayerUnpacker unpacker = new LayerUnpacker(budget, files);
        try {
            for (Layer layer : layers) {
                ContainerRef blobRef = container.withDigest(layer.getDigest());
                try (InputStream stream = call(
                        reference,
                        pinned,
                        "downloading layer " + layer.getDigest(),
                        () -> registry.fetchBlob(blobRef))) {
                    BlobInputStream blob = new BlobInputStream(stream, layer.getDigest(), layer.getSize());
                    unpacker.unpack(blob, layerName(layer));
                    blob.drainAndVerify();
                }
            }
            return selector.select(files).text();
        } catch (UnsafeArtifactException e) {
            throw new ArtifactException(reference, "Artifact (" + pinned + ") refused: " + e.getMessage(), null);
        }
    }

    private PushedArtifact push(String reference, Path source, ArtifactReference ref) throws IOException {
        boolean directory = Files.isDirectory(source);
        ArtifactPackager.Packed packed;
        DescriptorSelector.Descriptor descriptor;
        try {
            ArtifactPackager packager = new ArtifactPackager(new UnpackBudget(config.limits()));
            packed = directory ? packager.packDirectory(source) : packager.packFile(source);
            descriptor = selector.select(packed.files());
        } catch (UnsafeArtifactException e) {
            throw new ArtifactException(reference, "Cannot push (" + source + "): " + e.getMessage(), null);
        }
        ArtifactReference target = pushTarget(reference, ref, descriptor);
        admit(reference, target);
        Registry registry = registryFor(target);
        ContainerRef container = containerRef(target);
        String title = directory
                ? (descriptor.id() != null
                                ? descriptor.id()
                                : source.getFileName().toString())
                        + (descriptor.version() != null ? "-" + descriptor.version() : "") + ".tar.gz"
                : source.getFileName().toString();
        Layer blob = call(reference, target, "uploading the layer", () -> registry.pushBlob(container, packed.bytes()));
        Layer layer = Layer.fromDigest(blob.getDigest(), packed.bytes().length)
                .withMediaType(directory ? TAR_GZIP_LAYER : HDAG_DESCRIPTOR_LAYER)
                .withAnnotations(Map.of(TITLE_ANNOTATION, title));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("id", descriptor.id());
        info.put("version", descriptor.version());
        info.put("descriptor", descriptor.path());
        byte[] configJson = JSON.writeValueAsBytes(info);
        Layer configBlob =
                call(reference, target, "uploading the config", () -> registry.pushBlob(container, configJson));
        Map<String, String> annotations = new LinkedHashMap<>();
        if (descriptor.id() != null) {
            annotations.put(TITLE_ANNOTATION, descriptor.id());
        }
        if (descriptor.version() != null) {
            annotations.put("org.opencontainers.image.version", descriptor.version());
        }
        Manifest manifest = Manifest.empty()
                .withArtifactType(ArtifactType.from(HDAG_ARTIFACT))
                .withConfig(Config.fromBlob(HDAG_CONFIG, configBlob))
                .withLayers(List.of(layer))
                .withAnnotations(annotations);
        Manifest pushed =
                call(reference, target, "uploading the manifest", () -> registry.pushManifest(container, manifest));
        return new PushedArtifact(target, pushed.getDigest());
    }

    /** The tag from the reference or hdaGraph.version; a one-segment path is a project, completed with the id. */
    private static ArtifactReference pushTarget(
            String reference, ArtifactReference ref, DescriptorSelector.Descriptor descriptor) {
        String tag = ref.tag();
        if (tag == null) {
            if (descriptor.version() == null) {
                throw new ArtifactException(
                        reference,
                        "Cannot choose a tag for (" + reference + "): the reference"
                                + " has none and the descriptor (" + descriptor.path() + ") has no hdaGraph.version."
                                + "\nMaybe add :<tag> to the reference.",
                        null);
            }
            tag = descriptor.version().replace('+', '_');
        }
        String repository = ref.repository();
        if (!repository.contains("/")) {
            if (descriptor.id() == null) {
                throw new ArtifactException(
                        reference,
                        "The reference (" + reference + ") names a project only and"
                                + " the descriptor has no hdaGraph.id to name the repository."
                                + "\nMaybe give the full repository, e.g. " + ref.host() + "/" + repository
                                + "/<name>.",
                        null);
            }
            repository = repository + "/" + descriptor.id().toLowerCase(Locale.ROOT);
        }
        try {
            return ref.withRepository(repository).withTag(tag);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(reference, "Cannot push to (" + reference + "): " + e.getMessage(), e);
        }
    }

    private String resolveTag(String reference, Registry registry, ArtifactReference ref) {
        ContainerRef repository = containerRef(ref.withTag("latest"));
        List<String> tags = call(reference, ref, "listing the tags", () -> registry.getTags(repository))
                .tags();
        List<String> known = tags == null ? List.of() : tags;
        return TagResolver.choose(known)
                .orElseThrow(() -> new ArtifactException(
                        reference,
                        "Artifact (" + ref
                                + ") names no tag, and the repository has neither 'latest' nor a semantic-version tag; its tags: "
                                + known + ".\nMaybe add :<tag> to the reference.",
                        null));
    }

    private void checkDeclaredSizes(String reference, ArtifactReference ref, List<Layer> layers) {
        long total = 0;
        for (Layer layer : layers) {
            if (layer.getDigest() == null || layer.getSize() < 0) {
                throw new ArtifactException(
                        reference, "Artifact (" + ref + ") has a layer without digest or size.", null);
            }
            total += layer.getSize();
        }
        if (layers.size() > config.limits().maxFiles()
                || total > config.limits().maxArtifactBytes()) {
            throw new ArtifactException(
                    reference,
                    "Artifact (" + ref + ") declares " + layers.size() + " layers of "
                            + total + " bytes, above the limits (maxFiles "
                            + config.limits().maxFiles()
                            + ", maxArtifactBytes " + config.limits().maxArtifactBytes() + "); nothing downloaded.",
                    null);
        }
    }

    private static String layerName(Layer layer) {
        Map<String, String> annotations = layer.getAnnotations();
        String title = annotations == null ? null : annotations.get(TITLE_ANNOTATION);
        if (title != null && !title.isBlank()) {
            return title;
        }
        String digest = layer.getDigest();
        String hex = digest.substring(digest.indexOf(':') + 1);
        String type = layer.getMediaType() == null ? "" : layer.getMediaType();
        return "layer-" + hex.substring(0, Math.min(12, hex.length())) + (type.contains("yaml") ? ".yaml" : "");
    }

    private <T> T call(String reference, ArtifactReference ref, String action, Callable<T> call) {
        try {
            return call.call();
        } catch (ArtifactException | UnsafeArtifactException e) {
            throw e;
        } catch (Exception e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ArtifactException(reference, "Interrupted while " + action + " (" + ref + ").", e);
            }
            boolean plain = config.isPlainHttp(ref);
            throw new ArtifactException(
                    reference,
                    "Artifact (" + ref + "): "
                            + errors.describe(action, ref, plain, config.credentialsFor(ref.host()), e),
                    e);
        }
    }

    private <T> T withDeadline(String reference, ArtifactReference ref, String action, Callable<T> work) {
        Future<T> future = executor.submit(work);
        try {
            return future.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ArtifactException(
                    reference,
                    "Artifact (" + ref + "): registry (" + ref.host()
                            + ") did not finish " + action + " within "
                            + config.timeout().toMillis() + " ms; gave up."
                            + "\nMaybe the host and port point at something that is not a registry, or raise the timeout.",
                    e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ArtifactException(reference, "Interrupted while " + action + " (" + ref + ").", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ArtifactException artifact) {
                throw artifact;
            }
            if (cause instanceof UncheckedIOException || cause instanceof IOException) {
                throw new ArtifactException(
                        reference,
                        "Artifact (" + ref + "): I/O failure while " + action + ": " + cause.getMessage(),
                        cause);
            }
            throw new ArtifactException(reference, "Artifact (" + ref + "): " + action + " failed: " + cause, cause);
        }
    }

    /**
     * Resolves the registry's name and checks every address against the policy before anything is sent. A refusal
     * reads like any other unreachable registry, so answers tell nothing about what is behind a name.
     */
    private void admit(String reference, ArtifactReference ref) {
        if (config.policy().unrestricted()) {
            return;
        }
        String host = ref.host();
        int colon = host.lastIndexOf(':');
        String name = colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            throw new ArtifactException(reference, "Artifact (" + ref + "): " + RegistryErrors.unreachable(ref), e);
        }
        if (config.policy().refusal(host, addresses).isPresent()) {
            throw new ArtifactException(reference, "Artifact (" + ref + "): " + RegistryErrors.unreachable(ref), null);
        }
    }

    private static ArtifactReference parse(String reference) {
        try {
            return ArtifactReference.parse(reference);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ArtifactException(reference, e.getMessage(), e);
        }
    }

    private Registry registryFor(ArtifactReference ref) {
        boolean plain = config.isPlainHttp(ref);
        String key = (plain ? "http://" : "https://") + ref.host().toLowerCase(Locale.ROOT);
        return registries.computeIfAbsent(key, k -> {
            // An explicit provider, never ORAS's default, which reads ~/.docker/config.json.
            AuthProvider auth = config.credentialsFor(ref.host())
                    .<AuthProvider>map(c -> new UsernamePasswordProvider(c.username(), c.password()))
                    .orElseGet(NoAuthProvider::new);
            return Registry.builder()
                    .withInsecure(plain)
                    .withExecutorService(executor)
                    .withAuthProvider(auth)
                    .build();
        });
    }

    private static ContainerRef containerRef(ArtifactReference ref) {
        String tag = ref.tag() != null ? ref.tag() : "latest";
        return ContainerRef.parse(
                ref.host() + "/" + ref.repository() + ":" + tag + (ref.digest() != null ? "@" + ref.digest() : ""));
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "smo-oci-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
