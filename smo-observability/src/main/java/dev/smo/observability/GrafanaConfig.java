package dev.smo.observability;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Grafana answers and how SMO authenticates to it: HTTP Basic (user and password) or a bearer token (a
 * service-account token or an API key), never both.
 *
 * @param url Grafana's base URL, e.g. {@code http://grafana:3000} or {@code https://example.org/grafana}
 * @param user Basic auth user, or {@code null}
 * @param password Basic auth password, or {@code null}
 * @param apiToken bearer token, or {@code null}
 * @param folderUid uid of the folder dashboards go into, or {@code null} for Grafana's default folder
 * @param timeout limit for one request, connection included
 */
public record GrafanaConfig(
        URI url, String user, String password, String apiToken, String folderUid, Duration timeout) {

    /** Request timeout when none is given: 10 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public GrafanaConfig {
        Objects.requireNonNull(url, "url");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new IllegalArgumentException("Grafana URL (" + url + ") is not http(s).");
        }
        if (apiToken != null && (user != null || password != null)) {
            throw new IllegalArgumentException(
                    "Grafana config has both an API token and a user/password." + "\nMaybe keep only one of them.");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException(
                    "Grafana user (" + user + ") needs a password, and a password" + " needs a user.");
        }
        folderUid = folderUid == null || folderUid.isBlank() ? null : folderUid;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Timeout (" + timeout + ") must be positive.");
        }
    }

    /**
     * @param url Grafana's base URL
     * @param user the user (the original SMO's default is {@code admin})
     * @param password the password
     * @return a config with HTTP Basic authentication
     */
    public static GrafanaConfig basic(URI url, String user, String password) {
        return new GrafanaConfig(
                url,
                Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(password, "password"),
                null,
                null,
                null);
    }

    /**
     * @param url Grafana's base URL
     * @param apiToken a service-account token or API key
     * @return a config with bearer authentication
     */
    public static GrafanaConfig token(URI url, String apiToken) {
        return new GrafanaConfig(url, null, null, Objects.requireNonNull(apiToken, "apiToken"), null, null);
    }

    /**
     * @param folderUid uid of the folder dashboards go into
     * @return a copy with this folder
     */
    public GrafanaConfig withFolderUid(String folderUid) {
        return new GrafanaConfig(url, user, password, apiToken, folderUid, timeout);
    }

    /**
     * @param timeout limit for one request
     * @return a copy with this timeout
     */
    public GrafanaConfig withTimeout(Duration timeout) {
        return new GrafanaConfig(url, user, password, apiToken, folderUid, timeout);
    }

    /** @return the config with the password and token masked */
    @Override
    public String toString() {
        return "GrafanaConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "***")
                + ", apiToken=" + (apiToken == null ? null : "***") + ", folderUid=" + folderUid + ", timeout="
                + timeout + "]";
    }
}
