package dev.smo.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantityTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "0.5, 0.5",
        "2, 2",
        "250m, 0.25",
        "1500m, 1.5",
        "100u, 0.0001",
        "5n, 0.000000005",
        "1k, 1000",
        "10G, 10000000000",
        "10M, 10000000",
        "1T, 1000000000000",
        "1P, 1e15",
        "1E, 1e18",
        "1Ki, 1024",
        "500Mi, 524288000",
        "1Gi, 1073741824",
        "3Gi, 3221225472",
        "1Ti, 1099511627776",
        "1Pi, 1125899906842624",
        "1Ei, 1152921504606846976",
        "0.5Gi, 536870912",
        "1e3, 1000",
        "1E3, 1000",
        "5e-3, 0.005",
        "+1, 1",
        ".5, 0.5",
        "1., 1",
        "-1, -1"
    })
    void parsesExactly(String text, BigDecimal expected) {
        assertThat(Quantity.parse(text)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"''", "Gi", "1GB", "1 Gi", "1gi", "1.5.2", "1e", "1e999", "one", "1Mi1", "500MiB", "0x10", "1_5"})
    void rejectsWhatIsNotAQuantity(String text) {
        assertThatThrownBy(() -> Quantity.parse(text))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessageStartingWith("Quantity (" + text + ") is not a Kubernetes quantity.\nMaybe");
    }

    @ParameterizedTest(name = "{0} -> {1}m")
    @CsvSource({"0.5, 500", "250m, 250", "1, 1000", "0.1m, 1", "1e3, 1000000", "100u, 1"})
    void cpuRoundsUpToMillicores(String text, long millis) {
        assertThat(Quantity.toMillis(text)).isEqualTo(millis);
    }

    @ParameterizedTest(name = "{0} -> {1} bytes")
    @CsvSource({"10G, 10000000000", "1Gi, 1073741824", "500Mi, 524288000", "1.5, 2", "0, 0"})
    void bytesRoundUp(String text, long bytes) {
        assertThat(Quantity.toBytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"-1, negative", "16Ei, too large", "1e19, too large"})
    void refusesNegativeAndHugeRequests(String text, String problem) {
        assertThatThrownBy(() -> Quantity.toBytes(text))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessageContaining(problem)
                .extracting(e -> ((InvalidQuantityException) e).text())
                .isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "524288000, 500Mi",
        "1073741824, 1Gi",
        "10000000000, 10G",
        "5000000000, 5G",
        "1536, 1536",
        "1024000, 1024k",
        "1500, 1500",
        "2000, 2k",
        "1152921504606846976, 1Ei"
    })
    void formatsBytesCanonically(long bytes, String text) {
        assertThat(Quantity.formatBytes(bytes)).isEqualTo(text);
        assertThat(Quantity.toBytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"500, 500m", "1000, 1", "1500, 1500m", "0, 0", "16000, 16"})
    void formatsMillicoresCanonically(long millis, String text) {
        assertThat(Quantity.formatMillis(millis)).isEqualTo(text);
        assertThat(Quantity.toMillis(text)).isEqualTo(millis);
    }
}
