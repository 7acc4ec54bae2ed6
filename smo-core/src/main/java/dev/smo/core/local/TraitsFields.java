package dev.smo.core.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smo.core.SchedulingTraits;
import dev.smo.intent.Quantity;
import dev.smo.model.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The scheduling traits of one entry of a clusters file ({@link ClustersFile}), checked field by field. */
final class TraitsFields {

    private static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    private TraitsFields() {}

    /**
     * @param c the cluster's entry
     * @param path its JSON pointer
     * @param gpuCounts free GPUs per resource when {@code gpus} is a map, else empty
     * @param problems where violations go
     * @return the traits, {@link SchedulingTraits#NONE} when the entry names none
     */
    static SchedulingTraits read(JsonNode c, String path, Map<String, Integer> gpuCounts, List<Violation> problems) {
        String name = c.path("name").asText("?");
        long cpu = limit(c, "maxPodCpu", path, BigDecimal.valueOf(1000), problems);
        long memory = limit(c, "maxPodMemory", path, BigDecimal.ONE, problems);
        long pods = limit(c, "pods", path, BigDecimal.ONE, problems);
        List<SchedulingTraits.Taint> taints = new ArrayList<>();
        JsonNode list = c.path("taints");
        if (!list.isMissingNode() && !list.isArray()) {
            problems.add(Violation.of(path + "/taints", "Cluster (" + name + ") taints is not a list."));
        }
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            JsonNode t = list.get(i);
            String key = t.path("key").asText("");
            String effect = t.path("effect").asText("");
            if (key.isBlank()) {
                problems.add(Violation.of(path + "/taints/" + i + "/key", "Cluster (" + name + ") taint has no key."));
            } else if (!EFFECTS.contains(effect)) {
                problems.add(Violation.of(
                        path + "/taints/" + i + "/effect",
                        "Cluster (" + name + ") taint (" + key + ") effect (" + effect + ") is not one of " + EFFECTS
                                + "."));
            } else {
                taints.add(new SchedulingTraits.Taint(
                        key, t.hasNonNull("value") ? t.get("value").asText() : null, effect));
            }
        }
        Set<String> apis = new LinkedHashSet<>();
        c.path("apis").forEach(a -> apis.add(a.asText()));
        String gpuResource = null;
        for (Map.Entry<String, Integer> e : gpuCounts.entrySet()) {
            if (gpuResource == null || e.getValue() > gpuCounts.get(gpuResource)) {
                gpuResource = e.getKey();
            }
        }
        if (cpu == Long.MAX_VALUE
                && memory == Long.MAX_VALUE
                && taints.isEmpty()
                && apis.isEmpty()
                && gpuCounts.isEmpty()
                && pods == Long.MAX_VALUE) {
            return SchedulingTraits.NONE;
        }
        return new SchedulingTraits(cpu, memory, taints, gpuResource, apis, gpuCounts, pods);
    }

    /**
     * @return the free GPUs per resource of a {@code gpus} map ({@code {amd.com/gpu: 2}}), empty when
     *     {@code gpus} is a plain count
     */
    static Map<String, Integer> gpuCounts(JsonNode c, String path, List<Violation> problems) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        JsonNode gpus = c.path("gpus");
        if (!gpus.isObject()) {
            return counts;
        }
        for (Map.Entry<String, JsonNode> e : gpus.properties()) {
            if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
                problems.add(Violation.of(
                        path + "/gpus/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                        "Cluster (" + c.path("name").asText("?") + ") gpus of " + e.getKey() + " ("
                                + e.getValue().asText() + ") is not a count."));
            } else {
                counts.put(e.getKey(), e.getValue().asInt());
            }
        }
        return counts;
    }

    private static long limit(JsonNode c, String field, String path, BigDecimal scale, List<Violation> problems) {
        JsonNode v = c.get(field);
        return v == null || v.isNull() ? Long.MAX_VALUE : amount(c, field, path, scale, problems, Long.MAX_VALUE);
    }

    /**
     * @return the field's Kubernetes quantity × scale, rounded down, or {@code otherwise} after adding a problem
     *     when it is not a non-negative quantity
     */
    static long amount(
            JsonNode c, String field, String path, BigDecimal scale, List<Violation> problems, long otherwise) {
        JsonNode v = c.get(field);
        try {
            BigDecimal amount = Quantity.parse(v.asText()).multiply(scale);
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("negative");
            }
            return amount.setScale(0, RoundingMode.FLOOR).longValueExact();
        } catch (RuntimeException e) {
            problems.add(Violation.of(
                    path + "/" + field,
                    "Cluster (" + c.path("name").asText("?") + ") " + field + " (" + v.asText()
                            + ") is not a Kubernetes quantity."));
            return otherwise;
        }
    }
}
