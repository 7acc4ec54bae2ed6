package dev.smo.karmada.artifact;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How {@link OciArtifacts} reaches registries. Built once at the edge (the server's configuration) and passed in;
 * nothing here reads the environment.
 *
 * <p>A host entry ({@code plainHttpHosts}, {@code credentials}) is {@code host} or {@code host:port}; a bare host
 * matches every port of that host. Matching ignores case.
 *
 * @param plainHttp whether every registry reached through {@code oci://} or a scheme-less reference speaks plain
 *        HTTP (the original's {@code INSECURE_REGISTRY}); {@code http://} references are plain HTTP regardless
 * @param plainHttpHosts the registries that speak plain HTTP even when {@code plainHttp} is off
 * @param credentials the username and password per registry host; registries not listed are used anonymously
 * @param limits the size and count bounds applied while unpacking
 * @param timeout the deadline of one whole fetch or push (connect, manifest, every blob), positive
 * @param policy which registries may be contacted, checked on their resolved addresses before any connection
 *        ({@link OutboundPolicy#UNRESTRICTED} by default; the server restricts it)
 */
public record ArtifactConfig(
        boolean plainHttp,
        Set<String> plainHttpHosts,
        Map<String, RegistryCredentials> credentials,
        ArtifactLimits limits,
        Duration timeout,
        OutboundPolicy policy) {

    /** The deadline used by {@link #defaults()}: 60 seconds. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /** Normalises the host names and copies the collections. */
    public ArtifactConfig {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(policy, "policy");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The artifact timeout (" + timeout + ") must be positive.");
        }
        Set<String> hosts = new HashSet<>();
        for (String host : Objects.requireNonNull(plainHttpHosts, "plainHttpHosts")) {
            hosts.add(normalise(host));
        }
        plainHttpHosts = Set.copyOf(hosts);
        Map<String, RegistryCredentials> byHost = new HashMap<>();
        Objects.requireNonNull(credentials, "credentials")
                .forEach((host, value) -> byHost.put(normalise(host), Objects.requireNonNull(value, host)));
        credentials = Map.copyOf(byHost);
    }

    /**
     * Without an outbound policy: every registry may be contacted.
     *
     * @param plainHttp whether every registry speaks plain HTTP
     * @param plainHttpHosts the registries that speak plain HTTP
     * @param credentials the username and password per registry host
     * @param limits the unpacking bounds
     * @param timeout the deadline of one fetch or push
     */
    public ArtifactConfig(
            boolean plainHttp,
            Set<String> plainHttpHosts,
            Map<String, RegistryCredentials> credentials,
            ArtifactLimits limits,
            Duration timeout) {
        this(plainHttp, plainHttpHosts, credentials, limits, timeout, OutboundPolicy.UNRESTRICTED);
    }

    /** @return TLS everywhere, no credentials, {@link ArtifactLimits#DEFAULT}, a 60 s deadline */
    public static ArtifactConfig defaults() {
        return new ArtifactConfig(false, Set.of(), Map.of(), ArtifactLimits.DEFAULT, DEFAULT_TIMEOUT);
    }

    /**
     * @param plainHttp whether every registry speaks plain HTTP
     * @return a copy with that setting
     */
    public ArtifactConfig withPlainHttp(boolean plainHttp) {
        return new ArtifactConfig(plainHttp, plainHttpHosts, credentials, limits, timeout, policy);
    }

    /**
     * @param hosts registries ({@code name} or {@code name:port}) that speak plain HTTP, added to those already set
     * @return a copy with those hosts added
     */
    public ArtifactConfig withPlainHttpHosts(String... hosts) {
        Set<String> all = new HashSet<>(plainHttpHosts);
        all.addAll(List.of(hosts));
        return new ArtifactConfig(plainHttp, all, credentials, limits, timeout, policy);
    }

    /**
     * @param host the registry, {@code host} or {@code host:port}
     * @param registryCredentials its username and password
     * @return a copy with those credentials added (replacing any for the same host)
     */
    public ArtifactConfig withCredentials(String host, RegistryCredentials registryCredentials) {
        Map<String, RegistryCredentials> all = new HashMap<>(credentials);
        all.put(normalise(host), registryCredentials);
        return new ArtifactConfig(plainHttp, plainHttpHosts, all, limits, timeout, policy);
    }

    /**
     * @param artifactLimits the new bounds
     * @return a copy with those bounds
     */
    public ArtifactConfig withLimits(ArtifactLimits artifactLimits) {
        return new ArtifactConfig(plainHttp, plainHttpHosts, credentials, artifactLimits, timeout, policy);
    }

    /**
     * @param deadline the new deadline of one fetch or push
     * @return a copy with that deadline
     */
    public ArtifactConfig withTimeout(Duration deadline) {
        return new ArtifactConfig(plainHttp, plainHttpHosts, credentials, limits, deadline, policy);
    }

    /**
     * @param outbound which registries may be contacted
     * @return a copy with that policy
     */
    public ArtifactConfig withPolicy(OutboundPolicy outbound) {
        return new ArtifactConfig(plainHttp, plainHttpHosts, credentials, limits, timeout, outbound);
    }

    /**
     * @param reference the artifact
     * @return whether to speak plain HTTP to its registry
     */
    public boolean isPlainHttp(ArtifactReference reference) {
        return switch (reference.transport()) {
            case PLAIN_HTTP -> true;
            case TLS -> false;
            case CONFIGURED -> plainHttp || lookup(plainHttpHosts::contains, reference.host());
        };
    }

    /**
     * @param host the registry host, with its port when it has one
     * @return the credentials for that host ({@code host:port} first, then the bare host), if any
     */
    public Optional<RegistryCredentials> credentialsFor(String host) {
        String key = normalise(host);
        RegistryCredentials exact = credentials.get(key);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(credentials.get(withoutPort(key)));
    }

    private static boolean lookup(Predicate<String> known, String host) {
        String key = normalise(host);
        return known.test(key) || known.test(withoutPort(key));
    }

    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') ? host.substring(0, colon) : host;
    }

    private static String normalise(String host) {
        return Objects.requireNonNull(host, "host").strip().toLowerCase(Locale.ROOT);
    }
}
