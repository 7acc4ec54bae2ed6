package dev.smo.junit;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.OrchestratorBuilder;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryAlertRuleStore;
import dev.smo.core.local.InMemoryDashboardPublisher;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.intent.Quantity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives each test a new in-memory orchestrator: an {@link InMemoryGraphStore}, the declared clusters, a
 * {@link DryRunDeployer} seen through {@link Deployments}, {@link FakeMetrics}, in-memory alerting rules and
 * dashboards, and optionally the REST server ({@link SmoHttpServer}). Test and lifecycle methods may declare
 * parameters of those types and of {@link Orchestrator}; everything is closed after each test.
 *
 * <p>Use it through {@link SmoTest}, or register it in a field to declare clusters in code:
 * <pre>{@code
 * @RegisterExtension
 * static final SmoExtension SMO = SmoExtension.create().withCluster("edge", "4", "8Gi", 0);
 * }</pre>
 * The accessors ({@link #orchestrator()}, {@link #deployments()}, ...) answer for the test running now; tests of
 * one class must then not run concurrently.
 */
public final class SmoExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SmoExtension.class);
    private static final Set<Class<?>> RESOLVED = Set.of(
            Orchestrator.class,
            Deployments.class,
            FakeMetrics.class,
            InMemoryAlertRuleStore.class,
            InMemoryDashboardPublisher.class,
            InMemoryGraphStore.class,
            SmoHttpServer.class);

    private final List<ClusterInfo> clusters;
    private final boolean http;
    private final Consumer<OrchestratorBuilder> customizer;
    private volatile Harness current;

    /** The extension {@link SmoTest} registers; it reads the clusters from that annotation. */
    public SmoExtension() {
        this(null, false, b -> {});
    }

    private SmoExtension(List<ClusterInfo> clusters, boolean http, Consumer<OrchestratorBuilder> customizer) {
        this.clusters = clusters;
        this.http = http;
        this.customizer = customizer;
    }

    /** @return an extension without clusters, server or customisation */
    public static SmoExtension create() {
        return new SmoExtension(List.of(), false, b -> {});
    }

    /**
     * @param cluster a member cluster
     * @return a copy with this cluster too
     */
    public SmoExtension withCluster(ClusterInfo cluster) {
        List<ClusterInfo> more = new ArrayList<>(clusters == null ? List.of() : clusters);
        more.add(Objects.requireNonNull(cluster, "cluster"));
        return new SmoExtension(more, http, customizer);
    }

    /**
     * @param name the cluster name
     * @param cpu free CPU as a Kubernetes quantity, e.g. {@code "8"} or {@code "7500m"}
     * @param memory free memory as a Kubernetes quantity, e.g. {@code "16Gi"}
     * @param gpus free GPUs
     * @return a copy with this ready cluster too
     */
    public SmoExtension withCluster(String name, String cpu, String memory, int gpus) {
        return withCluster(ClusterInfo.of(name, Quantity.toMillis(cpu), Quantity.toBytes(memory), gpus));
    }

    /** @return a copy that starts the REST server for each test (needs {@code smo-server} on the test path) */
    public SmoExtension withHttpServer() {
        return new SmoExtension(clusters, true, customizer);
    }

    /**
     * @param customizer changes the builder after the extension set its ports, e.g. a clock or solver options
     * @return a copy with this customisation too
     */
    public SmoExtension withBuilder(Consumer<OrchestratorBuilder> customizer) {
        Objects.requireNonNull(customizer, "customizer");
        Consumer<OrchestratorBuilder> before = this.customizer;
        return new SmoExtension(clusters, http, before.andThen(customizer));
    }

    /** @return the orchestrator of the running test */
    public Orchestrator orchestrator() {
        return harness().orchestrator;
    }

    /** @return the releases of the running test */
    public Deployments deployments() {
        return harness().deployments;
    }

    /** @return the metrics source of the running test */
    public FakeMetrics metrics() {
        return harness().metrics;
    }

    /** @return the server of the running test */
    public SmoHttpServer http() {
        return harness().http();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Harness h = clusters != null ? new Harness(clusters, http, customizer) : fromAnnotation(context);
        context.getStore(NAMESPACE).put(Harness.class, h);
        current = h;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        current = null;
        Harness h = context.getStore(NAMESPACE).remove(Harness.class, Harness.class);
        if (h != null) {
            h.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Harness h = context.getStore(NAMESPACE).get(Harness.class, Harness.class);
        if (h == null) {
            throw new ParameterResolutionException("No SMO orchestrator exists outside a test ("
                    + parameter.getDeclaringExecutable() + ").\nMaybe declare the parameter on a test, "
                    + "@BeforeEach or @AfterEach method instead of a constructor or @BeforeAll method.");
        }
        Class<?> type = parameter.getParameter().getType();
        Map<Class<?>, Object> byType = new LinkedHashMap<>();
        byType.put(Orchestrator.class, h.orchestrator);
        byType.put(Deployments.class, h.deployments);
        byType.put(FakeMetrics.class, h.metrics);
        byType.put(InMemoryAlertRuleStore.class, h.rules);
        byType.put(InMemoryDashboardPublisher.class, h.dashboards);
        byType.put(InMemoryGraphStore.class, h.store);
        return type == SmoHttpServer.class ? h.http() : byType.get(type);
    }

    private Harness harness() {
        Harness h = current;
        if (h == null) {
            throw new IllegalStateException("No test is running; the SMO orchestrator exists only during a test.");
        }
        return h;
    }

    private static Harness fromAnnotation(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        SmoTest test = null;
        for (Class<?> c = testClass; c != null && test == null; c = c.getEnclosingClass()) {
            test = AnnotationSupport.findAnnotation(c, SmoTest.class).orElse(null); // @Nested: the outer class's
        }
        if (test == null) {
            throw new IllegalStateException("Test class (" + testClass.getName() + ") registers SmoExtension without "
                    + "@SmoTest.\nMaybe annotate it with @SmoTest, or register SmoExtension.create() in a "
                    + "@RegisterExtension field.");
        }
        List<ClusterInfo> declared =
                Arrays.stream(test.clusters()).map(SmoExtension::cluster).toList();
        return new Harness(declared, test.http(), b -> {});
    }

    private static ClusterInfo cluster(SmoCluster c) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : c.labels()) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("Cluster (" + c.name() + ") label (" + pair
                        + ") is not key=value.\nMaybe write labels = {\"zone=edge\"}.");
            }
            labels.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return new ClusterInfo(
                c.name(),
                c.ready(),
                Quantity.toMillis(c.cpu()),
                Quantity.toBytes(c.memory()),
                c.gpus(),
                labels,
                null,
                null);
    }
}
