package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.UnableToDeployException;
import dev.smo.core.spi.Deployer;
import dev.smo.core.spi.ReleaseSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Karmada's webhook puts a finalizer on every PropagationPolicy, so deleting one only marks it; uninstall waits
 * until Karmada's controller lets go of it before anything is installed again, and says so when it never does.
 */
class PolicyFinalizerIT {

    private static final Path CHARTS = Path.of(System.getProperty("smo.examples.charts", "../smo-examples/charts"))
            .toAbsolutePath()
            .normalize();
    private static final String NS = "brussels";
    private static final ReleaseSpec NOISE_REDUCTION = new ReleaseSpec(
            NS,
            "noise-reduction",
            CHARTS.resolve("noise-reduction").toString(),
            null,
            Map.of("clustersAffinity", List.of("edge-brussels"), "serviceImportClusters", List.of()));

    @TempDir
    Path dir;

    private KarmadaMockServer mock;
    private FakeKarmada karmada;

    @BeforeEach
    void startMock() throws Exception {
        mock = KarmadaMockServer.start(dir);
        karmada = new FakeKarmada(mock.apiClient());
        karmada.addMember(FakeKarmada.Member.ready("edge-brussels", "8", "32Gi"));
    }

    @AfterEach
    void stopMock() {
        mock.close();
    }

    private Deployer deployer(Duration timeout) {
        HelmOptions helm = HelmOptions.DEFAULT
                .withOpenApiValidation(false)
                .withTimeout(timeout)
                .withRetry(RetryPolicy.NONE);
        return Karmada.connect(KarmadaConfig.of(mock.kubeconfig()).withHelm(helm), mock.apiClient(), null)
                .deployer();
    }

    private List<Map<String, Object>> policies() throws Exception {
        return karmada.list("policy.karmada.io", "v1alpha1", NS, "propagationpolicies");
    }

    @Test
    void uninstallWaitsForKarmadaToRemoveTheFinalizerBeforeAReinstall() throws Exception {
        Deployer deployer = deployer(Duration.ofSeconds(30));
        deployer.apply(NOISE_REDUCTION);
        karmada.addPolicyFinalizers(NS);
        assertThat(policies()).isNotEmpty();

        // Karmada's controller finishes its clean-up 1.5 s after the policy was marked for deletion.
        CompletableFuture<Integer> controller = CompletableFuture.supplyAsync(() -> {
            try {
                while (policies().stream()
                        .noneMatch(p -> ((Map<?, ?>) p.get("metadata")).get("deletionTimestamp") != null)) {
                    TimeUnit.MILLISECONDS.sleep(20);
                }
                TimeUnit.MILLISECONDS.sleep(1500);
                return karmada.releaseTerminatingPolicies(NS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        deployer.uninstall(NS, "noise-reduction");
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(controller.get(10, TimeUnit.SECONDS))
                .as("policies Karmada let go")
                .isPositive();
        assertThat(waitedMillis)
                .as("uninstall returned only after the finalizer went")
                .isGreaterThanOrEqualTo(1400);
        assertThat(policies()).as("no policy left terminating").isEmpty();

        deployer.apply(NOISE_REDUCTION);
        assertThat(policies())
                .as("the re-install created a fresh policy, not an adopted terminating one")
                .singleElement()
                .satisfies(p -> assertThat(((Map<?, ?>) p.get("metadata")).get("deletionTimestamp"))
                        .isNull());
        assertThat(karmada.placements(NS))
                .containsEntry("Deployment/noise-reduction", java.util.Set.of("edge-brussels"));
    }

    @Test
    void aFinalizerThatNeverGoesFailsTheUninstallWithAClearError() throws Exception {
        Deployer deployer = deployer(Duration.ofSeconds(2));
        deployer.apply(NOISE_REDUCTION);
        karmada.addPolicyFinalizers(NS);

        assertThatThrownBy(() -> deployer.uninstall(NS, "noise-reduction"))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("is still being deleted after 2 s")
                .hasMessageContaining(FakeKarmada.POLICY_FINALIZER)
                .hasMessageContaining("karmada-controller-manager");
        // A later apply waits for the same finalizer instead of adopting the terminating policy.
        assertThatThrownBy(() -> deployer.apply(NOISE_REDUCTION))
                .isInstanceOf(UnableToDeployException.class)
                .hasMessageContaining("cannot be installed again yet");
    }
}
