package dev.smo.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.local.StaticClusterInventory;
import dev.smo.model.Descriptors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedOrchestratorTest {

    @Test
    void embeddedLifecycleDeploysEveryServiceAndTellsTheStory() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        Map<String, ?> releases = EmbeddedOrchestrator.run(
                Descriptors.parse(Path.of("brussels-demo/hdag.yaml")),
                StaticClusterInventory.fromFile(Path.of("clusters.yaml")),
                out);

        assertThat(releases)
                .containsOnlyKeys("demo/image-compression-vo", "demo/noise-reduction", "demo/image-detection");
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains("Deployed image-detection-graph: Running")
                .contains("Alert for image-compression-vo: DEPLOYED")
                .contains("REMOVED");
    }
}
