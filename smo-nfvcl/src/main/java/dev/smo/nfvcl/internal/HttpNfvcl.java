package dev.smo.nfvcl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smo.core.NfvclException;
import dev.smo.core.spi.Nfvcl;
import dev.smo.nfvcl.NfvclConfig;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@link Nfvcl} port over NFVCL's REST API; see the module README for the versions it speaks. */
public final class HttpNfvcl implements Nfvcl {

    private static final Pattern BLUEPRINT = Pattern.compile("Blueprint ([A-Z0-9]{6})");
    private static final String BLUE = "/nfvcl/v2/api/blue";

    private final NfvclHttp http;

    public HttpNfvcl(NfvclConfig config, HttpClient client) {
        this.http = new NfvclHttp(config, client);
    }

    @Override
    public void ensureTopology() {
        NfvclHttp.Answer answer = http.send("GET", "/v1/topology", null);
        if (answer.status() == 200) {
            return;
        }
        if (answer.status() != 404) {
            throw http.failure("GET", "/v1/topology", answer);
        }
        Map<String, Object> empty = new LinkedHashMap<>();
        empty.put("id", "topology");
        empty.put("callback", null);
        for (String list : List.of("vims", "kubernetes", "networks", "routers", "pdus", "prometheus_srv")) {
            empty.put(list, List.of());
        }
        http.expect("POST", "/v1/topology", empty, 200, 201, 202);
    }

    @Override
    public NfvclVim registerVim(VimSpec vim) {
        ensureTopology();
        for (Network network : List.of(vim.managementNetwork(), vim.serviceNetwork())) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", network.name());
            body.put("type", "vxlan");
            body.put("cidr", network.cidr());
            body.put("gateway_ip", network.gateway());
            NfvclHttp.Answer answer = http.send("POST", "/v1/topology/network", body);
            if (answer.status() >= 300
                    && !answer.text().toLowerCase(Locale.ROOT).contains("already")) {
                throw http.failure("POST", "/v1/topology/network", answer);
            }
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("insecure", vim.insecure());
        config.put("APIversion", "v3.3");
        config.put("use_floating_ip", vim.useFloatingIp());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", vim.name());
        body.put("vim_type", "openstack");
        body.put("vim_url", vim.url());
        body.put("vim_user", vim.user());
        body.put("vim_password", vim.password());
        body.put("config", config);
        body.put(
                "networks",
                List.of(vim.managementNetwork().name(), vim.serviceNetwork().name()));
        body.put("areas", List.of(vim.area()));
        http.expect("POST", "/v1/topology/vim", body, 200, 201, 202);
        String stored = vim.name().toLowerCase(Locale.ROOT).replace('-', '_');
        return vims().stream()
                .filter(v -> v.name().equals(stored))
                .findFirst()
                .orElse(new NfvclVim(
                        stored,
                        vim.url(),
                        List.of(vim.area()),
                        List.of(
                                vim.managementNetwork().name(),
                                vim.serviceNetwork().name()),
                        vim.useFloatingIp()));
    }

    @Override
    public List<NfvclVim> vims() {
        NfvclHttp.Answer answer = http.send("GET", "/v1/topology", null);
        if (answer.status() == 404) {
            return List.of();
        }
        if (answer.status() != 200 || answer.body() == null) {
            throw http.failure("GET", "/v1/topology", answer);
        }
        List<NfvclVim> vims = new ArrayList<>();
        for (JsonNode v : answer.body().path("vims")) {
            List<Integer> areas = new ArrayList<>();
            v.path("areas").forEach(a -> areas.add(a.asInt()));
            List<String> networks = new ArrayList<>();
            v.path("networks").forEach(n -> networks.add(n.asText()));
            vims.add(new NfvclVim(
                    v.path("name").asText(),
                    v.path("vim_url").asText(),
                    areas,
                    networks,
                    v.path("config").path("use_floating_ip").asBoolean(false)));
        }
        return vims;
    }

    @Override
    public void deleteVim(String name) {
        http.expect("DELETE", "/v1/topology/vim/" + name, null, 200, 202, 204, 404);
    }

    @Override
    public BlueprintRef createCluster(ClusterSpec request) {
        Map<String, Object> body = new LinkedHashMap<>();
        request.masterFlavor().ifPresent(f -> body.put("master_flavors", flavor(f)));
        body.put("areas", List.of(area(request, true)));
        NfvclHttp.Answer answer = http.expect("POST", BLUE + "/k8s", body, 200, 202);
        String detail =
                answer.body() == null ? "" : answer.body().path("detail").asText();
        Matcher m = BLUEPRINT.matcher(detail);
        if (!m.find()) {
            throw new NfvclException(
                    answer.status(),
                    "The NFVCL accepted the cluster but named no blueprint (detail: " + detail + ").",
                    null);
        }
        return new BlueprintRef(m.group(1), taskId(answer));
    }

