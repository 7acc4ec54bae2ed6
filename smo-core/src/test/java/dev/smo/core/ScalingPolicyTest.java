package dev.smo.core;

import static dev.smo.core.Fixtures.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.core.Fixtures.MutableInventory;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.InMemoryProfileStore;
import dev.smo.core.spi.ProfileStoreContract;
import dev.smo.core.spi.ScriptedMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The scaling loop with a simulated clock: stabilisation, max change, memory and GPU limits, learned profiles. */
class ScalingPolicyTest {

    /** A clock the test moves. */
    static final class SimClock extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String graph(String compute, String scaling) {
        return """
                hdaGraph:
                  id: shop
                  services:
                    - id: web
                      artifact: {ociImage: oci://registry/web}
                      deployment:
                        trigger: {type: standard}
                        intent:
                          compute: %s
                          scaling: %s
                """.formatted(compute, scaling);
    }

    private final SimClock clock = new SimClock();
    private final AtomicReference<Double> rate = new AtomicReference<>(0.0);
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();

    private Orchestrator smo(ScalingPolicy policy, ClusterInfo cluster) {
        return Orchestrator.builder()
                .store(new InMemoryGraphStore(clock))
                .inventory(new MutableInventory(false, cluster))
                .deployer(new DryRunDeployer())
                .metrics(ScriptedMetrics.instant(q -> rate.get()))
                .profiles(profiles)
                .scalingPolicy(policy)
                .clock(clock)
                .build();
    }

    /** Rates every 30 s → replicas after each round. */
    private List<Integer> replay(Orchestrator smo, double... rates) {
        List<Integer> replicas = new ArrayList<>();
        for (double r : rates) {
            rate.set(r);
            clock.now = clock.now.plusSeconds(30);
            replicas.add(smo.scale("shop").service("web").orElseThrow().replicas());
        }
        return replicas;
    }

