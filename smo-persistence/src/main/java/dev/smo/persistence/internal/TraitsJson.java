package dev.smo.persistence.internal;

import dev.smo.core.SchedulingTraits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link SchedulingTraits} as the {@code clusters.traits} jsonb object, field by field; unknown limits
 * ({@link Long#MAX_VALUE}) and empty lists are left out, so {@link SchedulingTraits#NONE} is {@code {}}.
 */
final class TraitsJson {

    private TraitsJson() {}

    static Map<String, Object> write(SchedulingTraits t) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (t.maxPodCpuMillis() != Long.MAX_VALUE) {
            m.put("maxPodCpuMillis", t.maxPodCpuMillis());
        }
        if (t.maxPodMemoryBytes() != Long.MAX_VALUE) {
            m.put("maxPodMemoryBytes", t.maxPodMemoryBytes());
        }
        if (!t.taints().isEmpty()) {
            List<Map<String, Object>> taints = new ArrayList<>();
            for (SchedulingTraits.Taint taint : t.taints()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("key", taint.key());
                if (taint.value() != null) {
                    tm.put("value", taint.value());
                }
                tm.put("effect", taint.effect());
                taints.add(tm);
            }
            m.put("taints", taints);
        }
        if (t.gpuResource() != null) {
            m.put("gpuResource", t.gpuResource());
        }
        if (!t.apis().isEmpty()) {
            m.put("apis", List.copyOf(new TreeSet<>(t.apis())));
        }
        if (!t.gpuCounts().isEmpty()) {
            m.put("gpuCounts", t.gpuCounts());
        }
        if (t.freePods() != Long.MAX_VALUE) {
            m.put("freePods", t.freePods());
        }
        return m;
    }

    static SchedulingTraits read(Map<String, Object> m) {
        if (m.isEmpty()) {
            return SchedulingTraits.NONE;
        }
        List<SchedulingTraits.Taint> taints = new ArrayList<>();
        if (m.get("taints") instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> tm = (Map<?, ?>) o;
                taints.add(new SchedulingTraits.Taint(
                        (String) tm.get("key"), (String) tm.get("value"), (String) tm.get("effect")));
            }
        }
        Set<String> apis = new TreeSet<>();
        if (m.get("apis") instanceof List<?> list) {
            list.forEach(a -> apis.add((String) a));
        }
        Map<String, Integer> gpuCounts = new LinkedHashMap<>();
        if (m.get("gpuCounts") instanceof Map<?, ?> counts) {
            counts.forEach((k, v) -> gpuCounts.put((String) k, ((Number) v).intValue()));
        }
        return new SchedulingTraits(
                limit(m.get("maxPodCpuMillis")),
                limit(m.get("maxPodMemoryBytes")),
                taints,
                (String) m.get("gpuResource"),
                apis,
                gpuCounts,
                limit(m.get("freePods")));
    }

    private static long limit(Object value) {
        return value instanceof Number n ? n.longValue() : Long.MAX_VALUE;
    }
}
