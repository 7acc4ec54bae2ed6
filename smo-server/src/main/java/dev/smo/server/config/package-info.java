/**
 * The server's configuration: {@link dev.smo.server.config.EnvironmentConfig} reads the environment once, at the
 * edge, into a {@link dev.smo.server.config.ServerConfig} of records that is passed inwards; a
 * {@link dev.smo.server.config.ConfigReport} lists the settings and every problem.
 */
package dev.smo.server.config;
