package dev.smo.karmada;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.PatchUtils;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Plays Karmada's part against the mock API server: creates member {@code Cluster} objects with statuses and
 * Submariner broker entries, and works out where each PropagationPolicy sends the workloads it selects, so tests
 * can check that a service landed on the cluster its placement named.
 */
public final class FakeKarmada {

    static final String BROKER_NAMESPACE = "submariner-k8s-broker";

    private final ApiClient client;
    private final CustomObjectsApi objects;

    public FakeKarmada(ApiClient client) {
        this.client = client;
        this.objects = new CustomObjectsApi(client);
    }

    /** A member cluster's {@code status.resourceSummary} and readiness. */
    public record Member(
            String name,
            boolean ready,
            Map<String, Object> allocatable,
            Map<String, Object> allocated,
            Map<String, String> labels) {

        public static Member ready(String name, String cpu, String memory) {
            return new Member(
                    name,
                    true,
                    Map.of("cpu", cpu, "memory", memory, "pods", "110"),
                    Map.of("cpu", "0", "memory", "0"),
                    Map.of());
        }
    }

    /**
     * Karmada's default resource models (what its cluster webhook fills in when CustomizedClusterResourceModeling
     * is on and a Cluster names none): nine ascending grades of CPU and memory, each range {@code [min, max)}.
     */
    static final List<Map<String, Object>> DEFAULT_MODELS = defaultModels();

    private static List<Map<String, Object>> defaultModels() {
        String[] cpu = {"0", "1", "2", "4", "8", "16", "32", "64", "128", "9223372036854775807"};
        String[] memory = {
            "0", "4Gi", "16Gi", "32Gi", "64Gi", "128Gi", "256Gi", "512Gi", "1024Gi", "9223372036854775807"
        };
        List<Map<String, Object>> models = new ArrayList<>();
        for (int grade = 0; grade < 9; grade++) {
            models.add(Map.of(
                    "grade",
                    grade,
                    "ranges",
                    List.of(
                            Map.of("name", "cpu", "min", cpu[grade], "max", cpu[grade + 1]),
                            Map.of("name", "memory", "min", memory[grade], "max", memory[grade + 1]))));
        }
        return models;
    }

    /**
     * What Karmada's cluster controllers add to a member beyond its summary: {@code spec.taints} (its cluster
     * controller sets {@code cluster.karmada.io/not-ready} / {@code unreachable} itself) and, when
     * {@code nodesPerGrade} is given, {@link #DEFAULT_MODELS} with {@code status.resourceSummary
     * .allocatableModelings}: how many nodes' free resources fall in each grade, index-aligned with the models.
     *
     * @param taints taints ({@code key}, {@code effect}, maybe {@code value})
     * @param nodesPerGrade node count per grade, or {@code null} for no models
     * @param apis the APIs the member serves ({@code status.apiEnablements}), as {@code groupVersion/Kind}, or
     *     {@code null} for every API the mock serves (a real member always reports its enablements)
     */
    public record Scheduling(List<Map<String, String>> taints, List<Integer> nodesPerGrade, List<String> apis) {

        public static final Scheduling NONE = new Scheduling(List.of(), null);

        public Scheduling(List<Map<String, String>> taints, List<Integer> nodesPerGrade) {
            this(taints, nodesPerGrade, null);
        }

        /** @return these traits on a member that serves only the given APIs */
        public Scheduling serving(String... apis) {
            return new Scheduling(taints, nodesPerGrade, List.of(apis));
        }
    }

    /** What a member serves unless a test narrows it: every namespaced API the mock serves. */
    static final Set<String> MEMBER_APIS = new TreeSet<>(KarmadaMockServer.RESOURCES.stream()
            .filter(r -> r.namespaced())
            .map(r -> r.groupVersion() + "/" + r.kind())
            .toList());

