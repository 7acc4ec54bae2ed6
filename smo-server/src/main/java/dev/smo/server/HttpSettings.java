package dev.smo.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the HTTP layer: who may call, from where, and how much.
 *
 * @param apiToken the write token: required on every mutating route, and on reads too unless
 *        {@code anonymousReads}; empty for none (loopback only)
 * @param maxBodyBytes largest accepted request body, counted as it arrives whatever the framing
 * @param readToken a token that reads but cannot change anything, for dashboards; empty for none
 * @param anonymousReads whether reads need no token even when a token is configured
 * @param allowedHosts the {@code Host} names (without port, lower case) the server answers to, against DNS
 *        rebinding; {@code *} for any
 * @param allowedOrigins origins ({@code scheme://host[:port]}) besides the server's own allowed to send mutating
 *        requests from a browser
 * @param getAliases whether the original's {@code GET} aliases of placement, start and stop are served
 * @param readTimeout the longest a request body may take to arrive, and the idle time of a connection
 * @param maxAlerts the most alerts one webhook notification may carry
 * @param anonymousPlans how many {@code /plan} requests without a token may run at once
 */
public record HttpSettings(
        Optional<String> apiToken,
        long maxBodyBytes,
        Optional<String> readToken,
        boolean anonymousReads,
        Set<String> allowedHosts,
        Set<String> allowedOrigins,
        boolean getAliases,
        Duration readTimeout,
        int maxAlerts,
        int anonymousPlans) {

    /** The host names every server answers to: the loopback names. */
    public static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** No token, 1 MiB bodies, loopback host names, no GET aliases, 10 s to send a body. */
    public static final HttpSettings DEFAULTS = new HttpSettings(Optional.empty(), 1 << 20);

    /** Normalises the host names and origins and checks the bounds. */
    public HttpSettings {
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(readToken, "readToken");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes (" + maxBodyBytes + ") must be positive.");
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout (" + readTimeout + ") must be positive.");
        }
        if (maxAlerts < 1 || anonymousPlans < 1) {
            throw new IllegalArgumentException(
                    "maxAlerts (" + maxAlerts + ") and anonymousPlans (" + anonymousPlans + ") must be positive.");
        }
        allowedHosts = lower(allowedHosts);
        allowedOrigins = lower(allowedOrigins);
    }

    /**
     * The defaults with a write token and a body limit.
     *
     * @param apiToken the write token, or empty
     * @param maxBodyBytes largest accepted request body
     */
    public HttpSettings(Optional<String> apiToken, long maxBodyBytes) {
        this(
                apiToken,
                maxBodyBytes,
                Optional.empty(),
                false,
                LOOPBACK_HOSTS,
                Set.of(),
                false,
                Duration.ofSeconds(10),
                1000,
                2);
    }

    /** @return whether any token is configured */
    public boolean tokenRequired() {
        return apiToken.isPresent() || readToken.isPresent();
    }

    /**
     * @param hosts the host names to answer to
     * @return a copy answering to those names
     */
    public HttpSettings withAllowedHosts(Set<String> hosts) {
        return new HttpSettings(
                apiToken,
                maxBodyBytes,
                readToken,
                anonymousReads,
                hosts,
                allowedOrigins,
                getAliases,
                readTimeout,
                maxAlerts,
                anonymousPlans);
    }

    /**
     * @param token the read-only token
     * @param anonymous whether reads need no token at all
     * @return a copy with that read access
     */
    public HttpSettings withReads(Optional<String> token, boolean anonymous) {
        return new HttpSettings(
                apiToken,
                maxBodyBytes,
                token,
                anonymous,
                allowedHosts,
                allowedOrigins,
                getAliases,
                readTimeout,
                maxAlerts,
                anonymousPlans);
    }

    /**
     * @param enabled whether to serve the GET aliases
     * @return a copy with that setting
     */
    public HttpSettings withGetAliases(boolean enabled) {
        return new HttpSettings(
                apiToken,
                maxBodyBytes,
                readToken,
                anonymousReads,
                allowedHosts,
                allowedOrigins,
                enabled,
                readTimeout,
                maxAlerts,
                anonymousPlans);
    }

    /**
     * @param timeout the longest a body may take to arrive
     * @return a copy with that timeout
     */
    public HttpSettings withReadTimeout(Duration timeout) {
        return new HttpSettings(
                apiToken,
                maxBodyBytes,
                readToken,
                anonymousReads,
                allowedHosts,
                allowedOrigins,
                getAliases,
                timeout,
                maxAlerts,
                anonymousPlans);
    }

    /**
     * @param alerts the most alerts per notification
     * @param plans the most concurrent anonymous plans
     * @return a copy with those limits
     */
    public HttpSettings withLimits(int alerts, int plans) {
        return new HttpSettings(
                apiToken,
                maxBodyBytes,
                readToken,
                anonymousReads,
                allowedHosts,
                allowedOrigins,
                getAliases,
                readTimeout,
                alerts,
                plans);
    }

    /**
     * @param origins extra origins allowed to send mutating requests
     * @return a copy with those origins
     */
    public HttpSettings withAllowedOrigins(Set<String> origins) {
        return new HttpSettings(
                apiToken,
                maxBodyBytes,
                readToken,
                anonymousReads,
                allowedHosts,
                origins,
                getAliases,
                readTimeout,
                maxAlerts,
                anonymousPlans);
    }

    @Override
    public String toString() {
        return "HttpSettings[apiToken=" + (apiToken.isPresent() ? "***" : "none") + ", readToken="
                + (readToken.isPresent() ? "***" : "none") + ", maxBodyBytes=" + maxBodyBytes + ", anonymousReads="
                + anonymousReads + ", allowedHosts=" + allowedHosts + ", allowedOrigins=" + allowedOrigins
                + ", getAliases=" + getAliases + ", readTimeout=" + readTimeout + ", maxAlerts=" + maxAlerts
                + ", anonymousPlans=" + anonymousPlans + "]";
    }

    private static Set<String> lower(Set<String> values) {
        return Objects.requireNonNull(values).stream()
                .map(v -> v.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }
}
