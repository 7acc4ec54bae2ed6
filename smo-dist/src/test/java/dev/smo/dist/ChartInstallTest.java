package dev.smo.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code helm install} of charts/smo into the fabric8 Kubernetes mock (HELM_DRIVER=memory, set by the pom): the
 * objects a cluster would get, read back through the API.
 */
class ChartInstallTest {

    @TempDir
    Path dir;

    @Test
    void installsThreeReplicasOnAnExternalDatabase() throws Exception {
        Map<String, Object> values = Map.of(
                "replicaCount", 3,
                "image", Map.of("repository", "registry.example.org/smo", "tag", "1.2.3"),
                "database", Map.of("url", ChartTemplateTest.DATABASE_URL),
                "sealingKey", ChartTemplateTest.SEALING_KEY,
                "auth", Map.of("apiToken", ChartTemplateTest.TOKEN),
                "karmada", Map.of("kubeconfigSecret", "karmada-api"),
                "serviceMonitor", Map.of("enabled", true),
                "prometheusRule", Map.of("enabled", true));
        try (KubernetesMock mock = KubernetesMock.start();
                KubernetesClient client = mock.client()) {
            Release release = Helm.install(Chart.DIR.toString())
                    .withName(Chart.RELEASE)
                    .withNamespace(Chart.NAMESPACE)
                    .withKubeConfigContents(mock.kubeconfig())
                    // The mock serves no OpenAPI documents to validate against.
                    .disableOpenApiValidation()
                    .withValuesFile(Chart.valuesFile(values, dir))
                    .call();

            assertThat(release.getStatus()).isEqualTo("deployed");
            Deployment deployment = client.apps()
                    .deployments()
                    .inNamespace(Chart.NAMESPACE)
                    .withName("smo")
                    .get();
            assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
            Container smo =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(smo.getImage()).isEqualTo("registry.example.org/smo:1.2.3");
            assertThat(smo.getEnv())
                    .filteredOn(e -> e.getName().equals("SMO_REPLICA_ID"))
                    .extracting(EnvVar::getValueFrom)
                    .extracting(v -> v.getFieldRef().getFieldPath())
                    .containsExactly("metadata.name");
            assertThat(smo.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();

            Service service = client.services()
                    .inNamespace(Chart.NAMESPACE)
                    .withName("smo")
                    .get();
            assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(8000);
            assertThat(service.getSpec().getSelector())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());

            Secret secret = client.secrets()
                    .inNamespace(Chart.NAMESPACE)
                    .withName("smo")
                    .get();
            assertThat(decode(secret, "SMO_DATABASE_URL")).isEqualTo(ChartTemplateTest.DATABASE_URL);
            assertThat(decode(secret, "SMO_API_TOKEN")).isEqualTo(ChartTemplateTest.TOKEN);
            assertThat(client.configMaps()
                            .inNamespace(Chart.NAMESPACE)
                            .withName("smo")
                            .get()
                            .getData())
                    .containsEntry("KARMADA_KUBECONFIG", "/etc/smo/karmada/kubeconfig");
            assertThat(client.policy()
                            .v1()
                            .podDisruptionBudget()
                            .inNamespace(Chart.NAMESPACE)
                            .withName("smo")
                            .get()
                            .getSpec()
                            .getMaxUnavailable()
                            .getIntVal())
                    .isEqualTo(1);
            for (String plural : new String[] {"servicemonitors", "prometheusrules"}) {
                var context = new ResourceDefinitionContext.Builder()
                        .withGroup("monitoring.coreos.com")
                        .withVersion("v1")
                        .withPlural(plural)
                        .withNamespaced(true)
                        .build();
                assertThat(client.genericKubernetesResources(context)
                                .inNamespace(Chart.NAMESPACE)
                                .withName("smo")
                                .get())
                        .as(plural)
                        .isNotNull();
            }
        }
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
}
