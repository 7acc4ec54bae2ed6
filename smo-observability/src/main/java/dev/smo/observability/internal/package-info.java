/**
 * Implementation of the observability adapters; not exported. PrometheusRule objects are read and written as
 * generic JSON through client-java's {@code CustomObjectsApi}, because its typed models reject fields they do not
 * know; rule files and PrometheusRule specs share one group format ({@code RuleGroups}).
 */
package dev.smo.observability.internal;
