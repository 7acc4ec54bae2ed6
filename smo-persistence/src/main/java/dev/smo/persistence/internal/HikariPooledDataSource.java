package dev.smo.persistence.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.smo.persistence.PooledDataSource;
import dev.smo.persistence.UnableToAccessDatabaseException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import org.postgresql.ds.PGSimpleDataSource;

/** A HikariCP pool over pgjdbc's own data source (no DriverManager lookup, so it works on the module path). */
public final class HikariPooledDataSource implements PooledDataSource {

    /** How long a caller waits for a connection before the store reports the database unavailable. */
    static final long CONNECTION_TIMEOUT_MS = 3000;

    private final HikariDataSource pool;

    private HikariPooledDataSource(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Seconds a statement may wait for the database's answer unless the URL sets {@code socketTimeout}. */
    static final int SOCKET_TIMEOUT_S = 10;

    public static HikariPooledDataSource open(String jdbcUrl, String user, String password, int maxPoolSize) {
        PGSimpleDataSource target = new PGSimpleDataSource();
        target.setURL(jdbcUrl);
        if (user != null && !user.isEmpty()) {
            target.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            target.setPassword(password);
        }
        HikariConfig config = new HikariConfig();
        config.setDataSource(target);
        config.setPoolName("smo-" + target.getServerNames()[0] + "-" + target.getDatabaseName());
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(1);
        // Fail fast while the database is down: a request gets an answer (503) in seconds, not after 30 s.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setValidationTimeout(1000);
        target.setConnectTimeout(2);
        if (target.getSocketTimeout() == 0) {
            // A database that stops answering without closing the connection (frozen, partitioned) fails a statement
            // in flight after this long instead of holding its request for as long as TCP keeps trying.
            target.setSocketTimeout(SOCKET_TIMEOUT_S);
        }
        target.setTcpKeepAlive(true);
        try {
            return new HikariPooledDataSource(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new UnableToAccessDatabaseException(
                    "Cannot connect to PostgreSQL at (" + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***")
                            + ") as (" + target.getUser() + "): " + Exceptions.rootMessage(e)
                            + "\nMaybe start the server, or check the host, port, database name and credentials.",
                    e);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return iface.isInstance(this) ? iface.cast(this) : pool.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || pool.isWrapperFor(iface);
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "PooledDataSource[" + pool.getPoolName() + "]";
    }
}
