/** PostgreSQL store for the orchestrator (jdbi3, Flyway migrations, embedded PostgreSQL default). */
module dev.smo.persistence {
    requires transitive dev.smo.core;
    requires org.jdbi.v3.core;
    requires org.postgresql.jdbc;
    requires java.sql;
}