    /** {@code status.apiEnablements}: the APIs grouped by group/version, each resource with its name and kind. */
    private static List<Map<String, Object>> apiEnablements(List<String> apis) {
        List<String> served = apis == null ? List.copyOf(MEMBER_APIS) : apis;
        Map<String, List<Map<String, Object>>> byGroupVersion = new TreeMap<>();
        for (String api : served) {
            int slash = api.lastIndexOf('/');
            String kind = api.substring(slash + 1);
            byGroupVersion
                    .computeIfAbsent(api.substring(0, slash), k -> new ArrayList<>())
                    .add(Map.of("name", kind.toLowerCase(java.util.Locale.ROOT) + "s", "kind", kind));
        }
        List<Map<String, Object>> enablements = new ArrayList<>();
        byGroupVersion.forEach((gv, resources) -> enablements.add(Map.of("groupVersion", gv, "resources", resources)));
        return enablements;
    }

    /** Creates a {@code clusters.cluster.karmada.io} object with the status Karmada's cluster controller sets. */
    public void addMember(Member member) throws ApiException {
        addMember(member, Scheduling.NONE);
    }

    /** Creates a member with taints and resource models. */
    public void addMember(Member member, Scheduling scheduling) throws ApiException {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kubernetesVersion", "v1.31.2");
        status.put("apiEnablements", apiEnablements(scheduling.apis()));
        status.put(
                "conditions",
                List.of(Map.of(
                        "type",
                        "Ready",
                        "status",
                        member.ready() ? "True" : "False",
                        "reason",
                        member.ready() ? "ClusterReady" : "ClusterNotReachable",
                        "message",
                        member.ready()
                                ? "cluster is healthy and ready to accept workloads"
                                : "cluster is not reachable",
                        "lastTransitionTime",
                        "2026-01-01T00:00:00Z")));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("allocatable", member.allocatable());
        summary.put("allocated", member.allocated());
        Map<String, Object> spec = new LinkedHashMap<>();
        if (!scheduling.taints().isEmpty()) {
            spec.put("taints", scheduling.taints());
        }
        if (scheduling.nodesPerGrade() != null) {
            spec.put("resourceModels", DEFAULT_MODELS);
            List<Map<String, Object>> modelings = new ArrayList<>();
            for (int grade = 0; grade < DEFAULT_MODELS.size(); grade++) {
                List<Integer> counts = scheduling.nodesPerGrade();
                modelings.add(Map.of("grade", grade, "count", grade < counts.size() ? counts.get(grade) : 0));
            }
            summary.put("allocatableModelings", modelings);
        }
        status.put("resourceSummary", summary);
        addRawMember(member.name(), member.labels(), spec, status);
    }

    /**
     * Taints a member, as an operator or Karmada's cluster controller ({@code cluster.karmada.io/not-ready}) does.
     *
     * @param taints the member's taints from now on ({@code key}, {@code effect}, maybe {@code value})
     */
    public void taint(String cluster, List<Map<String, String>> taints) throws ApiException {
        PatchUtils.patch(
                Object.class,
                () -> objects.patchClusterCustomObject(
                                "cluster.karmada.io",
                                "v1alpha1",
                                "clusters",
                                cluster,
                                Map.of("spec", Map.of("taints", taints)))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client);
    }

    /** Creates a member cluster with any status, malformed ones included. */
    void addRawMember(String name, Map<String, String> labels, Object status) throws ApiException {
        addRawMember(name, labels, Map.of(), status);
    }

