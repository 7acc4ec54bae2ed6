package dev.smo.core.internal;

import dev.smo.core.spi.Dashboard;
import dev.smo.model.HdaGraph;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana dashboard models with the original SMO's four panels (pods, CPU utilisation, RAM usage, CPU throttling):
 * one per graph, whose panels repeat over a {@code service} variable, and one per service. Uids fit Grafana's
 * 40-character limit and differ between graphs that share service names.
 */
final class Dashboards {

    private static final int MAX_UID = 40;

    private Dashboards() {}

    /**
     * @param graph the descriptor
     * @param namespace the graph's namespace, used to narrow the queries
     * @return the graph's dashboard
     */
    static Dashboard graph(HdaGraph graph, String namespace) {
        Map<String, Object> model = skeleton(uid(graph.id()), graph.id());
        model.put("panels", panels("$service", namespace, true));
        Map<String, Object> variable = new LinkedHashMap<>();
        String first = graph.serviceIds().isEmpty() ? "" : graph.serviceIds().get(0);
        variable.put("name", "service");
        variable.put("type", "custom");
        variable.put("query", String.join(",", graph.serviceIds()));
        variable.put("includeAll", true);
        variable.put("multi", true);
        variable.put("current", Map.of("text", first, "value", first));
        model.put("templating", Map.of("list", List.of(variable)));
        model.put("tags", List.of("smo", "hdag", namespace));
        return new Dashboard((String) model.get("uid"), graph.id(), model);
    }

    /**
     * @param graph the graph id
     * @param service the service id
     * @param namespace the graph's namespace
     * @return the service's dashboard
     */
    static Dashboard service(String graph, String service, String namespace) {
        String title = graph + " / " + service;
        Map<String, Object> model = skeleton(uid(graph + "-" + service), title);
        model.put("panels", panels(service, namespace, false));
        model.put("tags", List.of("smo", "service", namespace, graph));
        return new Dashboard((String) model.get("uid"), title, model);
    }

    /** @return the name itself when it fits Grafana's uid limit, else a prefix and a digest of the whole name */
    static String uid(String name) {
        if (name.length() <= MAX_UID) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, MAX_UID - 9) + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform.", e);
        }
    }

    private static List<Object> panels(String svc, String namespace, boolean repeat) {
        String pods = "namespace=\"" + namespace + "\",pod=~\"" + svc + ".*\"";
        List<Object> panels = new ArrayList<>();
        panels.add(panel(
                1,
                svc + " pods",
                "short",
                "sum(kube_deployment_status_replicas_ready{namespace=\"" + namespace + "\",deployment=~\"" + svc
                        + ".*\"}) OR on() vector(0)",
                0,
                repeat));
        panels.add(panel(
                2,
                svc + " CPU utilization",
                "percent",
                "round(100 * sum(rate(container_cpu_usage_seconds_total{"
                        + pods + ",container!=\"\"}[1m])) by (pod) / sum(kube_pod_container_resource_limits{" + pods
                        + ",resource=\"cpu\"}) by (pod))",
                8,
                repeat));
        panels.add(panel(
                3,
                svc + " RAM usage",
                "decbytes",
                "sum(container_memory_usage_bytes{" + pods + ",container!=\"\"})",
                16,
                repeat));
        panels.add(panel(
                4,
                svc + " throttling",
                "percentunit",
                "sum(increase(container_cpu_cfs_throttled_periods_total{" + pods + ",container!=\"\"}[1m])) / "
                        + "sum(increase(container_cpu_cfs_periods_total{" + pods + ",container!=\"\"}[1m]))",
                24,
                repeat));
        return panels;
    }

    private static Map<String, Object> skeleton(String uid, String title) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("uid", uid);
        model.put("title", title);
        model.put("editable", true);
        model.put("timezone", "browser");
        model.put("schemaVersion", 40);
        model.put("refresh", "5s");
        model.put("time", Map.of("from", "now-30m", "to", "now"));
        return model;
    }

    private static Map<String, Object> panel(int id, String title, String unit, String expr, int y, boolean repeat) {
        Map<String, Object> panel = new LinkedHashMap<>();
        panel.put("id", id);
        panel.put("type", "timeseries");
        panel.put("title", title);
        if (repeat) {
            panel.put("repeat", "service");
        }
        panel.put("datasource", Map.of("type", "prometheus", "uid", "prometheus"));
        panel.put("gridPos", Map.of("h", 8, "w", 12, "x", 0, "y", y));
        panel.put("fieldConfig", Map.of("defaults", Map.of("unit", unit), "overrides", List.of()));
        panel.put(
                "targets",
                List.of(Map.of(
                        "refId", "A", "expr", expr, "datasource", Map.of("type", "prometheus", "uid", "prometheus"))));
        return panel;
    }
}
