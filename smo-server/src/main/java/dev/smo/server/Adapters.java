package dev.smo.server;

import dev.smo.core.OrchestratorBuilder;
import dev.smo.core.ServiceDiscovery;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.karmada.Karmada;
import dev.smo.karmada.KarmadaConfig;
import dev.smo.karmada.artifact.OciArtifacts;
import dev.smo.observability.GrafanaDashboards;
import dev.smo.observability.PrometheusMetrics;
import dev.smo.observability.PrometheusRuleFiles;
import dev.smo.observability.PrometheusRuleObjects;
import dev.smo.server.config.DeploymentSettings;
import dev.smo.server.config.ObservabilitySettings;
import dev.smo.server.config.ServerConfig;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;

/**
 * Chooses the adapters the configuration asks for: Karmada and Helm when {@code KARMADA_KUBECONFIG} is set, else
 * a clusters file and a dry run; Prometheus as the metrics source when {@code PROMETHEUS_HOST} is set; rule
 * files or PrometheusRule objects for alerting rules; Grafana for dashboards; the OCI artifact fetcher always.
 * Each adapter gets its own configuration part as is; what was chosen is described one line per part.
 */
final class Adapters {

    private final OrchestratorBuilder builder;
    private final StringBuilder what;

    private Adapters(OrchestratorBuilder builder, StringBuilder what) {
        this.builder = builder;
        this.what = what;
    }

    static void wire(
            ServerConfig config, OrchestratorBuilder builder, Deque<AutoCloseable> opened, StringBuilder what) {
        Adapters adapters = new Adapters(builder, what);
        adapters.deployment(config.deployment());
        adapters.observability(config.observability());
        OciArtifacts artifacts = OciArtifacts.create(config.artifacts());
        opened.push(artifacts);
        builder.artifacts(artifacts);
        adapters.line("artifacts: OCI registries" + (config.artifacts().plainHttp() ? " (plain HTTP)" : ""));
    }

    private void deployment(DeploymentSettings deployment) {
        builder.serviceDiscovery(deployment.discovery());
        line("service discovery: "
                + (deployment.discovery() == ServiceDiscovery.LIGHTHOUSE
                        ? "Submariner Lighthouse (ServiceExport only)"
                        : "Karmada multi-cluster services (ServiceImport, derived-<service>)"));
        if (deployment.karmada().isPresent()) {
            KarmadaConfig karmadaConfig = deployment.karmada().get();
            Karmada karmada = Karmada.connect(karmadaConfig);
            builder.inventory(karmada.inventory()).deployer(karmada.deployer()).scaler(karmada.scaler());
            line("inventory: Karmada clusters (" + karmadaConfig.kubeconfig() + ")"
                    + (karmadaConfig.submarinerKubeconfig() == null
                            ? ""
                            : ", Submariner CIDRs (" + karmadaConfig.submarinerKubeconfig() + ")"));
            line("deployer: Helm through Karmada"
                    + (karmadaConfig.helm().waitApplied() ? ", Deployed once Karmada applied it" : ""));
            return;
        }
        builder.inventory(deployment
                .clustersFile()
                .map(StaticClusterInventory::fromFile)
                .orElseGet(() -> new StaticClusterInventory(List.of())));
        line("inventory: "
                + deployment
                        .clustersFile()
                        .map(Path::toString)
                        .map(p -> "clusters file " + p)
                        .orElse("none (set SMO_CLUSTERS_FILE or KARMADA_KUBECONFIG)"));
        builder.deployer(new DryRunDeployer(deployment.dryRunLatency()));
        line("deployer: dry run (records releases; set KARMADA_KUBECONFIG to deploy)");
    }

    private void observability(ObservabilitySettings settings) {
        settings.prometheus().ifPresent(prometheus -> {
            builder.metrics(PrometheusMetrics.create(prometheus));
            line("metrics: Prometheus " + prometheus.baseUrl()
                    + settings.scalingInterval()
                            .map(i -> ", scaling every " + i.toSeconds() + " s")
                            .orElse(", scaling loop off"));
        });
        settings.scalingInterval().ifPresent(builder::scalingInterval);
        builder.scalingPolicy(settings.scalingPolicy());
        if (settings.ruleFiles().isPresent()) {
            var files = settings.ruleFiles().get();
            builder.alertRules(PrometheusRuleFiles.create(files));
            line("alert rules: files in " + files.directory()
                    + (files.prometheusUrl() == null ? ", no reload" : ", reloading " + files.prometheusUrl()));
        } else if (settings.ruleObjects().isPresent()) {
            var objects = settings.ruleObjects().get();
            builder.alertRules(PrometheusRuleObjects.create(objects));
            line("alert rules: PrometheusRule objects in namespace " + objects.namespace());
        } else {
            line("alert rules: in memory (set SMO_PROMETHEUS_RULES_DIR or SMO_PROMETHEUS_RULES_KUBECONFIG)");
        }
        settings.grafana()
                .ifPresentOrElse(
                        grafana -> {
                            builder.dashboards(GrafanaDashboards.create(grafana));
                            line("dashboards: Grafana " + grafana.url());
                        },
                        () -> line("dashboards: in memory (set GRAFANA_HOST)"));
    }

    private void line(String text) {
        what.append(text).append('\n');
    }
}
