package dev.smo.server.http;

import dev.smo.persistence.UnableToAccessDatabaseException;
import io.javalin.http.Context;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/** A store that cannot be reached is an outage, not a bug nor a failing upstream: 503 with Retry-After. */
final class StoreOutage {

    private static final System.Logger LOG = System.getLogger(StoreOutage.class.getName());
    static final String RETRY_AFTER_SECONDS = "5";

    private StoreOutage() {}

    /** @return whether the failure comes from the database being unreachable */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnableToAccessDatabaseException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || (t instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static void send(Context ctx, Throwable failure) {
        LOG.log(Level.WARNING, "Store unavailable on " + ctx.method() + " " + ctx.path() + ": " + failure.getMessage());
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        Problems.send(
                ctx,
                503,
                "store-unavailable",
                "Store unavailable",
                "SMO's database cannot be reached; nothing was changed by this request unless its events say so."
                        + "\nMaybe retry in " + RETRY_AFTER_SECONDS + " s.",
                List.of());
    }
}
