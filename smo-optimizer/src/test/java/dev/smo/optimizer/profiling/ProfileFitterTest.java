package dev.smo.optimizer.profiling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.optimizer.profiling.ProfileFit.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileFitterTest {

    /**
     * Six hours at 30 s: replicas step through 1..6; 60 % of samples saturated (rate = α·r + β + noise), 30 % at
     * 10–60 % of capacity (not saturated), and {@code outliers} of them 2–4 times capacity.
     */
    static List<ProfileSample> generated(double alpha, double beta, double noise, long seed, double outliers) {
        Random random = new Random(seed);
        List<ProfileSample> samples = new ArrayList<>();
        for (int i = 0; i < 720; i++) {
            int replicas = 1 + (i / 40) % 6;
            double capacity = alpha * replicas + beta;
            double u = random.nextDouble();
            double rate;
            if (u < outliers) {
                rate = capacity * (2 + 2 * random.nextDouble());
            } else if (u < outliers + 0.3) {
                rate = capacity * (0.1 + 0.5 * random.nextDouble());
            } else {
                rate = capacity + noise * alpha * random.nextGaussian();
            }
            samples.add(new ProfileSample(1_700_000_000L + 30L * i, replicas, Math.max(0, rate)));
        }
        return samples;
    }

    static Stream<Arguments> known() {
        List<Arguments> cases = new ArrayList<>();
        double[][] coefficients = {{30, 10}, {12.5, -5}, {200, 0}};
        double[] noises = {0, 0.02, 0.05, 0.1};
        for (double[] c : coefficients) {
            for (double noise : noises) {
                for (long seed = 1; seed <= 3; seed++) {
                    cases.add(Arguments.of(c[0], c[1], noise, seed));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "alpha {0}, beta {1}, noise {2}, seed {3}")
    @MethodSource("known")
    void recoversKnownCoefficientsThroughUnsaturatedPeriodsAndOutliers(
            double alpha, double beta, double noise, long seed) {
        ProfileFit fit = ProfileFitter.fit(generated(alpha, beta, noise, seed, 0.05));

        assertThat(fit.refusal()).isEmpty();
        // Tolerances: 3 % of alpha plus the noise's own scale, per coefficient.
        assertThat(fit.alpha()).isCloseTo(alpha, org.assertj.core.data.Offset.offset(0.03 * alpha + noise * alpha));
        assertThat(fit.beta()).isCloseTo(beta, org.assertj.core.data.Offset.offset(0.1 * alpha + 2 * noise * alpha));
        assertThat(fit.rSquared()).isGreaterThan(0.95);
        assertThat(fit.alphaInterval().low()).isLessThanOrEqualTo(fit.alpha());
        assertThat(fit.alphaInterval().high()).isGreaterThanOrEqualTo(fit.alpha());
        // Every outlier and most unsaturated samples are dropped, and most saturated ones used.
        assertThat(fit.samplesUsed()).isBetween(300, 480);
        assertThat(fit.count(SampleVerdict.OUTLIER) + fit.count(SampleVerdict.UNSATURATED))
                .isGreaterThan(200);
        assertThat(fit.verdicts()).hasSize(720);
    }

    @Test
    void theIntervalHoldsTheTrueSlopeInMostSeeds() {
        long covered = IntStream.rangeClosed(1, 20)
                .filter(seed -> ProfileFitter.fit(generated(30, 10, 0.1, seed, 0))
                        .alphaInterval()
                        .contains(30))
                .count();

        assertThat(covered).isGreaterThanOrEqualTo(16);
    }

    static Stream<Arguments> degenerate() {
        List<ProfileSample> oneCount = new ArrayList<>();
        List<ProfileSample> zero = new ArrayList<>();
        List<ProfileSample> few = new ArrayList<>();
        List<ProfileSample> flat = new ArrayList<>();
        List<ProfileSample> noise = new ArrayList<>();
        List<ProfileSample> invalid = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            int r = 1 + i % 4;
            oneCount.add(new ProfileSample(i, 3, 90 + random.nextGaussian()));
            zero.add(new ProfileSample(i, r, 0));
            flat.add(new ProfileSample(i, r, 50 + random.nextGaussian()));
            noise.add(new ProfileSample(i, r, 10 * r + 40 * random.nextDouble()));
            invalid.add(new ProfileSample(i, i % 2 == 0 ? 0 : Double.NaN, 10));
        }
        for (int i = 0; i < 6; i++) {
            few.add(new ProfileSample(i, 1 + i % 2, 10 + 10 * (i % 2)));
        }
        return Stream.of(
                Arguments.of("one replica count", oneCount, Reason.ONE_REPLICA_COUNT),
                Arguments.of("zero traffic", zero, Reason.NO_TRAFFIC),
                Arguments.of("too few samples", few, Reason.TOO_FEW_SAMPLES),
                Arguments.of("no samples", List.of(), Reason.TOO_FEW_SAMPLES),
                Arguments.of("no replicas or NaN", invalid, Reason.TOO_FEW_SAMPLES),
                Arguments.of("flat: replicas add nothing", flat, Reason.NO_GAIN_PER_REPLICA),
                Arguments.of("noise over a weak slope", noise, Reason.POOR_FIT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("degenerate")
    void refusesDegenerateDataWithAReason(String name, List<ProfileSample> samples, Reason reason) {
        ProfileFit fit = ProfileFitter.fit(samples);

        assertThat(fit.fitted()).isFalse();
        assertThat(fit.refusal().orElseThrow().reason()).isEqualTo(reason);
        assertThat(fit.refusal().orElseThrow().message()).contains("\nMaybe");
        assertThat(fit.verdicts()).hasSameSizeAs(samples);
    }

    @Test
    void countsTheCases() {
        assertThat(known()).hasSize(36);
        assertThat(degenerate()).hasSize(7);
    }
}
