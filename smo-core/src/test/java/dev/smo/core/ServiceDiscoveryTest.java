package dev.smo.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.model.Descriptors;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The objects each discovery mode makes the charts render, and the addresses clients are given: web and api run on
 * cluster a, db on b; web calls api and db, api calls db.
 */
class ServiceDiscoveryTest {

    private static final String GRAPH = """
            hdaGraph:
              id: shop
              hdaGraphIntent: {useStaticPlacement: true}
              services:
                - id: web
                  artifact: {ociImage: oci://registry:5000/test/web, valuesOverwrite: {clustersAffinity: [a]}}
                  deployment: {intent: {connectionPoints: [api, db]}}
                - id: api
                  artifact: {ociImage: oci://registry:5000/test/api, valuesOverwrite: {clustersAffinity: [a]}}
                  deployment: {intent: {connectionPoints: [db]}}
                - id: db
                  artifact:
                    ociImage: oci://registry:5000/test/db
                    valuesOverwrite: {clustersAffinity: [b], serviceEndpoints: {kept: as-written}}
                  deployment: {intent: {connectionPoints: [web]}}
            """;

    static Stream<Arguments> modes() {
        return Stream.of(
                // mode, service, serviceImportClusters, serviceEndpoints
                Arguments.of(
                        ServiceDiscovery.KARMADA_MCS,
                        "web",
                        List.of("b"),
                        Map.of(
                                "api", "api.shop-ns.svc.cluster.local",
                                "db", "derived-db.shop-ns.svc.cluster.local")),
                // Its only client runs beside it: no self-import.
                Arguments.of(
                        ServiceDiscovery.KARMADA_MCS,
                        "api",
                        List.of(),
                        Map.of("db", "derived-db.shop-ns.svc.cluster.local")),
                // The user's own serviceEndpoints are kept as written.
                Arguments.of(ServiceDiscovery.KARMADA_MCS, "db", List.of("a"), Map.of("kept", "as-written")),
                Arguments.of(
                        ServiceDiscovery.LIGHTHOUSE,
                        "web",
                        List.of(),
                        Map.of(
                                "api", "api.shop-ns.svc.cluster.local",
                                "db", "db.shop-ns.svc.clusterset.local")),
                Arguments.of(
                        ServiceDiscovery.LIGHTHOUSE, "api", List.of(), Map.of("db", "db.shop-ns.svc.clusterset.local")),
                Arguments.of(ServiceDiscovery.LIGHTHOUSE, "db", List.of(), Map.of("kept", "as-written")));
    }

    @ParameterizedTest
    @MethodSource("modes")
    void valuesFollowTheMode(
            ServiceDiscovery mode, String service, List<String> imports, Map<String, String> endpoints) {
        try (Orchestrator smo = Orchestrator.builder()
                .store(new InMemoryGraphStore())
                .inventory(new Fixtures.MutableInventory(
                        false, Fixtures.cluster("a", 8_000, 16, 0), Fixtures.cluster("b", 8_000, 16, 0)))
                .serviceDiscovery(mode)
                .build()) {
            Plan plan = smo.plan("shop-ns", Descriptors.parse(GRAPH));
            PlannedService planned = plan.services().stream()
                    .filter(s -> s.name().equals(service))
                    .findFirst()
                    .orElseThrow();
            assertThat(planned.values())
                    .containsEntry("serviceImportClusters", imports)
                    .containsEntry("serviceEndpoints", endpoints);
        }
    }

    @org.junit.jupiter.api.Test
    void modesAreParsedFromTheirNames() {
        assertThat(ServiceDiscovery.parse("Karmada")).isEqualTo(ServiceDiscovery.KARMADA_MCS);
        assertThat(ServiceDiscovery.parse(" lighthouse ")).isEqualTo(ServiceDiscovery.LIGHTHOUSE);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> ServiceDiscovery.parse("consul"))
                .withMessageContaining("karmada");
    }
}
