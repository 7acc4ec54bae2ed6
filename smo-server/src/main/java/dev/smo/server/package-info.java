/**
 * The composition root and REST server: {@link dev.smo.server.SmoServer#create} exposes an orchestrator as a Javalin
 * app (the original SMO's routes, plans, event logs, health, metrics and OpenAPI) under
 * {@link dev.smo.server.HttpSettings}; the {@code smo} command line starts it.
 */
package dev.smo.server;
