package dev.smo.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smo.core.spi.Dashboard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DashboardsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "short name kept, image-detection-graph",
        "exactly forty kept, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "long name shortened, image-compression-virtual-object-graph-image-compression-vo"
    })
    void uidsFitGrafanasLimitAndStayDistinct(String name, String id) {
        String uid = Dashboards.uid(id);

        assertThat(uid.length()).isLessThanOrEqualTo(40);
        assertThat(uid).isEqualTo(id.length() <= 40 ? id : uid);
        assertThat(Dashboards.uid(id)).isEqualTo(uid);
        if (id.length() > 40) {
            assertThat(uid).startsWith(id.substring(0, 31)).isNotEqualTo(Dashboards.uid(id + "x"));
        }
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
