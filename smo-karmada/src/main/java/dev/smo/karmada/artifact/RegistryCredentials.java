package dev.smo.karmada.artifact;

import java.util.Objects;

/**
 * A username and password (or token) for one registry, sent as HTTP Basic authentication or exchanged for a bearer
 * token when the registry asks for one.
 *
 * @param username the user name, not blank
 * @param password the password or access token, not null; never printed by {@link #toString()}
 */
public record RegistryCredentials(String username, String password) {

    /** Checks both parts are present. */
    public RegistryCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isBlank()) {
            throw new IllegalArgumentException("The registry username must not be blank.");
        }
    }

    /**
     * @param username the user name
     * @param password the password or token
     * @return the credentials
     */
    public static RegistryCredentials of(String username, String password) {
        return new RegistryCredentials(username, password);
    }

    /** @return the user name with the password masked */
    @Override
    public String toString() {
        return "RegistryCredentials[username=" + username + ", password=***]";
    }
}
