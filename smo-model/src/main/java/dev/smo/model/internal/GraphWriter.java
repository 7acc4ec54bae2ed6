package dev.smo.model.internal;

import dev.smo.model.AlertCondition;
import dev.smo.model.Artifact;
import dev.smo.model.Compute;
import dev.smo.model.Deployment;
import dev.smo.model.EventSpec;
import dev.smo.model.Gpu;
import dev.smo.model.HdaGraph;
import dev.smo.model.Intent;
import dev.smo.model.Latency;
import dev.smo.model.Network;
import dev.smo.model.ScalingIntent;
import dev.smo.model.Service;
import dev.smo.model.Trigger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes records back to plain ordered maps: known fields first, then extensions; nulls and empty collections are
 * left out; triggers are written in the {@code type:} shape.
 */
public final class GraphWriter {

    private GraphWriter() {}

    /** @return the descriptor document, {@code {hdaGraph: {...}}} */
    public static Map<String, Object> toMap(HdaGraph graph) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "id", graph.id());
        put(map, "version", graph.version());
        put(map, "designer", graph.designer());
        put(map, "description", graph.description());
        put(map, "imVersion", graph.imVersion());
        put(map, "hdaGraphIntent", graph.hdaGraphIntent());
        map.putAll(graph.extensions());
        put(map, "services", graph.services().stream().map(GraphWriter::service).toList());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("hdaGraph", map);
        return document;
    }

    private static Map<String, Object> service(Service service) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "id", service.id());
        if (service.artifact() != null) {
            map.put("artifact", artifact(service.artifact()));
        }
        map.put("deployment", deployment(service.deployment()));
        map.putAll(service.extensions());
        return map;
    }

    private static Map<String, Object> artifact(Artifact artifact) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "ociImage", artifact.ociImage());
        if (artifact.ociConfig() != null) {
            Map<String, Object> config = new LinkedHashMap<>();
            put(config, "type", artifact.ociConfig().type());
            put(config, "implementer", artifact.ociConfig().implementer());
            config.putAll(artifact.ociConfig().extensions());
            map.put("ociConfig", config);
        }
        if (artifact.ociRun() != null) {
            Map<String, Object> run = new LinkedHashMap<>();
            put(run, "name", artifact.ociRun().name());
            put(run, "version", artifact.ociRun().version());
            run.putAll(artifact.ociRun().extensions());
            map.put("ociRun", run);
        }
        put(map, "valuesOverwrite", artifact.valuesOverwrite());
        map.putAll(artifact.extensions());
        return map;
    }

    private static Map<String, Object> deployment(Deployment deployment) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("trigger", trigger(deployment.trigger()));
        map.put("intent", intent(deployment.intent()));
        map.putAll(deployment.extensions());
        return map;
    }

    private static Map<String, Object> trigger(Trigger trigger) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", trigger.type());
        Map<String, Object> body = new LinkedHashMap<>();
        if (trigger instanceof Trigger.Standard) {
            map.putAll(trigger.extensions());
            return map;
        } else if (trigger instanceof Trigger.Auto auto) {
            body.put("dependencies", auto.dependencies());
        } else if (trigger instanceof Trigger.Event event) {
            body.put("condition", event.condition().name());
            body.put("events", event.events().stream().map(GraphWriter::event).toList());
        }
        body.putAll(trigger.extensions());
        map.put(trigger.type(), body);
        return map;
    }

    private static Map<String, Object> event(EventSpec event) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "id", event.id());
        if (event.source() != null) {
            map.put("source", event.source());
        }
        AlertCondition condition = event.condition();
        if (condition != null) {
            Map<String, Object> alert = new LinkedHashMap<>();
            put(alert, "promQuery", condition.promQuery());
            put(alert, "gracePeriod", condition.gracePeriodText());
            put(alert, "description", condition.description());
            alert.putAll(condition.extensions());
            map.put("condition", alert);
        }
        map.putAll(event.extensions());
        return map;
    }

    private static Map<String, Object> intent(Intent intent) {
        Map<String, Object> map = new LinkedHashMap<>();
        Compute compute = intent.compute();
        Map<String, Object> resources = new LinkedHashMap<>();
        put(resources, "cpu", compute.cpu());
        put(resources, "ram", compute.ram());
        put(resources, "storage", compute.storage());
        resources.put("gpu", gpu(compute.gpu()));
        resources.putAll(compute.extensions());
        map.put("compute", resources);
        put(map, "connectionPoints", intent.connectionPoints());
        Network network = intent.network();
        Map<String, Object> net = new LinkedHashMap<>();
        put(
                net,
                "latencies",
                network.latencies().stream().map(GraphWriter::latency).toList());
        if (network.deviceProximity().enabled()
                || !network.deviceProximity().extensions().isEmpty()) {
            Map<String, Object> proximity = new LinkedHashMap<>();
            proximity.put("enabled", network.deviceProximity().enabled());
            proximity.putAll(network.deviceProximity().extensions());
            net.put("deviceProximity", proximity);
        }
        net.putAll(network.extensions());
        put(map, "network", net);
        put(map, "coLocation", intent.coLocation());
        put(map, "metrics", intent.metrics());
        intent.scaling().ifPresent(scaling -> map.put("scaling", scaling(scaling)));
        map.putAll(intent.extensions());
        return map;
    }

    private static Map<String, Object> scaling(ScalingIntent scaling) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("minReplicas", scaling.minReplicas());
        map.put("maxReplicas", scaling.maxReplicas());
        scaling.alpha().ifPresent(alpha -> map.put("alpha", number(alpha)));
        scaling.beta().ifPresent(beta -> map.put("beta", number(beta)));
        scaling.requestRate().ifPresent(query -> map.put("requestRate", query));
        scaling.replicasQuery().ifPresent(query -> map.put("replicasQuery", query));
        if (scaling.targetUtilisation() != 1.0) {
            map.put("targetUtilisation", scaling.targetUtilisation());
        }
        map.putAll(scaling.extensions());
        return map;
    }

    /** Whole numbers are written without a fraction, as they were most likely given. */
    private static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : (Object) value;
    }

    private static Map<String, Object> gpu(Gpu gpu) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("enabled", gpu.enabled());
        if (gpu.count() != 1) {
            map.put("count", gpu.count());
        }
        if (gpu.vendor() != null) {
            map.put("vendor", gpu.vendor());
        }
        map.putAll(gpu.extensions());
        return map;
    }

    private static Map<String, Object> latency(Latency latency) {
        Map<String, Object> map = new LinkedHashMap<>();
        put(map, "connectionPoint", latency.connectionPoint());
        put(map, "qos", latency.qos());
        map.putAll(latency.extensions());
        return map;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        boolean empty =
                (value instanceof Collection<?> c && c.isEmpty()) || (value instanceof Map<?, ?> m && m.isEmpty());
        if (value != null && !empty) {
            map.put(key, value);
        }
    }
}
