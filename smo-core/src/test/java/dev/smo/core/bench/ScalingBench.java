package dev.smo.core.bench;

import dev.smo.core.ClusterInfo;
import dev.smo.core.Orchestrator;
import dev.smo.core.ScalingPolicy;
import dev.smo.core.local.DryRunDeployer;
import dev.smo.core.local.InMemoryGraphStore;
import dev.smo.core.local.StaticClusterInventory;
import dev.smo.core.spi.ScriptedMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code ./bench scaling [hours 12] [outDir target/scaling-bench]}: replays synthetic request-rate traces through the
 * real scaling loop ({@link Orchestrator#scale} on an in-memory orchestrator, a simulated clock moved 30 s per
 * round, no sleeping) and through an HPA-like target-utilisation policy on the same trace, and prints SLO
 * violations (rounds where capacity &lt; rate), replica-hours and replica changes; writes one PNG per trace.
 */
public final class ScalingBench {

    static final double ALPHA = 20;
    static final double BETA = -10;
    static final double TARGET = 0.8;
    static final int MAX = 40;
    static final Duration ROUND = Duration.ofSeconds(30);

    private ScalingBench() {}

    /** A request-rate trace: rate (req/s) at a time (s from the start). */
    record Trace(String name, DoubleUnaryOperator rate) {}

    /** One policy's run over a trace. */
    @SuppressWarnings("ArrayRecordComponent") // series for the plot, never compared
    record Run(String policy, double[] time, double[] rate, double[] capacity, double[] replicas) {

        long violations() {
            long n = 0;
            for (int i = 0; i < rate.length; i++) {
                n += capacity[i] < rate[i] ? 1 : 0;
            }
            return n;
        }

        double replicaHours() {
            double sum = 0;
            for (double r : replicas) {
                sum += r * ROUND.toSeconds();
            }
            return sum / 3600;
        }

        long changes() {
            long n = 0;
            for (int i = 1; i < replicas.length; i++) {
                n += replicas[i] != replicas[i - 1] ? 1 : 0;
            }
            return n;
        }
    }

    static List<Trace> traces(long seed) {
        Random noise = new Random(seed);
        double day = 12 * 3600.0;
        return List.of(
                new Trace("steady", t -> 300 + 5 * noise.nextGaussian()),
                new Trace("diurnal", t -> 320 - 260 * Math.cos(2 * Math.PI * t / day) + 10 * noise.nextGaussian()),
                new Trace("spike", t -> {
                    double hour = t / 3600;
                    boolean spike = (hour % 4) >= 2 && (hour % 4) < 2 + 10.0 / 60;
                    return spike ? 620 : 150 + 5 * noise.nextGaussian();
                }),
                new Trace("noisy", t -> Math.max(0, 300 + 80 * noise.nextGaussian())));
    }

    static double capacity(double replicas) {
        return Math.max(0, ALPHA * replicas + BETA);
    }

    /** The real loop: one orchestrator, one scalable service, rounds on a simulated clock. */
    static Run smo(Trace trace, int rounds, ScalingPolicy policy) {
        SimClock clock = new SimClock();
        double[] now = {0};
        double[] time = new double[rounds];
        double[] rate = new double[rounds];
        double[] capacity = new double[rounds];
        double[] replicas = new double[rounds];
        double[] current = {trace.rate().applyAsDouble(0)};
        try (Orchestrator smo = Orchestrator.builder()
                .store(new InMemoryGraphStore(clock))
                .inventory(new StaticClusterInventory(List.of(ClusterInfo.of("c", 1_000_000, 4096L << 30, 0))))
                .deployer(new DryRunDeployer())
                .metrics(ScriptedMetrics.instant(q -> current[0]))
                .scalingPolicy(policy)
                .clock(clock)
                .build()) {
            smo.deployDescriptor("bench", descriptor());
            for (int i = 0; i < rounds; i++) {
                now[0] = i * ROUND.toSeconds();
                clock.now = SimClock.START.plusSeconds((long) now[0]);
                current[0] = trace.rate().applyAsDouble(now[0]);
                int before = smo.get("svc").service("web").orElseThrow().replicas();
                time[i] = now[0] / 3600;
                rate[i] = current[0];
                capacity[i] = capacity(before);
                replicas[i] = before;
                smo.scale("svc");
            }
        }
        return new Run("SMO", time, rate, capacity, replicas);
    }

    /**
     * HPA's algorithm on utilisation = rate / capacity: desired = ⌈current · utilisation / target⌉, a 10 %
     * tolerance, the highest recommendation of the last 300 s for scale-downs, scale-up at most max(100 %, 4 pods).
     */
    static Run hpa(Trace trace, int rounds) {
        double[] time = new double[rounds];
        double[] rate = new double[rounds];
        double[] capacity = new double[rounds];
        double[] replicas = new double[rounds];
        int current = 1;
        List<double[]> recent = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            double t = i * ROUND.toSeconds();
            double r = trace.rate().applyAsDouble(t);
            time[i] = t / 3600;
            rate[i] = r;
            capacity[i] = capacity(current);
            replicas[i] = current;
            double utilisation = capacity(current) > 0 ? r / capacity(current) : Double.POSITIVE_INFINITY;
            int desired = current;
            if (Math.abs(utilisation / TARGET - 1) > 0.1) {
                desired =
                        Double.isInfinite(utilisation) ? current + 1 : (int) Math.ceil(current * utilisation / TARGET);
            }
            desired = Math.max(1, Math.min(MAX, desired));
            recent.add(new double[] {t, desired});
            recent.removeIf(e -> e[0] < t - 300);
            if (desired < current) {
                desired = (int) Math.min(
                        current, recent.stream().mapToDouble(e -> e[1]).max().orElse(desired));
            } else {
                desired = Math.min(desired, Math.max(2 * current, current + 4));
            }
            current = desired;
        }
        return new Run("HPA-like", time, rate, capacity, replicas);
    }

    static String descriptor() {
        return """
                hdaGraph:
                  id: svc
                  services:
                    - id: web
                      artifact: {ociImage: oci://registry/web}
                      deployment:
                        trigger: {type: standard}
                        intent:
                          compute: {cpu: 100m, ram: 64Mi}
                          scaling: {minReplicas: 1, maxReplicas: %d, alpha: %s, beta: %s, targetUtilisation: %s}
                """.formatted(MAX, ALPHA, BETA, TARGET);
    }

    public static void main(String[] args) throws IOException {
        double hours = args.length > 0 ? Double.parseDouble(args[0]) : 12;
        Path out = Path.of(args.length > 1 ? args[1] : "target/scaling-bench");
        Files.createDirectories(out);
        int rounds = (int) (hours * 3600 / ROUND.toSeconds());
        System.out.printf(
                Locale.ROOT,
                "%d rounds of %d s (%.1f h) per trace; capacity = %.0f·r %+.0f req/s, target utilisation %.1f%n%n",
                rounds,
                ROUND.toSeconds(),
                hours,
                ALPHA,
                BETA,
                TARGET);
        System.out.printf(
                Locale.ROOT,
                "| trace | policy | SLO violations (rounds, capacity < rate) | replica-hours | changes | wall ms |%n");
        System.out.printf(Locale.ROOT, "|---|---|---:|---:|---:|---:|%n");
        for (Trace trace : traces(42)) {
            long start = System.nanoTime();
            Run smo = smo(
                    traces(42).stream()
                            .filter(t -> t.name().equals(trace.name()))
                            .findFirst()
                            .orElseThrow(),
                    rounds,
                    ScalingPolicy.DEFAULTS);
            long smoMs = (System.nanoTime() - start) / 1_000_000;
            start = System.nanoTime();
            Run hpa = hpa(
                    traces(42).stream()
                            .filter(t -> t.name().equals(trace.name()))
                            .findFirst()
                            .orElseThrow(),
                    rounds);
            long hpaMs = (System.nanoTime() - start) / 1_000_000;
            for (Run run : List.of(smo, hpa)) {
                System.out.printf(
                        Locale.ROOT,
                        "| %s | %s | %d | %.1f | %d | %d |%n",
                        trace.name(),
                        run.policy(),
                        run.violations(),
                        run.replicaHours(),
                        run.changes(),
                        run.policy().equals("SMO") ? smoMs : hpaMs);
            }
            plot(trace.name(), smo, hpa, out.resolve("scaling-" + trace.name() + ".png"));
        }
        System.out.println("\nplots in " + out.toAbsolutePath());
    }

    static void plot(String name, Run smo, Run hpa, Path file) throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(1000)
                .height(500)
                .title("Scaling on the " + name + " trace: SMO loop vs HPA-like policy")
                .xAxisTitle("hours")
                .yAxisTitle("requests/s")
                .build();
        chart.getStyler().setMarkerSize(0).setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        line(chart, "request rate", smo.time(), smo.rate(), 0);
        line(chart, "SMO capacity", smo.time(), smo.capacity(), 0);
        line(chart, "HPA-like capacity", hpa.time(), hpa.capacity(), 0);
        line(chart, "SMO replicas", smo.time(), smo.replicas(), 1);
        line(chart, "HPA-like replicas", hpa.time(), hpa.replicas(), 1);
        chart.setYAxisGroupTitle(1, "replicas");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, int axis) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(SeriesMarkers.NONE);
        series.setYAxisGroup(axis);
    }

    /** A clock the bench moves. */
    static final class SimClock extends Clock {
        static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
