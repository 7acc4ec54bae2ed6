/**
 * The root of every failure SMO reports: {@link dev.smo.common.SmoException}, unchecked; each module's subclasses are
 * named for the failure and carry its context.
 */
package dev.smo.common;
