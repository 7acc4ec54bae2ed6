/**
 * PostgreSQL persistence for SMO.
 *
 * <p>{@link dev.smo.persistence.PostgresGraphStore} keeps graphs, services, event logs and cluster snapshots.
 * Its schema is versioned by {@link dev.smo.persistence.Migrations}. A {@link javax.sql.DataSource} comes from
 * {@link dev.smo.persistence.Databases} for a configured server, or from
 * {@link dev.smo.persistence.EmbeddedDatabase} when none is configured. Nothing here reads the environment:
 * the caller builds a {@link dev.smo.persistence.DatabaseConfig} and passes it in.
 */
package dev.smo.persistence;
