package dev.smo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smo.intent.ResourceTable;
import dev.smo.server.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompositionTest {

    @TempDir
    Path dir;

    @Test
    void aResourceTableFileAddsLevelsOverTheDefaults() throws Exception {
        Path file = Files.writeString(dir.resolve("levels.yaml"), "cpu: {xlarge: \"16\"}\nram: {xlarge: 32Gi}\n");

        ResourceTable table = Composition.resourceTable(file);

        assertThat(table.quantity("cpu", "xlarge")).contains("16");
        assertThat(table.quantity("ram", "xlarge")).contains("32Gi");
        assertThat(table.quantity("cpu", "light")).contains("0.5");
    }

    @Test
    void anUnusableResourceTableIsAConfigurationProblem() throws Exception {
        Path list = Files.writeString(dir.resolve("list.yaml"), "- cpu\n");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "cpu: {xlarge: lots}\n");

        assertThatThrownBy(() -> Composition.resourceTable(list))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a mapping");
        assertThatThrownBy(() -> Composition.resourceTable(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SMO_RESOURCE_TABLE");
    }
}
