/**
 * Service profiling: {@link dev.smo.optimizer.profiling.ProfileFitter} learns a service's capacity model
 * {@code rate = alpha·replicas + beta} from observed (replicas, request rate) samples, robust to periods where the
 * service was not saturated and to outliers, and returns a {@link dev.smo.optimizer.profiling.ProfileFit}: the
 * coefficients with R², confidence intervals and each sample's verdict, or a refusal with its reason.
 */
package dev.smo.optimizer.profiling;
