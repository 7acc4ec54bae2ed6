package dev.smo.core.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.ClusterInfo;
import dev.smo.core.SchedulingTraits;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.Violation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClustersFileTest {

    private static final long GIB = 1L << 30;

    @Test
    void schedulingTraitsAreRead() {
        List<ClusterInfo> clusters = ClustersFile.parse("""
                clusters:
                  - name: mixed
                    cpu: "16"
                    memory: 64Gi
                    gpus: {nvidia.com/gpu: 1, amd.com/gpu: 4}
                    maxPodCpu: "4"
                    maxPodMemory: 16Gi
                    pods: 200
                    taints: [{key: dedicated, value: gpu, effect: NoSchedule}, {key: soon, effect: NoExecute}]
                    apis: [apps/v1/Deployment, multicluster.x-k8s.io/v1alpha1/ServiceExport]
                  - name: plain
                    cpu: "2"
                    memory: 4Gi
                    gpus: 1
                """);

        assertThat(clusters.get(0).gpus()).isEqualTo(4);
        assertThat(clusters.get(0).traits())
                .isEqualTo(new SchedulingTraits(
                        4_000,
                        16 * GIB,
                        List.of(
                                new SchedulingTraits.Taint("dedicated", "gpu", "NoSchedule"),
                                new SchedulingTraits.Taint("soon", null, "NoExecute")),
                        "amd.com/gpu",
                        Set.of("apps/v1/Deployment", "multicluster.x-k8s.io/v1alpha1/ServiceExport"),
                        Map.of("nvidia.com/gpu", 1, "amd.com/gpu", 4),
                        200));
        assertThat(clusters.get(1)).isEqualTo(ClusterInfo.of("plain", 2_000, 4 * GIB, 1));
    }

    @Test
    void theExampleFileHasTraits() {
        List<ClusterInfo> clusters = ClustersFile.read(Path.of("../smo-examples/clusters.yaml"));

        assertThat(clusters).anySatisfy(c -> assertThat(c.traits()).isNotEqualTo(SchedulingTraits.NONE));
    }

    static Stream<Arguments> badTraits() {
        return Stream.of(
                Arguments.of(
                        "maxPodCpu: lots", "/clusters/0/maxPodCpu", "maxPodCpu (lots) is not a Kubernetes quantity"),
                Arguments.of("taints: [{effect: NoSchedule}]", "/clusters/0/taints/0/key", "taint has no key"),
                Arguments.of(
                        "taints: [{key: a, effect: Never}]",
                        "/clusters/0/taints/0/effect",
                        "taint (a) effect (Never) is not one of"),
                Arguments.of("pods: -1", "/clusters/0/pods", "pods (-1) is not a Kubernetes quantity"),
                Arguments.of("taints: yes", "/clusters/0/taints", "taints is not a list"),
                Arguments.of("gpus: {amd.com/gpu: -1}", "/clusters/0/gpus/amd.com~1gpu", "is not a count"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTraits")
    void badTraitsAreReportedWithTheirPointer(String field, String pointer, String message) {
        assertThatThrownBy(() -> ClustersFile.parse("clusters:\n  - {name: a, cpu: '1', memory: 1Gi, " + field + "}\n"))
                .isInstanceOfSatisfying(
                        InvalidDescriptorException.class,
                        e -> assertThat(e.violations())
                                .singleElement()
                                .satisfies(v -> assertThat(v.path()).isEqualTo(pointer))
                                .extracting(Violation::message)
                                .asString()
                                .contains(message));
    }
}
