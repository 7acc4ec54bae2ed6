package dev.smo.persistence;

import dev.smo.core.SmoIntegrationException;

/** PostgreSQL could not be reached, started, migrated, or refused a statement. */
public class UnableToAccessDatabaseException extends SmoIntegrationException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the database or the graph concerned
     * @param cause the underlying failure, or {@code null}
     */
    public UnableToAccessDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
