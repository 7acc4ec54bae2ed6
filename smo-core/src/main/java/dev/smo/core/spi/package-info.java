/**
 * The ports the orchestrator needs: a {@link dev.smo.core.spi.GraphStore}, a
 * {@link dev.smo.core.spi.ClusterInventory}, a {@link dev.smo.core.spi.Deployer} and
 * {@link dev.smo.core.spi.WorkloadScaler}, alerting rules, dashboards, metrics, artifacts and NFVCL. Adapter modules
 * implement them; applications pass the implementations to the builder.
 */
package dev.smo.core.spi;
