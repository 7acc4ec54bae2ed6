package dev.smo.junit;

import static dev.smo.junit.SmoAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmoExtensionTest {

    @RegisterExtension
    static final SmoExtension SMO =
            SmoExtension.create().withCluster("edge", "4", "8Gi", 0).withHttpServer();

    @Test
    void clustersDeclaredInCodeTakeNoGpuService() {
        Plan plan = SMO.orchestrator().plan("demo", Graphs.gpuGraph());

        assertThat(plan).isInfeasible();
    }

    @Test
    void httpServerAnswersOnAFreePort(SmoHttpServer http) {
        var response = http.get("/project/demo/graphs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(http.uri().getPort()).isPositive();
        assertThat(SMO.http()).isSameAs(http);
    }
}
