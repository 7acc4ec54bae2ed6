package dev.smo.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.spi.Dashboard;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "short name kept, image-detection-graph, image-detection-graph",
        "exactly forty kept, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "forty-one shortened, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-c0f8bd4d",
        "long name shortened, image-compression-virtual-object-graph-image-compression-vo,"
                + " image-compression-virtual-objec-9ec4ed98"
    })
    void uidsFitGrafanasLimit(String name, String id, String expected) {
        // Expected values: the first 31 characters, '-', and the first 8 hex digits of SHA-256(id), computed apart.
        assertThat(Dashboards.uid(id)).isEqualTo(expected).hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void longNamesSharingAPrefixGetDistinctUids() {
        String prefix = "x".repeat(45);
        Set<String> uids = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String uid = Dashboards.uid(prefix + i);
            assertThat(uid).hasSize(40).startsWith("x".repeat(31) + "-");
            uids.add(uid);
        }
        assertThat(uids).hasSize(2000);
    }

    @Test
    void aServiceDashboardQueriesThatServiceInItsNamespace() {
        Dashboard d = Dashboards.service("shop", "web", "prod");

        assertThat(d.uid()).isEqualTo("shop-web");
        assertThat(d.title()).isEqualTo("shop / web");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> panels = (List<Map<String, Object>>) d.model().get("panels");
        assertThat(panels).hasSize(4).allSatisfy(p -> assertThat(p).doesNotContainKey("repeat"));
        assertThat(panels.get(0).get("targets").toString()).contains("namespace=\"prod\"", "deployment=~\"web.*\"");
    }
}
