package dev.smo.karmada;

import dev.smo.karmada.artifact.ArtifactConfig;
import dev.smo.karmada.artifact.RegistryCredentials;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How Helm reaches the OCI registries holding the service charts.
 *
 * @param plainHttp talk HTTP instead of HTTPS (the original's {@code INSECURE_REGISTRY}, Helm's
 *        {@code --plain-http})
 * @param insecureSkipTlsVerify accept any TLS certificate (Helm's {@code --insecure-skip-tls-verify})
 * @param caFile CA bundle that signs the registries' certificates, or {@code null} for the system's
 * @param credentials credentials per registry host ({@code host} or {@code host:port}, case-insensitive; a bare
 *        host matches every port), empty when anonymous; the same type the artifact fetcher uses
 */
public record RegistryOptions(
        boolean plainHttp, boolean insecureSkipTlsVerify, Path caFile, Map<String, RegistryCredentials> credentials) {

    /** HTTPS with the system's CAs, anonymous. */
    public static final RegistryOptions DEFAULT = new RegistryOptions(false, false, null, Map.of());

    public RegistryOptions {
        Map<String, RegistryCredentials> byHost = new HashMap<>();
        if (credentials != null) {
            credentials.forEach(
                    (host, value) -> byHost.put(host.toLowerCase(Locale.ROOT), Objects.requireNonNull(value, host)));
        }
        credentials = Map.copyOf(byHost);
    }

    /**
     * @param host registry host, with or without port
     * @param port the port, or -1
     * @return the credentials for {@code host:port}, else for {@code host}, else {@code null}
     */
    public RegistryCredentials credentialsFor(String host, int port) {
        String bare = host.toLowerCase(Locale.ROOT);
        RegistryCredentials exact = port < 0 ? null : credentials.get(bare + ":" + port);
        return exact != null ? exact : credentials.get(bare);
    }

    /**
     * Helm's registry access from the artifact fetcher's, so one configuration serves both.
     *
     * @param artifacts the artifact fetcher's configuration
     * @return plain HTTP when the fetcher uses it for every registry, and the same credentials per host
     */
    public static RegistryOptions from(ArtifactConfig artifacts) {
        return new RegistryOptions(artifacts.plainHttp(), false, null, artifacts.credentials());
    }

    /** @return a copy that talks plain HTTP */
    public RegistryOptions withPlainHttp() {
        return new RegistryOptions(true, insecureSkipTlsVerify, caFile, credentials);
    }

    /** @return a copy that accepts any TLS certificate */
    public RegistryOptions withInsecureSkipTlsVerify() {
        return new RegistryOptions(plainHttp, true, caFile, credentials);
    }

    /**
     * @param caFile CA bundle for the registries' certificates
     * @return a copy with this CA bundle
     */
    public RegistryOptions withCaFile(Path caFile) {
        return new RegistryOptions(plainHttp, insecureSkipTlsVerify, caFile, credentials);
    }

    /**
     * @param host registry host, {@code host} or {@code host:port}
     * @param username user name
     * @param password password or token
     * @return a copy that logs in to this host with these credentials
     */
    public RegistryOptions withCredentials(String host, String username, String password) {
        Objects.requireNonNull(host, "host");
        Map<String, RegistryCredentials> copy = new HashMap<>(credentials);
        copy.put(host, new RegistryCredentials(username, password));
        return new RegistryOptions(plainHttp, insecureSkipTlsVerify, caFile, copy);
    }
}
