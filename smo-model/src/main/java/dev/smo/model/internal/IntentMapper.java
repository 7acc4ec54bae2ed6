package dev.smo.model.internal;

import dev.smo.model.Compute;
import dev.smo.model.DeviceProximity;
import dev.smo.model.Gpu;
import dev.smo.model.Intent;
import dev.smo.model.Latency;
import dev.smo.model.Network;
import dev.smo.model.ScalingIntent;
import dev.smo.model.internal.Node.ListNode;
import dev.smo.model.internal.Node.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Maps {@code deployment.intent}: compute, connection points, network, co-location, metrics and scaling. */
final class IntentMapper {

    private final Fields fields;

    IntentMapper(Fields fields) {
        this.fields = fields;
    }

    Intent intent(MapNode intent, String path, String subject) {
        MapNode compute = fields.map(intent, "compute", path + "/compute", subject + " compute");
        MapNode network = fields.map(intent, "network", path + "/network", subject + " network");
        ListNode metrics = fields.list(intent, "metrics", path + "/metrics", subject + " metrics");
        MapNode scaling = fields.map(intent, "scaling", path + "/scaling", subject + " scaling");
        return new Intent(
                compute == null ? null : compute(compute, path + "/compute", subject),
                fields.texts(intent, "connectionPoints", path + "/connectionPoints", subject + " connectionPoints"),
                network == null ? null : network(network, path + "/network", subject),
                fields.texts(intent, "coLocation", path + "/coLocation", subject + " coLocation"),
                metrics == null
                        ? null
                        : metrics.items().stream().map(Fields::plain).toList(),
                scaling == null ? Optional.empty() : Optional.of(scaling(scaling, path + "/scaling", subject)),
                Fields.extensions(
                        intent, Set.of("compute", "connectionPoints", "network", "coLocation", "metrics", "scaling")));
    }

    private ScalingIntent scaling(MapNode scaling, String path, String subject) {
        String what = subject + " scaling ";
        Double alpha = fields.number(scaling, "alpha", path + "/alpha", what + "alpha");
        Double beta = fields.number(scaling, "beta", path + "/beta", what + "beta");
        Double target =
                fields.number(scaling, "targetUtilisation", path + "/targetUtilisation", what + "targetUtilisation");
        int max = fields.integer(scaling, "maxReplicas", path + "/maxReplicas", what + "maxReplicas", -1);
        if (Fields.absent(scaling.get("maxReplicas"))) {
            fields.add(
                    path + "/maxReplicas",
                    scaling.mark(),
                    what + "has no maxReplicas.\nMaybe add maxReplicas: 3 (the most replicas SMO may run).");
        }
        if (beta != null && Fields.absent(scaling.get("alpha"))) {
            fields.add(
                    path + "/beta",
                    scaling.get("beta").mark(),
                    what + "has beta (" + ((Node.ScalarNode) scaling.get("beta")).text() + ") without alpha."
                            + "\nMaybe give both, or neither to use the service's learned profile.");
        }
        return new ScalingIntent(
                fields.integer(scaling, "minReplicas", path + "/minReplicas", what + "minReplicas", 1),
                max,
                alpha == null ? OptionalDouble.empty() : OptionalDouble.of(alpha),
                beta == null ? OptionalDouble.empty() : OptionalDouble.of(beta),
                Optional.ofNullable(fields.text(scaling, "requestRate", path + "/requestRate", what + "requestRate")),
                Optional.ofNullable(
                        fields.text(scaling, "replicasQuery", path + "/replicasQuery", what + "replicasQuery")),
                target == null ? 1.0 : target,
                Fields.extensions(
                        scaling,
                        Set.of(
                                "minReplicas",
                                "maxReplicas",
                                "alpha",
                                "beta",
                                "requestRate",
                                "replicasQuery",
                                "targetUtilisation")));
    }

    private Compute compute(MapNode compute, String path, String subject) {
        MapNode gpu = fields.map(compute, "gpu", path + "/gpu", subject + " gpu");
        return new Compute(
                fields.text(compute, "cpu", path + "/cpu", subject + " compute cpu"),
                fields.text(compute, "ram", path + "/ram", subject + " compute ram"),
                fields.text(compute, "storage", path + "/storage", subject + " compute storage"),
                gpu == null ? null : gpu(gpu, path + "/gpu", subject),
                Fields.extensions(compute, Set.of("cpu", "ram", "storage", "gpu")));
    }

    private Gpu gpu(MapNode gpu, String path, String subject) {
        boolean enabled = fields.flag(gpu, "enabled", path + "/enabled", subject + " gpu enabled");
        int count = fields.integer(gpu, "count", path + "/count", subject + " gpu count", 1);
        if (count < 1) {
            fields.add(
                    path + "/count",
                    gpu.get("count").mark(),
                    subject + " gpu count (" + count + ") must be at least 1.\nMaybe write enabled: false for no GPU.");
            count = 1;
        }
        String vendor = fields.text(gpu, "vendor", path + "/vendor", subject + " gpu vendor");
        if (vendor != null) {
            String lower = vendor.strip().toLowerCase(java.util.Locale.ROOT);
            if (lower.equals("any")) {
                vendor = null;
            } else if (Gpu.VENDORS.contains(lower)) {
                vendor = lower;
            } else {
                fields.add(
                        path + "/vendor",
                        gpu.get("vendor").mark(),
                        subject + " gpu vendor (" + vendor + ") is not nvidia, amd, intel or any.\n"
                                + "Maybe write vendor: any to accept every vendor's GPUs.");
                vendor = null;
            }
        }
        return new Gpu(enabled, count, vendor, Fields.extensions(gpu, Set.of("enabled", "count", "vendor")));
    }

    private Network network(MapNode network, String path, String subject) {
        ListNode list = fields.list(network, "latencies", path + "/latencies", subject + " latencies");
        List<Latency> latencies = new ArrayList<>();
        if (list != null) {
            for (int i = 0; i < list.items().size(); i++) {
                String itemPath = path + "/latencies/" + i;
                Node item = list.items().get(i);
                if (item instanceof MapNode latency) {
                    latencies.add(new Latency(
                            fields.text(
                                    latency,
                                    "connectionPoint",
                                    itemPath + "/connectionPoint",
                                    subject + " latency #" + i + " connectionPoint"),
                            fields.text(latency, "qos", itemPath + "/qos", subject + " latency #" + i + " qos"),
                            Fields.extensions(latency, Set.of("connectionPoint", "qos"))));
                } else {
                    fields.typeError(item, itemPath, subject + " latency #" + i, "mapping");
                }
            }
        }
        MapNode proximity =
                fields.map(network, "deviceProximity", path + "/deviceProximity", subject + " deviceProximity");
        return new Network(
                latencies,
                proximity == null
                        ? null
                        : new DeviceProximity(
                                fields.flag(
                                        proximity,
                                        "enabled",
                                        path + "/deviceProximity/enabled",
                                        subject + " deviceProximity enabled"),
                                Fields.extensions(proximity, Set.of("enabled"))),
                Fields.extensions(network, Set.of("latencies", "deviceProximity")));
    }
}
