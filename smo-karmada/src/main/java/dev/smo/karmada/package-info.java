/**
 * SMO's Karmada adapters: {@link dev.smo.karmada.Karmada#connect(dev.smo.karmada.KarmadaConfig)} gives the
 * {@link dev.smo.core.spi.ClusterInventory} (Karmada member clusters with Submariner CIDRs), the
 * {@link dev.smo.core.spi.Deployer} (one Helm release per service, through the Karmada API server) and the
 * {@link dev.smo.core.spi.WorkloadScaler} (replicas of a release's Deployments).
 *
 * <p>Configuration is passed in as records ({@link dev.smo.karmada.KarmadaConfig},
 * {@link dev.smo.karmada.HelmOptions}, {@link dev.smo.karmada.RegistryOptions},
 * {@link dev.smo.karmada.RetryPolicy}); nothing here reads the environment. Failures surface as
 * {@link dev.smo.core.UnableToDeployException} or {@link dev.smo.core.ClusterInventoryException} carrying Helm's
 * or the API server's own message.
 */
package dev.smo.karmada;
