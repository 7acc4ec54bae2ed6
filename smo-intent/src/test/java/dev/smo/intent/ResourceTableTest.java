package dev.smo.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceTableTest {

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
        "cpu, light, 0.5", "ram, light, 500Mi", "storage, light, 5G",
        "cpu, small, 1", "ram, small, 1Gi", "storage, small, 10G",
        "cpu, medium, 4", "ram, medium, 2Gi", "storage, medium, 20G",
        "cpu, large, 8", "ram, large, 8Gi", "storage, large, 40G"
    })
    void defaultsAreTheOriginalTable(String resource, String level, String quantity) {
        assertThat(ResourceTable.defaults().quantity(resource, level)).contains(quantity);
    }

    @Test
    void defaultLevelsAreInTableOrder() {
        assertThat(ResourceTable.defaults().levels()).containsExactly("light", "small", "medium", "large");
    }

    @Test
    void withAddsALevelWithoutChangingTheOriginal() {
        ResourceTable table = ResourceTable.defaults().with("cpu", "xlarge", "16");

        assertThat(table.quantity("cpu", "xlarge")).contains("16");
        assertThat(table.levels()).endsWith("xlarge");
        assertThat(ResourceTable.defaults().quantity("cpu", "xlarge")).isEmpty();
    }

    @Test
    void fromMapReadsNestedAndFlatOverrides() {
        ResourceTable table =
                ResourceTable.fromMap(Map.of("cpu", Map.of("xlarge", 16, "light", "250m"), "ram.xlarge", "32Gi"));

        assertThat(table.quantity("cpu", "xlarge")).contains("16");
        assertThat(table.quantity("cpu", "light")).contains("250m");
        assertThat(table.quantity("ram", "xlarge")).contains("32Gi");
        assertThat(table.quantity("ram", "light")).contains("500Mi");
        assertThat(table)
                .isEqualTo(ResourceTable.defaults()
                        .with("cpu", "xlarge", "16")
                        .with("cpu", "light", "250m")
                        .with("ram", "xlarge", "32Gi"));
    }

    @Test
    void refusesUnknownResourcesAndBadQuantities() {
        assertThatThrownBy(() -> ResourceTable.defaults().with("gpu", "small", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Resource (gpu)");
        assertThatThrownBy(() -> ResourceTable.defaults().with("ram", "small", "1GB"))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessageContaining("Quantity (1GB)");
        assertThatThrownBy(() -> ResourceTable.defaults().with("ram", "small", "-1Gi"))
                .isInstanceOf(InvalidQuantityException.class)
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> ResourceTable.fromMap(Map.of("cpu", "16")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Resource table entry (cpu)");
    }
}
