/**
 * Intent translation: {@link dev.smo.intent.IntentTranslator} turns a service's abstract resource levels
 * ({@code cpu: light}) into a concrete {@link dev.smo.intent.ResourceRequest} by a
 * {@link dev.smo.intent.ResourceTable}; {@link dev.smo.intent.Quantity} reads and writes Kubernetes quantities.
 */
package dev.smo.intent;
