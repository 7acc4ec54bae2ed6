package dev.smo.karmada.artifact;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where an artifact lives: {@code host[:port]/project/name} plus an optional tag and digest.
 *
 * <p>Accepted forms ({@link #parse}):
 * <ul>
 *   <li>{@code oci://host[:port]/project/name[:tag][@digest]}: plain HTTP or TLS as configured for the host;</li>
 *   <li>{@code host[:port]/project/name[:tag][@digest]}: the same, the host must contain a dot or a port or be
 *       {@code localhost} (there is no default registry);</li>
 *   <li>{@code http://host:5000/project/name}: the original SMO's form, always plain HTTP;</li>
 *   <li>{@code https://host/project/name}: always TLS.</li>
 * </ul>
 * Without a tag or digest the fetcher picks {@code latest}, else the highest semantic-version tag.
 *
 * @param transport how to talk to the registry, from the scheme
 * @param host the registry host with its port, e.g. {@code 127.0.0.1:5000}
 * @param repository the repository path, e.g. {@code test/image-detection-graph}
 * @param tag the tag, or {@code null} when none was given
 * @param digest the manifest digest such as {@code sha256:…}, or {@code null} when none was given
 */
public record ArtifactReference(Transport transport, String host, String repository, String tag, String digest) {

    /** How the registry is reached. */
    public enum Transport {
        /** No scheme or {@code oci://}: plain HTTP when {@link ArtifactConfig} says so for the host, else TLS. */
        CONFIGURED,
        /** {@code http://}: plain HTTP. */
        PLAIN_HTTP,
        /** {@code https://}: TLS. */
        TLS
    }

    private static final Pattern HOST =
            Pattern.compile("(?:\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]{1,5})?");
    private static final Pattern REPOSITORY =
            Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}");

    /** Checks every part against the OCI distribution grammar. */
    public ArtifactReference {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(repository, "repository");
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("The registry host (" + host + ") is not a host[:port].");
        }
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("The repository (" + repository + ") is not a valid OCI repository name."
                    + "\nMaybe use lower-case letters, digits and separators (. _ -) between '/' segments.");
        }
        if (tag != null && !TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("The tag (" + tag + ") is not a valid OCI tag.");
        }
        if (digest != null && !DIGEST.matcher(digest).matches()) {
            throw new IllegalArgumentException("The digest (" + digest + ") is not an algorithm:hex digest.");
        }
    }

    /**
     * Parses a reference in one of the forms listed on this type.
     *
     * @param text the reference, e.g. {@code oci://127.0.0.1:5000/test/image-detection-graph:1.0.0}
     * @return the parsed reference
     * @throws IllegalArgumentException when the text is not a reference, naming the part that is wrong
     */
    public static ArtifactReference parse(String text) {
        Objects.requireNonNull(text, "reference");
        String rest = text.strip();
        Transport transport = Transport.CONFIGURED;
        boolean schemed = true;
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("oci://")) {
            rest = rest.substring(6);
        } else if (lower.startsWith("http://")) {
            rest = rest.substring(7);
            transport = Transport.PLAIN_HTTP;
        } else if (lower.startsWith("https://")) {
            rest = rest.substring(8);
            transport = Transport.TLS;
        } else if (rest.contains("://")) {
            throw new IllegalArgumentException("The artifact reference (" + text + ") has an unsupported scheme."
                    + "\nMaybe use oci://, http:// or https://.");
        } else {
            schemed = false;
        }
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("The artifact reference (" + text + ") names no repository."
                    + "\nMaybe write oci://host[:port]/project/name[:tag].");
        }
        String host = rest.substring(0, slash);
        if (!schemed && !host.contains(".") && !host.contains(":") && !host.equals("localhost")) {
            throw new IllegalArgumentException("The artifact reference (" + text + ") names no registry host."
                    + "\nMaybe write oci://<registry-host>[:port]/" + rest + ".");
        }
        String path = rest.substring(slash + 1);
        String digest = null;
        int at = path.indexOf('@');
        if (at >= 0) {
            digest = path.substring(at + 1);
            path = path.substring(0, at);
        }
        String tag = null;
        int colon = path.lastIndexOf(':');
        if (colon > path.lastIndexOf('/')) {
            tag = path.substring(colon + 1);
            path = path.substring(0, colon);
        }
        return new ArtifactReference(transport, host, path, tag, digest);
    }

    /**
     * @param tag the tag to point at
     * @return a copy with that tag and no digest
     */
    public ArtifactReference withTag(String tag) {
        return new ArtifactReference(transport, host, repository, Objects.requireNonNull(tag, "tag"), null);
    }

    /**
     * @param digest the manifest digest to point at
     * @return a copy with that digest, keeping the tag for display
     */
    public ArtifactReference withDigest(String digest) {
        return new ArtifactReference(transport, host, repository, tag, Objects.requireNonNull(digest, "digest"));
    }

    /**
     * @param repository the repository path
     * @return a copy in that repository, keeping the tag and digest
     */
    public ArtifactReference withRepository(String repository) {
        return new ArtifactReference(transport, host, repository, tag, digest);
    }

    /** @return whether a tag or a digest pins the version */
    public boolean isPinned() {
        return tag != null || digest != null;
    }

    /** @return the last repository segment, e.g. {@code image-detection-graph} */
    public String name() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** @return the reference in its {@code oci://} (or {@code http://}, {@code https://}) form */
    @Override
    public String toString() {
        String scheme = switch (transport) {
            case CONFIGURED -> "oci://";
            case PLAIN_HTTP -> "http://";
            case TLS -> "https://";
        };
        return scheme + host + "/" + repository + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }
}