    @Override
    public Optional<String> scaleOut(String blueprintId, ClusterSpec request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("areas", List.of(area(request, false)));
        String path = BLUE + "/k8s/add_node?" + NfvclHttp.query("blue_id", blueprintId);
        NfvclHttp.Answer answer = http.send("PUT", path, body);
        if (answer.status() == 405) {
            answer = http.send("POST", path, body); // releases before 2025-01 take day-2 operations as POST
        }
        if (answer.status() != 200 && answer.status() != 202) {
            throw http.failure("PUT", path, answer);
        }
        return taskId(answer);
    }

    @Override
    public void deleteCluster(String blueprintId, boolean force) {
        String path = BLUE + "/" + blueprintId + (force ? "?force_deletion=true" : "");
        http.expect("DELETE", path, null, 200, 202, 204, 404);
    }

    @Override
    public List<Blueprint> clusters() {
        String path = BLUE + "?blue_type=k8s&detailed=true";
        NfvclHttp.Answer answer = http.expect("GET", path, null, 200);
        List<Blueprint> out = new ArrayList<>();
        for (JsonNode b : answer.body() == null ? List.<JsonNode>of() : iterable(answer.body())) {
            if (!b.path("type").asText("k8s").toLowerCase(Locale.ROOT).contains("k8s")) {
                continue;
            }
            JsonNode status = b.path("status");
            String error = status.path("error").isBoolean()
                    ? (status.path("error").asBoolean() ? status.path("detail").asText("error") : null)
                    : status.path("error").asText(null);
            out.add(new Blueprint(
                    b.path("id").asText(),
                    status.path("current_operation").asText("idle"),
                    Optional.ofNullable(error).filter(e -> !e.isBlank()),
                    masterArea(b),
                    b.path("state").path("vm_workers").size()));
        }
        return out;
    }

    @Override
    public Optional<TaskStatus> task(String taskId) {
        String path = "/v2/utils/get_task_status?" + NfvclHttp.query("task_id", taskId);
        NfvclHttp.Answer answer = http.send("GET", path, null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() != 200 || answer.body() == null) {
            throw http.failure("GET", path, answer);
        }
        JsonNode body = answer.body();
        String error = body.path("error").isNull() ? null : body.path("error").asText(null);
        if (error != null && (error.isBlank() || error.equals("false"))) {
            error = null;
        }
        return Optional.of(
                new TaskStatus(taskId, "done".equals(body.path("status").asText()), Optional.ofNullable(error)));
    }

    @Override
    public String kubeconfig(String blueprintId) {
        String path = BLUE + "/k8s/root_kubeconfig?" + NfvclHttp.query("blue_id", blueprintId);
        NfvclHttp.Answer answer = http.expect("GET", path, null, 200);
        if (answer.body() != null && answer.body().isTextual()) {
            return answer.body().asText();
        }
        if (answer.body() != null && answer.body().isObject()) {
            return answer.body().toString(); // JSON is valid YAML
        }
        return answer.text();
    }

    private static Map<String, Object> area(ClusterSpec request, boolean master) {
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("area_id", request.area());
        area.put("is_master_area", master);
        area.put("mgmt_net", request.managementNetwork());
        area.put("additional_networks", List.of(request.serviceNetwork()));
        area.put("worker_replicas", request.workers());
        request.workerFlavor().ifPresent(f -> area.put("worker_flavors", flavor(f)));
        return area;
    }

    /** NFVCL's {@code VmResourceFlavor} takes its sizes as strings. */
    private static Map<String, Object> flavor(Nfvcl.Flavor flavor) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("vcpu_count", String.valueOf(flavor.vcpus()));
        out.put("memory_mb", String.valueOf(flavor.memoryMb()));
        out.put("storage_gb", String.valueOf(flavor.diskGb()));
        return out;
    }

    private static Optional<String> taskId(NfvclHttp.Answer answer) {
        return answer.body() == null
                ? Optional.empty()
                : Optional.ofNullable(answer.body().path("task_id").asText(null))
                        .filter(t -> !t.isBlank());
    }

    private static Optional<Integer> masterArea(JsonNode blueprint) {
        JsonNode master = blueprint.path("state").path("master_area").path("area_id");
        if (master.canConvertToInt()) {
            return Optional.of(master.asInt());
        }
        for (JsonNode area : blueprint.path("create_config").path("areas")) {
            if (area.path("is_master_area").asBoolean(false)
                    && area.path("area_id").canConvertToInt()) {
                return Optional.of(area.path("area_id").asInt());
            }
        }
        return Optional.empty();
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node.isArray() ? node::elements : List.of();
    }
}
