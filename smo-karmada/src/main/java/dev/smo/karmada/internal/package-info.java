/**
 * Implementation of the Karmada adapters; not exported. Kubernetes objects are read and written as generic JSON
 * maps ({@code KubeApi}) because client-java's typed models reject fields they do not know; Helm runs in-process
 * through helm-java ({@code HelmRunner}).
 */
package dev.smo.karmada.internal;
