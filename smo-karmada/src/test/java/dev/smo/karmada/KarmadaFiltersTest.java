package dev.smo.karmada;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fake scheduler's filters against the cases Karmada's own plugin tests cover. */
class KarmadaFiltersTest {

    private static final String DEPLOYMENTS = "apps/v1";

    private static Map<String, Object> member(String name, Map<String, String> labels, List<?> taints) {
        return Map.of(
                "metadata", Map.of("name", name, "labels", labels),
                "spec", Map.of("taints", taints),
                "status",
                        Map.of(
                                "apiEnablements",
                                List.of(Map.of(
                                        "groupVersion",
                                        DEPLOYMENTS,
                                        "resources",
                                        List.of(Map.of("name", "deployments", "kind", "Deployment"))))));
    }

    static Stream<Arguments> placements() {
        var taint = List.of(Map.of("key", "dedicated", "value", "gpu", "effect", "NoSchedule"));
        var edge = member("edge", Map.of("region", "eu-west"), taint);
        var cloud = member("cloud", Map.of("region", "us-east"), List.of());
        return Stream.of(
                        // placement, Kind, what the scheduler answers (clusters, or the FitError message)
                        Arguments.of(Map.of(), "Deployment", List.of("cloud")),
                        Arguments.of(
                                Map.of(
                                        "clusterTolerations",
                                        List.of(Map.of("key", "dedicated", "operator", "Equal", "value", "gpu"))),
                                "Deployment",
                                List.of("edge", "cloud")),
                        Arguments.of(
                                Map.of("clusterTolerations", List.of(Map.of("key", "dedicated", "operator", "Exists"))),
                                "Deployment",
                                List.of("edge", "cloud")),
                        Arguments.of(
                                Map.of(
                                        "clusterTolerations",
                                        List.of(Map.of("key", "dedicated", "value", "cpu", "effect", "NoSchedule"))),
                                "Deployment",
                                List.of("cloud")),
                        Arguments.of(
                                Map.of("clusterAffinity", Map.of("clusterNames", List.of("edge"))),
                                "Deployment",
                                "0/2 clusters are available: 1 cluster(s) did not match the placement cluster affinity "
                                        + "constraint, 1 cluster(s) had untolerated taint {dedicated: gpu}"),
                        Arguments.of(
                                Map.of(
                                        "clusterAffinity",
                                        Map.of(
                                                "labelSelector",
                                                Map.of(
                                                        "matchExpressions",
                                                        List.of(Map.of(
                                                                "key",
                                                                "region",
                                                                "operator",
                                                                "In",
                                                                "values",
                                                                List.of("us-east", "us-west")))))),
                                "Deployment",
                                List.of("cloud")),
                        Arguments.of(
                                Map.of(),
                                "ServiceExport",
                                "0/2 clusters are available: 2 cluster(s) did not have the API resource"))
                .map(a -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], List.of(edge, cloud)));
    }

    @ParameterizedTest(name = "{1} with {0}")
    @MethodSource("placements")
    void membersAreFilteredAsKarmadaDoes(
            Map<String, Object> placement, String kind, Object expected, List<Map<String, Object>> members) {
        String apiVersion = kind.equals("Deployment") ? DEPLOYMENTS : "multicluster.x-k8s.io/v1alpha1";
        assertThat(KarmadaFilters.schedule(members, placement, apiVersion, kind))
                .isEqualTo(expected);
    }

    @Test
    void everyCaseRuns() {
        assertThat(placements()).hasSize(7);
    }
}
