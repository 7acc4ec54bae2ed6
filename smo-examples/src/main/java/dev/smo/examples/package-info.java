/**
 * Runnable examples: {@link dev.smo.examples.EmbeddedOrchestrator} runs a graph's lifecycle in a plain JVM program,
 * without a server, a database or a cluster.
 */
package dev.smo.examples;
