package dev.smo.server;

import dev.smo.core.OrchestratorBuilder;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.karmada.Karmada;
import dev.smo.karmada.KarmadaConfig;
import dev.smo.karmada.RegistryOptions;
import dev.smo.karmada.artifact.ArtifactConfig;
import dev.smo.karmada.artifact.OciArtifacts;
import dev.smo.karmada.artifact.RegistryCredentials;
import dev.smo.observability.GrafanaConfig;
import dev.smo.observability.GrafanaDashboards;
import dev.smo.observability.PrometheusConfig;
import dev.smo.observability.PrometheusMetrics;
import dev.smo.observability.PrometheusOperatorConfig;
import dev.smo.observability.PrometheusRuleFiles;
import dev.smo.observability.PrometheusRuleFilesConfig;
import dev.smo.observability.PrometheusRuleObjects;
import dev.smo.server.config.ServerConfig;
import java.util.Deque;

/**
 * Chooses the adapters the configuration asks for: Karmada and Helm when {@code KARMADA_KUBECONFIG} is set, else
 * a clusters file and a dry run; Prometheus as the metrics source when {@code PROMETHEUS_HOST} is set; rule
 * files or PrometheusRule objects for alerting rules; Grafana for dashboards; the OCI artifact fetcher always.
 */
final class Adapters {

    private Adapters() {}

    static void wire(
            ServerConfig config, OrchestratorBuilder builder, Deque<AutoCloseable> opened, StringBuilder what) {
        if (config.karmadaKubeconfig().isPresent()) {
            KarmadaConfig karmadaConfig =
                    KarmadaConfig.of(config.karmadaKubeconfig().get()).withRegistry(registry(config));
            if (config.submarinerKubeconfig().isPresent()) {
                karmadaConfig = karmadaConfig.withSubmariner(
                        config.submarinerKubeconfig().get());
            }
            Karmada karmada = Karmada.connect(karmadaConfig);
            builder.inventory(karmada.inventory()).deployer(karmada.deployer()).scaler(karmada.scaler());
            what.append("inventory: Karmada clusters (")
                    .append(config.karmadaKubeconfig().get())
                    .append(")")
                    .append(config.submarinerKubeconfig()
                            .map(p -> ", Submariner CIDRs (" + p + ")")
                            .orElse(""))
                    .append('\n');
            what.append("deployer: Helm through Karmada\n");
        } else {
            builder.inventory(Composition.clustersFile(config));
            what.append("inventory: ")
                    .append(config.clustersFile()
                            .map(p -> "clusters file " + p)
                            .orElse("none (set SMO_CLUSTERS_FILE or KARMADA_KUBECONFIG)"))
                    .append('\n');
            builder.deployer(new DryRunDeployer(config.dryRunLatency()));
            what.append("deployer: dry run (records releases; set KARMADA_KUBECONFIG to deploy)\n");
        }
        if (config.prometheusUrl().isPresent()) {
            builder.metrics(PrometheusMetrics.create(
                    PrometheusConfig.of(config.prometheusUrl().get())));
            what.append("metrics: Prometheus ")
                    .append(config.prometheusUrl().get())
                    .append(
                            config.scalingEnabled()
                                    ? ", scaling every "
                                            + config.scalingInterval().toSeconds() + " s"
                                    : ", scaling loop off")
                    .append('\n');
        }
        observability(config, builder, what);
        ArtifactConfig artifactConfig = ArtifactConfig.defaults().withPlainHttp(config.insecureRegistry());
        if (config.registryHost().isPresent() && config.registryUsername().isPresent()) {
            artifactConfig = artifactConfig.withCredentials(
                    config.registryHost().get(),
                    RegistryCredentials.of(
                            config.registryUsername().get(),
                            config.registryPassword().orElse("")));
        }
        OciArtifacts artifacts = OciArtifacts.create(artifactConfig);
        opened.push(artifacts);
        builder.artifacts(artifacts);
        what.append("artifacts: OCI registries")
                .append(config.insecureRegistry() ? " (plain HTTP)" : "")
                .append('\n');
    }

    private static void observability(ServerConfig config, OrchestratorBuilder builder, StringBuilder what) {
        if (config.rulesDirectory().isPresent()) {
            builder.alertRules(PrometheusRuleFiles.create(PrometheusRuleFilesConfig.of(
                    config.rulesDirectory().get(), config.prometheusUrl().orElse(null))));
            what.append("alert rules: files in ")
                    .append(config.rulesDirectory().get())
                    .append(config.prometheusUrl().map(u -> ", reloading " + u).orElse(", no reload"))
                    .append('\n');
        } else if (config.rulesKubeconfig().isPresent()) {
            builder.alertRules(PrometheusRuleObjects.create(
                    PrometheusOperatorConfig.of(config.rulesKubeconfig().get())
                            .withNamespace(config.rulesNamespace())
                            .withLabels(config.rulesLabels())));
            what.append("alert rules: PrometheusRule objects in namespace ")
                    .append(config.rulesNamespace())
                    .append('\n');
        } else {
            what.append("alert rules: in memory (set SMO_PROMETHEUS_RULES_DIR or SMO_PROMETHEUS_RULES_KUBECONFIG)\n");
        }
        if (config.grafanaUrl().isPresent()) {
            GrafanaConfig grafana = config.grafanaToken()
                    .map(token -> GrafanaConfig.token(config.grafanaUrl().get(), token))
                    .orElseGet(() -> GrafanaConfig.basic(
                            config.grafanaUrl().get(), config.grafanaUsername(), config.grafanaPassword()));
            builder.dashboards(GrafanaDashboards.create(grafana));
            what.append("dashboards: Grafana ")
                    .append(config.grafanaUrl().get())
                    .append('\n');
        } else {
            what.append("dashboards: in memory (set GRAFANA_HOST)\n");
        }
    }

    private static RegistryOptions registry(ServerConfig config) {
        RegistryOptions options = RegistryOptions.DEFAULT;
        if (config.insecureRegistry()) {
            options = options.withPlainHttp();
        }
        if (config.registryHost().isPresent() && config.registryUsername().isPresent()) {
            options = options.withCredentials(
                    config.registryHost().get(),
                    config.registryUsername().get(),
                    config.registryPassword().orElse(""));
        }
        return options;
    }
}