    static Stream<Arguments> policies() {
        // alpha 10, beta 0: rate 95 needs 10 replicas, 5 needs 1.
        return Stream.of(
                Arguments.of(
                        "immediate follows every dip",
                        ScalingPolicy.IMMEDIATE,
                        new double[] {95, 15, 95, 15, 15},
                        List.of(10, 2, 10, 2, 2)),
                Arguments.of(
                        "a 90 s window holds the dips",
                        new ScalingPolicy(Duration.ofSeconds(90), 100),
                        new double[] {95, 15, 95, 15, 15, 15, 15},
                        List.of(10, 10, 10, 10, 10, 10, 2)),
                Arguments.of(
                        "max change 3 per round, both ways",
                        new ScalingPolicy(Duration.ZERO, 3),
                        new double[] {95, 95, 95, 5, 5},
                        List.of(4, 7, 10, 7, 4)),
                Arguments.of(
                        "window and max change together",
                        new ScalingPolicy(Duration.ofSeconds(60), 4),
                        new double[] {95, 95, 95, 5, 5, 5, 5},
                        List.of(5, 9, 10, 10, 10, 6, 2)),
                Arguments.of(
                        "a 10 % tolerance holds 9 and 11 of 10, not 12; 11 of 12 is held again",
                        new ScalingPolicy(Duration.ZERO, 100, 0.1),
                        new double[] {95, 85, 105, 115, 105, 55},
                        List.of(10, 10, 10, 12, 12, 6)),
                Arguments.of(
                        "no tolerance follows every step",
                        new ScalingPolicy(Duration.ZERO, 100, 0),
                        new double[] {95, 85, 105},
                        List.of(10, 9, 11)),
                Arguments.of(
                        "a 25 % tolerance holds 4 → 5 but not 4 → 6",
                        new ScalingPolicy(Duration.ZERO, 100, 0.25), new double[] {35, 45, 55}, List.of(4, 4, 6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void theSimulatedClockDrivesThePolicy(String name, ScalingPolicy policy, double[] rates, List<Integer> expected) {
        try (Orchestrator smo = smo(policy, cluster("c", 64_000, 64, 0))) {
            smo.deployDescriptor("p", graph("{cpu: 100m, ram: 64Mi}", "{minReplicas: 1, maxReplicas: 20, alpha: 10}"));

            assertThat(replay(smo, rates)).isEqualTo(expected);
        }
    }

    @Test
    void aHeldChangeWithinTheToleranceSaysSo() {
        try (Orchestrator smo = smo(new ScalingPolicy(Duration.ZERO, 100), cluster("c", 64_000, 64, 0))) {
            smo.deployDescriptor("p", graph("{cpu: 100m, ram: 64Mi}", "{minReplicas: 1, maxReplicas: 20, alpha: 10}"));
            replay(smo, 95, 85);

            assertThat(smo.events("shop"))
                    .filteredOn(e -> e.type().equals("SCALING_HELD"))
                    .singleElement()
                    .extracting(GraphEvent::message)
                    .asString()
                    .contains("recommended 9, target 10 (within the 10 % tolerance of 10 replicas), result 10");
        }
    }

    @Test
    void aToleranceOutsideZeroToOneIsRefused() {
        assertThat(ScalingPolicy.DEFAULTS.tolerance()).isEqualTo(0.1);
        assertThat(ScalingPolicy.IMMEDIATE.tolerance()).isZero();
        for (double bad : new double[] {-0.01, 1, Double.NaN}) {
            assertThatThrownBy(() -> ScalingPolicy.DEFAULTS.withTolerance(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("tolerance");
        }
    }

    @Test
    void everyDecisionIsAnEventWithItsInputs() {
        try (Orchestrator smo = smo(new ScalingPolicy(Duration.ofSeconds(90), 100), cluster("c", 64_000, 64, 0))) {
            smo.deployDescriptor(
                    "p",
                    graph(
                            "{cpu: 100m, ram: 64Mi}",
                            "{minReplicas: 1, maxReplicas: 20, alpha: 10, beta: 5," + " targetUtilisation: 0.5}"));
            replay(smo, 45, 5);

            List<GraphEvent> events = smo.events("shop").stream()
                    .filter(e -> e.type().startsWith("SCAL"))
                    .toList();
            assertThat(events).extracting(GraphEvent::type).containsExactly("SCALED", "SCALING_HELD");
            // 45 req/s at 50 % → plan 90 → (90 − 5)/10 → 9 replicas.
            assertThat(events.get(0).message())
                    .isEqualTo("Replicas of web: 1 → 9: web rate 45.00 req/s, capacity 10·r + 5 req/s (descriptor),"
                            + " target utilisation 0.500, previous 1, recommended 9, result 9.");
            assertThat(events.get(1).message())
                    .isEqualTo("Replicas of web stay at 9: web rate 5.00 req/s, capacity 10·r + 5 req/s (descriptor),"
                            + " target utilisation 0.500, previous 9, recommended 1, target 9 (scale-down"
                            + " stabilisation: highest recommendation in the last 90 s is 9), result 9.");
        }
    }

    static Stream<Arguments> resources() {
        // 60 req/s at alpha 10 needs 6 replicas.
        return Stream.of(
                Arguments.of("cpu for 8", "{cpu: 500m, ram: 1Gi}", cluster("c", 4_000, 64, 0), 6, null),
                Arguments.of(
                        "memory for 4: 6 replicas of 1 GiB in 4 GiB",
                        "{cpu: 100m, ram: 1Gi}",
                        cluster("c", 64_000, 4, 0),
                        1,
                        "memory"),
                Arguments.of(
                        "GPUs for 3: 6 replicas of 1 GPU on 3",
                        "{cpu: 100m, ram: 64Mi, gpu: {enabled: true}}",
                        cluster("c", 64_000, 64, 3),
                        1,
                        "gpus"),
                Arguments.of(
                        "GPUs fit",
                        "{cpu: 100m, ram: 64Mi, gpu: {enabled: true}}",
                        cluster("c", 64_000, 64, 8),
                        6,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resources")
    void replicasThatDoNotFitTheClusterTriggerAReplacementWithTheReason(
            String name, String compute, ClusterInfo cluster, int replicas, String shortOf) {
        try (Orchestrator smo = smo(ScalingPolicy.IMMEDIATE, cluster)) {
            smo.deployDescriptor("p", graph(compute, "{minReplicas: 1, maxReplicas: 20, alpha: 10}"));

            assertThat(replay(smo, 60)).containsExactly(replicas);
            if (shortOf != null) {
                assertThat(smo.events("shop"))
                        .filteredOn(e -> e.type().equals("SCALING_INFEASIBLE"))
                        .singleElement()
                        .satisfies(e -> assertThat(e.message())
                                .contains("Cluster (c) has " + shortOf)
                                .contains("Re-placing the graph"));
                assertThat(smo.events("shop")).extracting(GraphEvent::type).contains("REPLACE_REQUESTED");
            }
        }
    }

    @Test
    void aStoredProfileScalesAServiceWhoseDescriptorHasNoCoefficients() {
        try (Orchestrator smo = smo(ScalingPolicy.IMMEDIATE, cluster("c", 64_000, 64, 0))) {
            smo.deployDescriptor("p", graph("{cpu: 100m, ram: 64Mi}", "{maxReplicas: 10}"));

            assertThat(replay(smo, 60, 60)).containsExactly(1, 1);
            assertThat(smo.events("shop"))
                    .filteredOn(e -> e.type().equals("SCALING_SKIPPED"))
                    .singleElement()
                    .extracting(GraphEvent::message)
                    .asString()
                    .contains("no stored profile");

            profiles.save(ProfileStoreContract.profile("shop", "web", 20));
            assertThat(replay(smo, 60)).containsExactly(4);
            assertThat(smo.events("shop"))
                    .filteredOn(e -> e.type().equals("SCALED"))
                    .singleElement()
                    .extracting(GraphEvent::message)
                    .asString()
                    .contains("capacity 20·r − 2.500 req/s (profile v1, R² 0.970)");
        }
    }

    @Test
    void learnsAProfileFromRangeQueriesOrRefusesWithTheReason() {
        // replicas step 1..4 every 10 min; served rate 25·r + 5 at saturation.
        java.util.function.BiFunction<String, Instant, Double> history = (q, t) -> {
            int replicas = 1 + (int) ((t.getEpochSecond() / 600) % 4);
            return q.contains("kube_deployment_status_replicas") ? replicas : 25.0 * replicas + 5;
        };
        try (Orchestrator smo = Orchestrator.builder()
                .store(new InMemoryGraphStore(clock))
                .inventory(new MutableInventory(false, cluster("c", 64_000, 64, 0)))
                .metrics(new ScriptedMetrics(q -> 0.0, history))
                .profiles(profiles)
                .clock(clock)
                .build()) {
            smo.deployDescriptor("p", graph("{cpu: 100m}", "{maxReplicas: 10}"));

            ProfileReport report = smo.learnProfile("shop", "web", Duration.ofHours(6));

            assertThat(report.profile().alpha()).isCloseTo(25, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(report.profile().beta()).isCloseTo(5, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(report.profile().version()).isEqualTo(1);
            assertThat(report.samples()).hasSize(721);
            assertThat(report.replicasQuery())
                    .isEqualTo("sum(kube_deployment_status_replicas{namespace=\"p\",deployment=\"web\"})");
            assertThat(smo.profile("shop", "web")).contains(report.profile());
            assertThatThrownBy(() -> smo.learnProfile("shop", "db", Duration.ofHours(1)))
                    .isInstanceOf(ServiceNotFoundException.class);
            assertThatThrownBy(() -> smo.profile("nope", "web")).isInstanceOf(GraphNotFoundException.class);
            assertThatThrownBy(() -> smo.learnProfile("shop", "web", Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalArgumentException.class);

            Instant later = clock.now.plus(Duration.ofDays(1));
            clock.now = later.minusSeconds(later.getEpochSecond() % 600).plusSeconds(300);
            // 5 minutes of history: one replica count only
            assertThatThrownBy(() -> smo.learnProfile("shop", "web", Duration.ofMinutes(5)))
                    .isInstanceOfSatisfying(
                            ProfileRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo("ONE_REPLICA_COUNT"));
            assertThat(smo.profile("shop", "web").orElseThrow().version()).isEqualTo(1);
        }
    }

    @Test
    void countsTheCases() {
        assertThat(policies()).hasSize(7);
        assertThat(resources()).hasSize(4);
    }
}
