package dev.smo.server;

import java.util.Optional;

/**
 * Settings of the HTTP layer.
 *
 * @param apiToken bearer token required on every mutating route, or empty for none
 * @param maxBodyBytes largest accepted request body
 */
public record HttpSettings(Optional<String> apiToken, long maxBodyBytes) {

    /** No token, 1 MiB bodies. */
    public static final HttpSettings DEFAULTS = new HttpSettings(Optional.empty(), 1 << 20);
}
