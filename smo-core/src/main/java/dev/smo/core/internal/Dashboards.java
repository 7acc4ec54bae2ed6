package dev.smo.core.internal;

import dev.smo.core.spi.Dashboard;
import dev.smo.model.HdaGraph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grafana dashboard models for a graph: one dashboard per graph whose panels repeat over a {@code service}
 * variable, with the original SMO's four panels (pods, CPU utilisation, RAM usage, CPU throttling).
 */
final class Dashboards {

    private Dashboards() {
    }

    /**
     * @param graph the descriptor
     * @param namespace the graph's namespace, used to narrow the queries
     * @return the graph's dashboard (uid = graph id)
     */
    static Dashboard graph(HdaGraph graph, String namespace) {
        Map<String, Object> model = skeleton(graph.id());
        List<Object> panels = new ArrayList<>();
        String svc = "$service";
        panels.add(panel(1, svc + " pods", "short",
                "sum(kube_deployment_status_replicas_ready{namespace=\"" + namespace + "\",deployment=~\"" + svc
                        + ".*\"}) OR on() vector(0)", 0));
        panels.add(panel(2, svc + " CPU utilization", "percent",
                "round(100 * sum(rate(container_cpu_usage_seconds_total{namespace=\"" + namespace + "\",pod=~\""
                        + svc + ".*\",container!=\"\"}[1m])) by (pod) / sum(kube_pod_container_resource_limits{"
                        + "namespace=\"" + namespace + "\",pod=~\"" + svc + ".*\",resource=\"cpu\"}) by (pod))", 8));
        panels.add(panel(3, svc + " RAM usage", "decbytes",
                "sum(container_memory_usage_bytes{namespace=\"" + namespace + "\",pod=~\"" + svc
                        + ".*\",container!=\"\"})", 16));
        panels.add(panel(4, svc + " throttling", "percentunit",
                "sum(increase(container_cpu_cfs_throttled_periods_total{namespace=\"" + namespace + "\",pod=~\""
                        + svc + ".*\",container!=\"\"}[1m])) / sum(increase(container_cpu_cfs_periods_total{"
                        + "namespace=\"" + namespace + "\",pod=~\"" + svc + ".*\",container!=\"\"}[1m]))", 24));
        model.put("panels", panels);
        Map<String, Object> variable = new LinkedHashMap<>();
        String ids = String.join(",", graph.serviceIds());
        variable.put("name", "service");
        variable.put("type", "custom");
        variable.put("query", ids);
        variable.put("includeAll", true);
        variable.put("multi", true);
        variable.put("current", Map.of("text", graph.serviceIds().isEmpty() ? "" : graph.serviceIds().get(0),
                "value", graph.serviceIds().isEmpty() ? "" : graph.serviceIds().get(0)));
        model.put("templating", Map.of("list", List.of(variable)));
        model.put("tags", List.of("smo", "hdag", namespace));
        return new Dashboard(graph.id(), graph.id(), model);
    }

    private static Map<String, Object> skeleton(String name) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("uid", name);
        model.put("title", name);
        model.put("editable", true);
        model.put("timezone", "browser");
        model.put("schemaVersion", 40);
        model.put("refresh", "5s");
        model.put("time", Map.of("from", "now-30m", "to", "now"));
        return model;
    }

    private static Map<String, Object> panel(int id, String title, String unit, String expr, int y) {
        Map<String, Object> panel = new LinkedHashMap<>();
        panel.put("id", id);
        panel.put("type", "timeseries");
        panel.put("title", title);
        panel.put("repeat", "service");
        panel.put("datasource", Map.of("type", "prometheus", "uid", "prometheus"));
        panel.put("gridPos", Map.of("h", 8, "w", 12, "x", 0, "y", y));
        panel.put("fieldConfig", Map.of("defaults", Map.of("unit", unit), "overrides", List.of()));
        panel.put("targets", List.of(Map.of("refId", "A", "expr", expr,
                "datasource", Map.of("type", "prometheus", "uid", "prometheus"))));
        return panel;
    }
}
