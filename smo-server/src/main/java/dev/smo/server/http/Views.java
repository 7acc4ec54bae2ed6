package dev.smo.server.http;

import dev.smo.core.AlertOutcome;
import dev.smo.core.AlertRule;
import dev.smo.core.ClusterInfo;
import dev.smo.core.GraphEvent;
import dev.smo.core.Plan;
import dev.smo.core.PlannedService;
import dev.smo.core.ProfileReport;
import dev.smo.core.ServiceProfile;
import dev.smo.core.StoredGraph;
import dev.smo.core.StoredService;
import dev.smo.intent.Quantity;
import io.javalin.openapi.OpenApiNullable;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the API. Graph and service views keep the original SMO's keys ({@code name}, {@code status},
 * {@code grafana}, {@code hdaGraph}, {@code cluster_affinity}, {@code values_overwrite}, ...) so existing clients
 * keep working, and add SMO's own ({@code placement}, {@code replicas}, {@code lastError}, ...).
 */
public final class Views {

    private Views() {}

    /** A graph with its services. */
    public record GraphView(
            String name,
            String status,
            String project,
            @OpenApiNullable String grafana,
            Object hdaGraph,
            Map<String, String> placement,
            List<ServiceView> services,
            long version,
            String createdAt,
            String updatedAt,
            boolean dryRun) {}

    /**
     * Liveness.
     *
     * @param status {@code UP}
     * @param store {@code UP} when the store answered
     * @param dryRun whether releases are only recorded, not installed on clusters
     */
    public record HealthView(String status, String store, boolean dryRun) {}

    /**
     * Liveness.
     *
     * @param status always {@code UP} when the process answers
     */
    public record LiveView(String status) {}

    /** One service of a graph. */
    public record ServiceView(
            String name,
            String status,
            @OpenApiNullable String grafana,
            @OpenApiNullable String cluster_affinity,
            double cpu,
            String memory,
            @OpenApiNullable String storage,
            int gpu,
            long cpuMillis,
            long memoryBytes,
            long storageBytes,
            int replicas,
            Map<String, Object> values_overwrite,
            String artifact_ref,
            @OpenApiNullable String artifact_type,
            @OpenApiNullable String artifact_implementer,
            List<AlertRule> alertRules,
            @OpenApiNullable String lastError,
            @OpenApiNullable ProfileView profile) {}

    /**
     * A service's learned capacity model {@code rate = alpha·replicas + beta}.
     *
     * @param version 1, 2, ... per learning
     * @param alpha requests/s one replica adds
     * @param beta requests/s independent of replicas
     * @param rSquared R² of the regression
     * @param samplesUsed samples in the regression
     * @param samplesTotal samples read
     * @param unsaturated samples dropped as not saturated
     * @param outliers samples dropped as outliers
     * @param alphaInterval 95 % confidence interval of alpha
     * @param betaInterval 95 % confidence interval of beta
     * @param from start of the window
     * @param to end of the window
     * @param learnedAt when it was learned
     */
    public record ProfileView(
            String graph,
            String service,
            int version,
            double alpha,
            double beta,
            double rSquared,
            int samplesUsed,
            int samplesTotal,
            int unsaturated,
            int outliers,
            List<Double> alphaInterval,
            List<Double> betaInterval,
            String from,
            String to,
            String learnedAt) {}

    /** A profile just learned, with the samples and what the fit did with each. */
    public record ProfileReportView(
            ProfileView profile, String replicasQuery, String requestRateQuery, List<SampleView> samples) {}

    /** One sample of a profile: verdict USED, UNSATURATED, OUTLIER or INVALID. */
    public record SampleView(String at, double replicas, double rate, String verdict) {}

    /** One member cluster. */
    public record ClusterView(
            String name,
            boolean availability,
            double available_cpu,
            String available_ram,
            long cpuMillis,
            long memoryBytes,
            int gpus,
            boolean acceleration,
            Map<String, String> labels,
            @OpenApiNullable String pod_cidr,
            @OpenApiNullable String service_cidr,
            CapacityView total,
            CapacityView used,
            CapacityView free) {}

    /**
     * An amount of each resource.
     *
     * @param cpuMillis CPU, in millicores
     * @param memoryBytes memory, in bytes
     * @param gpus GPUs
     */
    public record CapacityView(long cpuMillis, long memoryBytes, long gpus) {}

    /** One event of a graph's log. */
    public record EventView(
            long id, String graph, @OpenApiNullable String service, String at, String type, String message) {}

    /** A what-if plan: the solver's answer and what each service would get. */
    public record PlanView(
            String graph,
            String project,
            boolean feasible,
            String status,
            @OpenApiNullable String summary,
            @OpenApiNullable ObjectiveView objective,
            @OpenApiNullable Double bound,
            long nodes,
            double millis,
            @OpenApiNullable ExplanationView explanation,
            List<PlannedServiceView> services,
            @OpenApiNullable ProvisioningViews.AdviceView provisioning) {}

    /** The placement objective split into its terms. */
    public record ObjectiveView(int moves, long cutEdges, double tieBreaker, double total) {}

    /** Why no placement exists. */
    public record ExplanationView(
            String reason,
            @OpenApiNullable String resource,
            List<String> services,
            List<String> closestClusters,
            @OpenApiNullable String message) {}

    /** One service of a plan. */
    public record PlannedServiceView(
            String name,
            @OpenApiNullable String cluster,
            int replicas,
            String cpu,
            String memory,
            @OpenApiNullable String storage,
            int gpus,
            long cpuMillis,
            long memoryBytes,
            long storageBytes,
            boolean pending,
            Map<String, Object> values,
            List<AlertRule> alertRules) {}

