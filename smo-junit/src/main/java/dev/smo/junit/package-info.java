/**
 * Test support for applications that embed SMO. Annotate a test class with {@link dev.smo.junit.SmoTest} (or
 * register a {@link dev.smo.junit.SmoExtension}) and declare parameters of type {@link dev.smo.core.Orchestrator},
 * {@link dev.smo.junit.Deployments}, {@link dev.smo.junit.FakeMetrics}, {@link dev.smo.core.local.InMemoryAlertRuleStore},
 * {@link dev.smo.core.local.InMemoryDashboardPublisher} or {@link dev.smo.junit.SmoHttpServer}; check results with
 * {@link dev.smo.junit.SmoAssertions}.
 */
package dev.smo.junit;
