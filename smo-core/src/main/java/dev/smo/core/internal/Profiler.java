package dev.smo.core.internal;

import dev.smo.core.ProfileRefusedException;
import dev.smo.core.ProfileReport;
import dev.smo.core.ServiceNotFoundException;
import dev.smo.core.ServiceProfile;
import dev.smo.core.SmoIntegrationException;
import dev.smo.core.StoredGraph;
import dev.smo.core.spi.MetricsSource;
import dev.smo.core.spi.ProfileStore;
import dev.smo.core.spi.Series;
import dev.smo.model.HdaGraph;
import dev.smo.model.ScalingIntent;
import dev.smo.model.Service;
import dev.smo.optimizer.profiling.ProfileFit;
import dev.smo.optimizer.profiling.ProfileFitter;
import dev.smo.optimizer.profiling.ProfileSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Learns a service's profile from the metrics: its replica count and request rate over a window (range queries at
 * one step, so the points of both fall on the same instants), fitted by {@link ProfileFitter}, stored as the next
 * version.
 */
final class Profiler {

    /** About 720 points per window (every 30 s over 6 h), never finer than 15 s. */
    private static final int POINTS = 720;

    private static final Duration MIN_STEP = Duration.ofSeconds(15);

    private final MetricsSource metrics;
    private final ProfileStore profiles;
    private final Clock clock;

    Profiler(MetricsSource metrics, ProfileStore profiles, Clock clock) {
        this.metrics = metrics;
        this.profiles = profiles;
        this.clock = clock;
    }

    ProfileReport learn(StoredGraph stored, HdaGraph graph, String serviceId, Duration window) {
        Service service =
                graph.service(serviceId).orElseThrow(() -> new ServiceNotFoundException(stored.name(), serviceId));
        if (metrics == null) {
            throw new SmoIntegrationException(
                    "No metrics source is configured, so no profile can be learned.\n" + "Maybe set PROMETHEUS_HOST.");
        }
        ScalingIntent intent = service.intent().scaling().orElse(ScalingIntent.profiled(1, 1));
        String replicasQuery = intent.replicasQuery(stored.project(), serviceId);
        String rateQuery = intent.requestRateQuery(serviceId);
        Instant end = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant start = end.minus(window);
        Duration step = step(window);
        Map<Instant, Double> replicas = summed(metrics.queryRange(replicasQuery, start, end, step));
        Map<Instant, Double> rates = summed(metrics.queryRange(rateQuery, start, end, step));
        List<Instant> times = new ArrayList<>();
        List<ProfileSample> samples = new ArrayList<>();
        replicas.forEach((at, r) -> {
            Double rate = rates.get(at);
            if (rate != null) {
                times.add(at);
                samples.add(new ProfileSample(at.getEpochSecond(), r, rate));
            }
        });
        ProfileFit fit = ProfileFitter.fit(samples);
        if (!fit.fitted()) {
            ProfileFit.Refusal refusal = fit.refusal().orElseThrow();
            throw new ProfileRefusedException(
                    stored.name(),
                    serviceId,
                    refusal.reason().name(),
                    refusal.message() + " (" + samples.size() + " samples of " + replicasQuery + " and " + rateQuery
                            + " over " + window + " at " + step + ")");
        }
        ServiceProfile profile = profiles.save(new ServiceProfile(
                stored.name(),
                serviceId,
                0,
                fit.alpha(),
                fit.beta(),
                fit.rSquared(),
                fit.samplesUsed(),
                samples.size(),
                (int) fit.count(dev.smo.optimizer.profiling.SampleVerdict.UNSATURATED),
                (int) fit.count(dev.smo.optimizer.profiling.SampleVerdict.OUTLIER),
                fit.alphaInterval().low(),
                fit.alphaInterval().high(),
                fit.betaInterval().low(),
                fit.betaInterval().high(),
                start,
                end,
                clock.instant()));
        List<ProfileReport.Observation> observations = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            observations.add(new ProfileReport.Observation(
                    times.get(i),
                    samples.get(i).replicas(),
                    samples.get(i).rate(),
                    fit.verdicts().get(i).name()));
        }
        return new ProfileReport(profile, replicasQuery, rateQuery, observations);
    }

    static Duration step(Duration window) {
        long seconds = Math.max(MIN_STEP.toSeconds(), (window.toSeconds() + POINTS - 1) / POINTS);
        return Duration.ofSeconds(seconds);
    }

    /** Sums the series at each instant (a query may answer one series per pod or per cluster). */
    private static Map<Instant, Double> summed(List<Series> series) {
        Map<Instant, Double> sums = new TreeMap<>();
        for (Series s : series) {
            for (Series.Point p : s.points()) {
                sums.merge(p.at(), p.value(), Double::sum);
            }
        }
        return sums;
    }
}
