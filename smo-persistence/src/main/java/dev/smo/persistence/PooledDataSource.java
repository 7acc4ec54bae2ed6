package dev.smo.persistence;

import javax.sql.DataSource;

/** A {@link DataSource} that keeps a pool of open connections until it is closed. */
public interface PooledDataSource extends DataSource, AutoCloseable {

    /** Closes every pooled connection; later {@code getConnection} calls fail. Idempotent. */
    @Override
    void close();
}
