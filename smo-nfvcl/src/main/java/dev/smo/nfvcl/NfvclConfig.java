package dev.smo.nfvcl;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the NFVCL answers and how SMO talks to it.
 *
 * @param baseUrl e.g. {@code http://nfvcl:5002}
 * @param user user for NFVCL's OAuth2 password grant, or {@code null} when authentication is off (its default)
 * @param password that user's password, or {@code null}
 * @param timeout limit for one request, connection included
 * @param retries how many times an idempotent call is retried after a 5xx or a lost connection
 */
public record NfvclConfig(URI baseUrl, String user, String password, Duration timeout, int retries) {

    /** Request timeout when none is given: 30 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public NfvclConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
            throw new IllegalArgumentException("NFVCL URL (" + baseUrl + ") is not http(s).");
        }
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("NFVCL user and password go together.");
        }
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Timeout (" + timeout + ") must be positive.");
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("Retries (" + retries + ") must be within 0..10.");
        }
    }

    /**
     * @param baseUrl the NFVCL's base URL
     * @return no authentication, the default timeout, two retries
     */
    public static NfvclConfig of(URI baseUrl) {
        return new NfvclConfig(baseUrl, null, null, null, 2);
    }

    /** @return a copy that logs in with NFVCL's OAuth2 password grant */
    public NfvclConfig withLogin(String user, String password) {
        return new NfvclConfig(baseUrl, user, password, timeout, retries);
    }

    /** @return a copy with this timeout per request */
    public NfvclConfig withTimeout(Duration timeout) {
        return new NfvclConfig(baseUrl, user, password, timeout, retries);
    }

    /** @return a copy with this retry count */
    public NfvclConfig withRetries(int retries) {
        return new NfvclConfig(baseUrl, user, password, timeout, retries);
    }

    @Override
    public String toString() {
        return "NfvclConfig[baseUrl=" + baseUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", timeout=" + timeout + ", retries=" + retries + "]";
    }
}