    /** The answer to an Alertmanager notification. */
    public record AlertsView(String message, List<AlertOutcome> outcomes) {}

    /** A plain message. */
    public record MessageView(String message) {}

    static ProfileView profile(ServiceProfile p) {
        return new ProfileView(
                p.graph(),
                p.service(),
                p.version(),
                p.alpha(),
                p.beta(),
                p.rSquared(),
                p.samplesUsed(),
                p.samplesTotal(),
                p.unsaturated(),
                p.outliers(),
                List.of(p.alphaLow(), p.alphaHigh()),
                List.of(p.betaLow(), p.betaHigh()),
                p.from().toString(),
                p.to().toString(),
                p.learnedAt().toString());
    }

    static ProfileReportView profileReport(ProfileReport r) {
        return new ProfileReportView(
                profile(r.profile()),
                r.replicasQuery(),
                r.requestRateQuery(),
                r.samples().stream()
                        .map(o -> new SampleView(o.at().toString(), o.replicas(), o.rate(), o.verdict()))
                        .toList());
    }

    static GraphView graph(StoredGraph g, Object descriptor, boolean dryRun) {
        return graph(g, descriptor, dryRun, Map.of());
    }

    static GraphView graph(StoredGraph g, Object descriptor, boolean dryRun, Map<String, ServiceProfile> profiles) {
        return new GraphView(
                g.name(),
                g.status().label(),
                g.project(),
                g.dashboardUrl(),
                descriptor,
                g.placement(),
                g.services().stream()
                        .map(s -> service(s, profiles.get(s.name())))
                        .toList(),
                g.version(),
                String.valueOf(g.createdAt()),
                String.valueOf(g.updatedAt()),
                dryRun);
    }

    static ServiceView service(StoredService s, ServiceProfile profile) {
        return new ServiceView(
                s.name(),
                s.status().label(),
                s.dashboardUrl(),
                s.cluster(),
                s.resources().cpuMillis() / 1000.0,
                Quantity.formatBytes(s.resources().memoryBytes()),
                s.resources().storageBytes() == 0
                        ? null
                        : Quantity.formatBytes(s.resources().storageBytes()),
                s.resources().gpus(),
                s.resources().cpuMillis(),
                s.resources().memoryBytes(),
                s.resources().storageBytes(),
                s.replicas(),
                s.values(),
                s.chart().reference(),
                s.chart().type(),
                s.chart().implementer(),
                s.alertRules(),
                s.lastError(),
                profile == null ? null : profile(profile));
    }

    /**
     * @param c the inventory's view of the cluster
     * @param held what SMO's placed services hold there (requests times replicas)
     * @param countsDeployed whether the inventory's figures already count them (then they are what is free)
     */
    static ClusterView cluster(ClusterInfo c, CapacityView held, boolean countsDeployed) {
        CapacityView reported = new CapacityView(c.cpuMillis(), c.memoryBytes(), c.gpus());
        CapacityView total = countsDeployed
                ? new CapacityView(
                        reported.cpuMillis() + held.cpuMillis(),
                        reported.memoryBytes() + held.memoryBytes(),
                        reported.gpus() + held.gpus())
                : reported;
        CapacityView free = countsDeployed
                ? reported
                : new CapacityView(
                        Math.max(0, total.cpuMillis() - held.cpuMillis()),
                        Math.max(0, total.memoryBytes() - held.memoryBytes()),
                        Math.max(0, total.gpus() - held.gpus()));
        return new ClusterView(
                c.name(),
                c.ready(),
                c.cpuMillis() / 1000.0,
                Quantity.formatBytes(c.memoryBytes()),
                c.cpuMillis(),
                c.memoryBytes(),
                c.gpus(),
                c.gpus() > 0,
                c.labels(),
                c.podCidr(),
                c.serviceCidr(),
                total,
                held,
                free);
    }

    static EventView event(GraphEvent e) {
        return new EventView(e.id(), e.graph(), e.service(), e.at().toString(), e.type(), e.message());
    }

    /**
     * @param p a plan
     * @return its JSON shape, shared by {@code POST /plan} and {@code smo plan --json}
     */
    public static PlanView plan(Plan p) {
        return plan(p, null);
    }

    /**
     * @param p the plan
     * @param provisioning what the NFVCL could build when the plan is infeasible, or {@code null}
     * @return its view
     */
    public static PlanView plan(Plan p, ProvisioningViews.AdviceView provisioning) {
        var r = p.placement();
        var t = r.terms();
        ObjectiveView objective =
                t == null ? null : new ObjectiveView(t.moves(), t.cutWeight(), t.tieBreaker(), t.total());
        ExplanationView explanation = r.explanation()
                .map(e -> new ExplanationView(
                        e.reason().name(), e.resource(), e.services(), e.closestClusters(), e.message()))
                .orElse(null);
        return new PlanView(
                p.graph(),
                p.project(),
                p.feasible(),
                r.status().name(),
                r.describe(),
                objective,
                Double.isFinite(r.bound()) ? r.bound() : null,
                r.nodes(),
                r.wallTime().toNanos() / 1e6,
                explanation,
                p.services().stream().map(Views::planned).toList(),
                provisioning);
    }

    private static PlannedServiceView planned(PlannedService s) {
        long storage = s.resources().storageBytes();
        return new PlannedServiceView(
                s.name(),
                s.cluster(),
                s.replicas(),
                Quantity.formatMillis(s.resources().cpuMillis()),
                Quantity.formatBytes(s.resources().memoryBytes()),
                storage == 0 ? null : Quantity.formatBytes(storage),
                s.resources().gpus(),
                s.resources().cpuMillis(),
                s.resources().memoryBytes(),
                storage,
                s.pending(),
                s.values(),
                s.alertRules());
    }
}
