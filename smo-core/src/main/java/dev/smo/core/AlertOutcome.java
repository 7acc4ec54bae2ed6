package dev.smo.core;

import java.util.List;
import java.util.Objects;

/**
 * What SMO did with one alert.
 *
 * @param alert the alert name, or {@code null}
 * @param graph the graph concerned, or {@code null} when none matched
 * @param service the service concerned, or {@code null}
 * @param action {@code DEPLOYED}, {@code FAILED}, or {@code IGNORED}
 * @param reason why, for a person
 */
public record AlertOutcome(String alert, String graph, String service, String action, String reason) {

    public AlertOutcome {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param outcomes outcomes
     * @return how many deployed a service
     */
    public static long deployed(List<AlertOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.action().equals("DEPLOYED")).count();
    }
}
