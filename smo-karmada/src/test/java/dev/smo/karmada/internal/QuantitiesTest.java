package dev.smo.karmada.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} cores = {1} millicores")
    @CsvSource({
        "3800m, 3800",
        "1.5, 1500",
        "0, 0",
        "4, 4000",
        "250m, 250",
        "0.001, 1",
        "100u, 0",
        "2k, 2000000",
    })
    void cpuToMillis(String quantity, long millis) {
        assertThat(Quantities.millis(Quantities.parse(quantity))).isEqualTo(millis);
    }

    @ParameterizedTest(name = "{0} = {1} bytes")
    @CsvSource({
        "15Gi, 16106127360",
        "512Mi, 536870912",
        "100Ki, 102400",
        "1G, 1000000000",
        "1e3, 1000",
        "0, 0",
        "128974848, 128974848",
    })
    void memoryToBytes(String quantity, long bytes) {
        assertThat(Quantities.nonNegativeLong(Quantities.parse(quantity))).isEqualTo(bytes);
    }

    @Test
    void jsonNumbersAndMissingValues() {
        assertThat(Quantities.parse(2.0)).isEqualByComparingTo("2");
        assertThat(Quantities.parse(null)).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(Quantities.parse(" ")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void negativeAmountsClampToZero() {
        assertThat(Quantities.millis(new BigDecimal("-0.5"))).isZero();
        assertThat(Quantities.nonNegativeLong(new BigDecimal("1e30"))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void parseMalformedQuantity() {
        assertThatThrownBy(() -> Quantities.parse("lots")).isInstanceOf(NumberFormatException.class);
    }
}
