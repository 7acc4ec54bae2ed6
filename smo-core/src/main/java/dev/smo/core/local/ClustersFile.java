package dev.smo.core.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.smo.core.ClusterInfo;
import dev.smo.core.SchedulingTraits;
import dev.smo.model.InvalidDescriptorException;
import dev.smo.model.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a clusters file: the member clusters and their free capacity, for planning without Karmada.
 * <pre>
 * clusters:
 *   - name: brussels-edge      # required, unique
 *     cpu: "8"                 # free CPU, a Kubernetes quantity ("8", "7500m")
 *     memory: 16Gi             # free memory, a Kubernetes quantity
 *     gpus: 1                  # free GPUs, default 0; or per resource: {amd.com/gpu: 2, nvidia.com/gpu: 1}
 *     ready: true              # default true
 *     labels: {zone: edge}     # optional
 *     podCidr: 10.42.0.0/16    # optional
 *     serviceCidr: 10.43.0.0/16
 *     maxPodCpu: "4"           # optional scheduling traits: the largest pod one node takes,
 *     maxPodMemory: 16Gi
 *     pods: 200                # how many more pods it takes
 *     taints: [{key: dedicated, value: gpu, effect: NoSchedule}]
 *     apis: [multicluster.x-k8s.io/v1alpha1/ServiceExport]   # served APIs; none listed: all
 * </pre>
 * A top-level list without the {@code clusters} key is accepted too.
 */
public final class ClustersFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ClustersFile() {}

    /**
     * @param file the file
     * @return the clusters, in file order
     * @throws InvalidDescriptorException listing every problem, with JSON-pointer paths
     */
    public static List<ClusterInfo> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new InvalidDescriptorException(
                    List.of(Violation.of("", "Clusters file (" + file + ") cannot be read: " + e.getMessage())));
        }
    }

    /**
     * @param text the file's YAML or JSON text
     * @return the clusters, in file order
     * @throws InvalidDescriptorException listing every problem, with JSON-pointer paths
     */
    public static List<ClusterInfo> parse(String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidDescriptorException(
                    List.of(Violation.of("", "Clusters file is not YAML: " + e.getOriginalMessage())));
        }
        String base = "/clusters";
        JsonNode list = root;
        if (root != null && root.isObject()) {
            list = root.get("clusters");
        } else {
            base = "";
        }
        List<Violation> problems = new ArrayList<>();
        List<ClusterInfo> clusters = new ArrayList<>();
        if (list == null || !list.isArray()) {
            throw new InvalidDescriptorException(
                    List.of(Violation.of(base, "Clusters file needs a list of " + "clusters under 'clusters'.")));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = base + "/" + i;
            JsonNode c = list.get(i);
            String name = c.path("name").asText("");
            if (name.isBlank()) {
                problems.add(Violation.of(path + "/name", "Cluster has no name."));
            } else if (!names.add(name)) {
                problems.add(Violation.of(path + "/name", "Cluster (" + name + ") appears twice."));
            }
            long cpu = quantity(c, "cpu", path, problems, BigDecimal.valueOf(1000));
            long memory = quantity(c, "memory", path, problems, BigDecimal.ONE);
            Map<String, Integer> gpuCounts = TraitsFields.gpuCounts(c, path, problems);
            int gpus = c.path("gpus").isObject()
                    ? gpuCounts.values().stream()
                            .mapToInt(Integer::intValue)
                            .max()
                            .orElse(0)
                    : c.path("gpus").asInt(0);
            if (c.has("gpus") && !c.get("gpus").isObject() && (!c.get("gpus").canConvertToInt() || gpus < 0)) {
                problems.add(Violation.of(
                        path + "/gpus",
                        "Cluster (" + name + ") gpus (" + c.get("gpus").asText() + ") is not a count."));
                gpus = 0;
            }
            boolean ready = !c.has("ready") || c.get("ready").asBoolean(true);
            Map<String, String> labels = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : c.path("labels").properties()) {
                labels.put(e.getKey(), e.getValue().asText());
            }
            String pod = c.hasNonNull("podCidr") ? c.get("podCidr").asText() : null;
            String svc = c.hasNonNull("serviceCidr") ? c.get("serviceCidr").asText() : null;
            SchedulingTraits traits = TraitsFields.read(c, path, gpuCounts, problems);
            if (problems.isEmpty()) {
                clusters.add(new ClusterInfo(name, ready, cpu, memory, gpus, labels, pod, svc, traits));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDescriptorException(problems);
        }
        return clusters;
    }

    private static long quantity(JsonNode c, String field, String path, List<Violation> problems, BigDecimal scale) {
        JsonNode v = c.get(field);
        if (v == null || v.isNull()) {
            problems.add(Violation.of(
                    path + "/" + field,
                    "Cluster (" + c.path("name").asText("?") + ") has no " + field + ".\nMaybe write " + field + ": \""
                            + (field.equals("cpu") ? "8" : "16Gi") + "\"."));
            return 0;
        }
        return TraitsFields.amount(c, field, path, scale, problems, 0);
    }
}
