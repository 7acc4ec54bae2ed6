package dev.smo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the class a new in-memory orchestrator on the declared clusters, with a dry-run deployer and
 * fakes for metrics, alerting rules and dashboards; see {@link SmoExtension} for the parameters it resolves.
 * <pre>{@code
 * @SmoTest(clusters = {@SmoCluster(name = "edge", cpu = "4", memory = "8Gi"), @SmoCluster(name = "cloud", gpus = 1)})
 * class PlacementTest {
 *     @Test
 *     void placesTheDetectorOnTheGpuCluster(Orchestrator smo) {
 *         assertThat(smo.deploy("demo", graph)).places("image-detection").on("cloud");
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SmoExtension.class)
public @interface SmoTest {

    /** @return the member clusters; none by default, so nothing can be placed */
    SmoCluster[] clusters() default {};

    /** @return whether to start the REST server for each test (needs {@code smo-server} on the test path) */
    boolean http() default false;
}
