package dev.smo.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.smo.model.Compute;
import dev.smo.model.Descriptors;
import dev.smo.model.Gpu;
import dev.smo.model.HdaGraph;
import dev.smo.model.Intent;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.ParseOptions;
import dev.smo.model.Service;
import dev.smo.model.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentTranslatorTest {

    private static final long MI = 1L << 20;
    private static final long GI = 1L << 30;

    private final IntentTranslator translator = IntentTranslator.create();

    @Test
    void translatesTheBrusselsDemoInDescriptorOrder() {
        HdaGraph graph = Descriptors.parse(Path.of("../smo-examples/brussels-demo/hdag.yaml"));

        Map<String, ResourceRequest> requests = translator.translate(graph);

        assertThat(requests.keySet()).containsExactly("image-compression-vo", "noise-reduction", "image-detection");
        assertThat(requests.get("image-compression-vo"))
                .isEqualTo(new ResourceRequest(500, 500 * MI, 10_000_000_000L, 0));
        assertThat(requests.get("noise-reduction")).isEqualTo(new ResourceRequest(1000, GI, 10_000_000_000L, 0));
        assertThat(requests.get("image-compression-vo").toKubernetes())
                .containsExactly(
                        Map.entry("cpu", "500m"), Map.entry("memory", "500Mi"), Map.entry("ephemeral-storage", "10G"));
    }

    @ParameterizedTest(name = "{0}/{1}/{2}")
    @CsvSource({
        "light, light, light, 500, 524288000, 5000000000",
        "small, small, small, 1000, 1073741824, 10000000000",
        "medium, medium, medium, 4000, 2147483648, 20000000000",
        "large, large, large, 8000, 8589934592, 40000000000",
        "250m, 3Gi, none, 250, 3221225472, 0",
        "0.5, 500Mi, 10G, 500, 524288000, 10000000000",
        "2, 1e9, 1Ti, 2000, 1000000000, 1099511627776"
    })
    void translatesLevelsAndQuantities(
            String cpu, String ram, String storage, long millis, long bytes, long storageBytes) {
        ResourceRequest request = translator.translate(service(Compute.of(cpu, ram, storage)));

        assertThat(request).isEqualTo(new ResourceRequest(millis, bytes, storageBytes, 0));
    }

    @Test
    void missingRamAndStorageGetTheLightLevelAndMissingCpuNothing() {
        assertThat(translator.translate(service(Compute.UNSPECIFIED)))
                .isEqualTo(new ResourceRequest(0, 500L << 20, 5_000_000_000L, 0));
        assertThat(translator.translate(service(Compute.of("small", null, "none"))))
                .isEqualTo(new ResourceRequest(1000, 500L << 20, 0, 0));
    }

    @Test
    void gpuIsACount() {
        assertThat(translator
                        .translate(service(Compute.of("small", "small", null).withGpu(Gpu.of(1))))
                        .gpus())
                .isEqualTo(1);
        assertThat(translator
                        .translate(service(Compute.of("small", "small", null).withGpu(Gpu.of(4))))
                        .toKubernetes())
                .containsEntry("nvidia.com/gpu", "4");
        assertThat(translator
                        .translate(service(Compute.of("small", "small", null)))
                        .gpus())
                .isZero();
    }

    @Test
    void overriddenTableIsUsed() {
        IntentTranslator custom = IntentTranslator.create(
                ResourceTable.defaults().with("cpu", "xlarge", "16").with("ram", "light", "256Mi"));

        ResourceRequest request = custom.translate(service(Compute.of("xlarge", "light", null)));

        assertThat(request).isEqualTo(new ResourceRequest(16_000, 256 * MI, 5_000_000_000L, 0));
        assertThat(custom.table().levels()).contains("xlarge");
    }

    @Test
    void overriddenLevelsPassValidationWhenGivenToTheParser() {
        ResourceTable table = ResourceTable.defaults().with("cpu", "xlarge", "16");
        String text = Descriptors.toYaml(HdaGraph.of("demo", List.of(service(Compute.of("xlarge", "small", null)))));

        HdaGraph graph = Descriptors.parse(text, ParseOptions.defaults().withResourceLevels(table.levels()));

        assertThat(IntentTranslator.create(table).translate(graph).get("web").cpuMillis())
                .isEqualTo(16_000);
    }

    @Test
    void unknownLevelsAreReportedWithTheirPaths() {
        HdaGraph graph = HdaGraph.of(
                "demo",
                List.of(
                        service(Compute.of("small", "small", null)),
                        new Service(
                                "db",
                                null,
                                new dev.smo.model.Deployment(
                                        null, Intent.of(Compute.of("huge", "small", "tiny"), List.of()), null),
                                null)));

        InvalidDescriptorException thrown =
                catchThrowableOfType(InvalidDescriptorException.class, () -> translator.translate(graph));

        assertThat(thrown.violations())
                .extracting(Violation::path)
                .containsExactly(
                        "/hdaGraph/services/1/deployment/intent/compute/cpu",
                        "/hdaGraph/services/1/deployment/intent/compute/storage");
        assertThat(thrown.violations().get(0).message())
                .startsWith(
                        "Service (db) compute cpu (huge) is neither a level of the resource table (light, small, medium, large) nor a quantity.");
    }

    @Test
    void requestsAddAndMultiply() {
        ResourceRequest one = new ResourceRequest(500, MI, 0, 1);

        assertThat(one.times(3)).isEqualTo(new ResourceRequest(1500, 3 * MI, 0, 3));
        assertThat(one.plus(one)).isEqualTo(one.times(2));
        assertThat(one.cpuCores()).isEqualTo(0.5);
    }

    private static Service service(Compute compute) {
        return Service.of("web", "oci://registry/web", Intent.of(compute, List.of()));
    }
}
