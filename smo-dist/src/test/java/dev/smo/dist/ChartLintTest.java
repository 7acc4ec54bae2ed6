package dev.smo.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

/** {@code helm lint --strict} of charts/smo: warnings fail too. */
class ChartLintTest {

    @Test
    void chartLintsCleanlyInStrictMode() {
        LintResult result = new Helm(Chart.DIR).lint().strict().call();

        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
        assertThat(result.getMessages()).allSatisfy(m -> assertThat(m).startsWith("[INFO]"));
    }
}
