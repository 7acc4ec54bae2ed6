/**
 * The orchestrator's API: {@link dev.smo.core.Orchestrator}, built by {@link dev.smo.core.OrchestratorBuilder} (or
 * by a dependency-injection container through {@link dev.smo.core.OrchestratorProvider}), deploys, plans, stops,
 * starts, scales and removes graphs; {@link dev.smo.core.StoredGraph}, {@link dev.smo.core.Plan} and
 * {@link dev.smo.core.GraphEvent} are what it answers, and the exceptions here are what it reports.
 */
package dev.smo.core;
