/**
 * Implementations of the ports for running without a database or a cluster: an in-memory store, a static inventory
 * read from a {@link dev.smo.core.local.ClustersFile}, a {@link dev.smo.core.local.DryRunDeployer} that records the
 * Helm releases it would apply, and in-memory alerting rules and dashboards. They carry {@code jakarta.inject}
 * annotations, so a container can create them.
 */
package dev.smo.core.local;
