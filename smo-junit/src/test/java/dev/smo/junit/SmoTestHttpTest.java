package dev.smo.junit;

import static dev.smo.junit.SmoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.Orchestrator;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@SmoTest(clusters = @SmoCluster(name = "cloud", gpus = 1), http = true)
class SmoTestHttpTest {

    @Test
    void graphDeployedInProcessIsServedOverHttp(Orchestrator smo, SmoHttpServer http) {
        smo.deploy("demo", Graphs.gpuGraph());

        HttpResponse<String> response = http.get("/project/demo/graphs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("gpu-graph");
    }

    @Nested
    class InANestedClass {
        @Test
        void nestedClassesGetTheOuterDeclaration(Orchestrator smo) {
            assertThat(smo.clusters()).extracting(c -> c.name()).containsExactly("cloud");
            assertThat(smo.plan("demo", Graphs.gpuGraph())).places("detector").on("cloud");
        }
    }
}