    private void addRawMember(String name, Map<String, String> labels, Map<String, Object> extraSpec, Object status)
            throws ApiException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "cluster.karmada.io/v1alpha1");
        body.put("kind", "Cluster");
        body.put("metadata", Map.of("name", name, "labels", labels));
        Map<String, Object> spec = new LinkedHashMap<>(extraSpec);
        spec.put("syncMode", "Push");
        spec.put("apiEndpoint", "https://" + name + ".example:6443");
        body.put("spec", spec);
        if (status != null) {
            body.put("status", status);
        }
        objects.createClusterCustomObject("cluster.karmada.io", "v1alpha1", "clusters", body)
                .execute();
    }

    /** Joins a cluster to the Submariner broker, as {@code submariner.io/v1} Cluster in the broker namespace. */
    public void joinBroker(String clusterId, String podCidr, String serviceCidr) throws ApiException {
        Map<String, Object> body = Map.of(
                "apiVersion",
                "submariner.io/v1",
                "kind",
                "Cluster",
                "metadata",
                Map.of("name", clusterId, "namespace", BROKER_NAMESPACE),
                "spec",
                Map.of(
                        "cluster_id",
                        clusterId,
                        "cluster_cidr",
                        List.of(podCidr),
                        "service_cidr",
                        List.of(serviceCidr),
                        "color_codes",
                        List.of("blue")));
        objects.createNamespacedCustomObject("submariner.io", "v1", BROKER_NAMESPACE, "clusters", body)
                .execute();
    }

    /** Creates a namespace (client-java leaves apiVersion and kind out unless set, which the mock refuses). */
    void createNamespace(String name) throws ApiException {
        new CoreV1Api(client)
                .createNamespace(
                        new V1Namespace().apiVersion("v1").kind("Namespace").metadata(new V1ObjectMeta().name(name)))
                .execute();
    }

    /**
     * Does Karmada's scheduling of every PropagationPolicy in the namespace: each selected object that exists
     * goes to the policy's {@code clusterAffinity.clusterNames} that are member clusters, or to every member
     * cluster when the policy names none.
     *
     * @param namespace the namespace
     * @return member clusters by {@code Kind/name} of the propagated objects
     */
    public Map<String, Set<String>> placements(String namespace) throws ApiException {
        Set<String> members = new TreeSet<>();
        for (Map<String, Object> cluster :
                items(objects.listClusterCustomObject("cluster.karmada.io", "v1alpha1", "clusters")
                        .execute())) {
            members.add(String.valueOf(((Map<?, ?>) cluster.get("metadata")).get("name")));
        }
        Map<String, Set<String>> placements = new TreeMap<>();
        for (Map<String, Object> policy : items(
                objects.listNamespacedCustomObject("policy.karmada.io", "v1alpha1", namespace, "propagationpolicies")
                        .execute())) {
            Map<?, ?> spec = (Map<?, ?>) policy.get("spec");
            Map<?, ?> placement = spec.get("placement") instanceof Map<?, ?> p ? p : Map.of();
            Map<?, ?> affinity = placement.get("clusterAffinity") instanceof Map<?, ?> a ? a : Map.of();
            Set<String> targets = new TreeSet<>(members);
            if (affinity.get("clusterNames") instanceof List<?> names) {
                targets.retainAll(names.stream().map(String::valueOf).toList());
            }
            for (Object selector : (List<?>) spec.get("resourceSelectors")) {
                Map<?, ?> s = (Map<?, ?>) selector;
                String kind = String.valueOf(s.get("kind"));
                String name = String.valueOf(s.get("name"));
                if (exists(namespace, String.valueOf(s.get("apiVersion")), kind, name)) {
                    placements
                            .computeIfAbsent(kind + "/" + name, k -> new TreeSet<>())
                            .addAll(targets);
                }
            }
        }
        return placements;
    }

    /**
     * Karmada's detector, scheduler and binding controller for the namespace: each object a PropagationPolicy
     * selects that exists and has no ResourceBinding yet gets one, named as Karmada names it
     * ({@code <name>-<kind>} in lower case, {@code work.karmada.io/v1alpha2}); bindings whose object is gone are
     * deleted (Karmada's garbage collection through owner references). Each member runs Karmada's filter plugins
     * in their registry order, the first refusal being its reason: APIEnablement ({@code status.apiEnablements}
     * must list the object's API), TaintToleration (a {@code NoSchedule}/{@code NoExecute} taint the policy's
     * {@code placement.clusterTolerations} do not tolerate), ClusterAffinity ({@code clusterNames} and
     * {@code labelSelector.matchLabels}). No member left gives {@code Scheduled: False, reason: NoClusterFit} with
     * the scheduler's FitError message ({@code 0/N clusters are available: } and the sorted reason histogram),
     * else {@code Scheduled: True} and {@code FullyApplied: True} with {@code schedulerObservedGeneration} caught up.
     *
     * @return how many bindings it created
     */
    public int bind(String namespace) throws ApiException {
        List<Map<String, Object>> members =
                items(objects.listClusterCustomObject("cluster.karmada.io", "v1alpha1", "clusters")
                        .execute());
        Map<String, Map<String, Object>> bound = new TreeMap<>();
        for (Map<String, Object> rb : list("work.karmada.io", "v1alpha2", namespace, "resourcebindings")) {
            bound.put(String.valueOf(((Map<?, ?>) rb.get("metadata")).get("name")), rb);
        }
        Set<String> wanted = new TreeSet<>();
        int created = 0;
        for (Map<String, Object> policy : list("policy.karmada.io", "v1alpha1", namespace, "propagationpolicies")) {
            Map<?, ?> spec = (Map<?, ?>) policy.get("spec");
            Map<?, ?> placement = spec.get("placement") instanceof Map<?, ?> p ? p : Map.of();
            for (Object selector : (List<?>) spec.get("resourceSelectors")) {
                Map<?, ?> s = (Map<?, ?>) selector;
                String apiVersion = String.valueOf(s.get("apiVersion"));
                String kind = String.valueOf(s.get("kind"));
                String name = String.valueOf(s.get("name"));
                String binding = (name + "-" + kind).toLowerCase(java.util.Locale.ROOT);
                if (!exists(namespace, apiVersion, kind, name)) {
                    continue;
                }
                wanted.add(binding);
                if (bound.containsKey(binding)) {
                    continue;
                }
                createBinding(
                        namespace,
                        binding,
                        apiVersion,
                        kind,
                        name,
                        KarmadaFilters.schedule(members, placement, apiVersion, kind));
                created++;
            }
        }
        for (String stale : bound.keySet()) {
            if (!wanted.contains(stale)) {
                objects.deleteNamespacedCustomObject(
                                "work.karmada.io", "v1alpha2", namespace, "resourcebindings", stale)
                        .execute();
            }
        }
        return created;
    }

    private void createBinding(
            String namespace, String binding, String apiVersion, String kind, String name, Object scheduled)
            throws ApiException {
        List<Map<String, Object>> conditions = new ArrayList<>();
        List<?> clusters = scheduled instanceof List<?> fit ? fit : List.of();
        if (scheduled instanceof String message) {
            conditions.add(
                    Map.of("type", "Scheduled", "status", "False", "reason", "NoClusterFit", "message", message));
        } else {
            conditions.add(Map.of(
                    "type",
                    "Scheduled",
                    "status",
                    "True",
                    "reason",
                    "Success",
                    "message",
                    "Binding has been scheduled successfully."));
            conditions.add(Map.of(
                    "type",
                    "FullyApplied",
                    "status",
                    "True",
                    "reason",
                    "FullyAppliedSuccess",
                    "message",
                    "All works have been successfully applied"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "work.karmada.io/v1alpha2");
        body.put("kind", "ResourceBinding");
        body.put("metadata", Map.of("name", binding, "namespace", namespace, "generation", 1));
        body.put(
                "spec",
                Map.of(
                        "resource",
                        Map.of("apiVersion", apiVersion, "kind", kind, "namespace", namespace, "name", name),
                        "clusters",
                        clusters.stream().map(c -> Map.of("name", c)).toList()));
        body.put("status", Map.of("schedulerObservedGeneration", 1, "conditions", conditions));
        objects.createNamespacedCustomObject("work.karmada.io", "v1alpha2", namespace, "resourcebindings", body)
                .execute();
    }

    /**
     * The name {@link #bind} had when it bound Deployments only; it now binds every selected object.
     *
     * @return how many bindings it created
     */
    public int bindDeployments(String namespace) throws ApiException {
        return bind(namespace);
    }

    /** The finalizer Karmada's webhook puts on every PropagationPolicy. */
    static final String POLICY_FINALIZER = "karmada.io/propagation-policy-controller";

    /**
     * Karmada's mutating webhook: puts {@link #POLICY_FINALIZER} on every PropagationPolicy in the namespace (the
     * real webhook does it when the policy is created).
     */
    public void addPolicyFinalizers(String namespace) throws ApiException {
        for (Map<String, Object> policy : list("policy.karmada.io", "v1alpha1", namespace, "propagationpolicies")) {
            patchPolicy(namespace, policy, Map.of("metadata", Map.of("finalizers", List.of(POLICY_FINALIZER))));
        }
    }

    /**
     * Karmada's propagation-policy controller once its clean-up is done: removes its finalizer from every policy
     * being deleted, after which the API server removes the policy.
     *
     * @return how many policies it let go
     */
    public int releaseTerminatingPolicies(String namespace) throws ApiException {
        int released = 0;
        for (Map<String, Object> policy : list("policy.karmada.io", "v1alpha1", namespace, "propagationpolicies")) {
            Map<?, ?> metadata = (Map<?, ?>) policy.get("metadata");
            if (metadata.get("deletionTimestamp") == null) {
                continue;
            }
            patchPolicy(namespace, policy, Map.of("metadata", Map.of("finalizers", List.of())));
            String name = String.valueOf(metadata.get("name"));
            try { // the API server deletes an object whose last finalizer went, if the mock has not done so
                objects.deleteNamespacedCustomObject(
                                "policy.karmada.io", "v1alpha1", namespace, "propagationpolicies", name)
                        .execute();
            } catch (ApiException gone) {
                if (gone.getCode() != 404) {
                    throw gone;
                }
            }
            released++;
        }
        return released;
    }

    private void patchPolicy(String namespace, Map<String, Object> policy, Map<String, Object> patch)
            throws ApiException {
        String name = String.valueOf(((Map<?, ?>) policy.get("metadata")).get("name"));
        PatchUtils.patch(
                Object.class,
                () -> objects.patchNamespacedCustomObject(
                                "policy.karmada.io", "v1alpha1", namespace, "propagationpolicies", name, patch)
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client);
    }

    /** Sets a Deployment's {@code status.availableReplicas}, as Karmada does when aggregating member status. */
    void reportAvailable(String namespace, String deployment, int available) throws ApiException {
        PatchUtils.patch(
                Object.class,
                () -> objects.patchNamespacedCustomObject(
                                "apps",
                                "v1",
                                namespace,
                                "deployments",
                                deployment,
                                Map.of("status", Map.of("availableReplicas", available, "readyReplicas", available)))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                client);
    }

    /** @return the objects of a resource in the namespace (maps), e.g. {@code ("apps", "v1", "deployments")} */
    public List<Map<String, Object>> list(String group, String version, String namespace, String plural)
            throws ApiException {
        if (group.isEmpty()) {
            var call = client.buildCall(
                    client.getBasePath(),
                    "/api/" + version + "/namespaces/" + namespace + "/" + plural,
                    "GET",
                    List.of(),
                    List.of(),
                    null,
                    new java.util.HashMap<>(),
                    new java.util.HashMap<>(),
                    new java.util.HashMap<>(),
                    new String[0],
                    null);
            return items(client.execute(call, Map.class).getData());
        }
        return items(objects.listNamespacedCustomObject(group, version, namespace, plural)
                .execute());
    }

    private boolean exists(String namespace, String apiVersion, String kind, String name) throws ApiException {
        for (KarmadaMockServer.ApiResource r : KarmadaMockServer.RESOURCES) {
            if (r.kind().equals(kind) && r.groupVersion().equals(apiVersion)) {
                return list(r.group(), r.version(), namespace, r.plural()).stream()
                        .anyMatch(o -> name.equals(((Map<?, ?>) o.get("metadata")).get("name")));
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Object list) {
        Object items = ((Map<String, Object>) list).get("items");
        return items == null ? List.of() : new ArrayList<>((List<Map<String, Object>>) items);
    }
}
