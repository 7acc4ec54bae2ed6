package dev.smo.nfvcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An NFVCL over real HTTP, with the behaviour of nfvcl-ng's REST layer that SMO depends on: the topology (404 until
 * created; an older release refuses a second POST, a newer one overwrites), VIMs and networks with pydantic's
 * {@code extra="forbid"} (422 on unknown fields), Kubernetes blueprints that move from deploying to idle after a
 * number of polls, the task table (lost on {@link #restart()}), day-2 {@code add_node} as PUT (a newer release
 * answers 405 to POST, an older one 405 to PUT), optional OAuth2 {@code /token} with expiring tokens, and injected
 * 500s.
 */
public final class NfvclStandIn implements AutoCloseable {

    /** Which release to behave like. */
    public enum Release {
        /** v0.3.1 and before: 200 without task id, day-2 as POST, a second topology refused. */
        OLD,
        /** v0.3.2 and later: 202 with task id, day-2 as PUT, the topology overwritten. */
        CURRENT
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> VIM_FIELDS =
            Set.of("name", "vim_type", "vim_url", "vim_user", "vim_password", "config", "networks", "areas");
    private static final Set<String> NETWORK_FIELDS =
            Set.of("name", "type", "cidr", "gateway_ip", "allocation_pool", "reserved_ranges", "dns_nameservers");
    private static final Set<String> AREA_FIELDS = Set.of(
            "area_id",
            "is_master_area",
            "mgmt_net",
            "additional_networks",
            "load_balancer_pools_ips",
            "worker_replicas",
            "worker_flavors");

    private final HttpServer server;
    private final Release release;
    private final int pollsToReady;
    private final Random random = new Random(7);
    private ObjectNode topology;
    private final Map<String, ObjectNode> blueprints = new LinkedHashMap<>();
    private final Map<String, Integer> pollsLeft = new HashMap<>();
    private final Map<String, String> taskOfBlueprint = new HashMap<>();
    private final Map<String, ObjectNode> tasks = new HashMap<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final List<String> requests = new ArrayList<>();
    private String user;
    private String password;
    private int tokensIssued;
    private String validToken;
    private int tokenUses;
    private int tokenLifetime = Integer.MAX_VALUE;

    public NfvclStandIn(Release release, int pollsToReady) throws IOException {
        this.release = release;
        this.pollsToReady = pollsToReady;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Requires OAuth2 logins; each token is good for {@code uses} requests. */
    public synchronized NfvclStandIn withAuthentication(String user, String password, int uses) {
        this.user = user;
        this.password = password;
        this.tokenLifetime = uses;
        return this;
    }

    /** The next {@code count} requests (logins excluded) answer 500. */
    public void failNext(int count) {
        failNext.set(count);
    }

    /** Forgets every task, as an NFVCL restart does; blueprints survive (they are stored). */
    public synchronized void restart() {
        tasks.clear();
        validToken = null;
    }

    public synchronized List<String> requests() {
        return List.copyOf(requests);
    }

    public synchronized int tokensIssued() {
        return tokensIssued;
    }

    public synchronized ObjectNode blueprint(String id) {
        return blueprints.get(id);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (path.equals("/token")) {
                login(exchange, new String(raw, StandardCharsets.UTF_8));
                return;
            }
            requests.add(method + " " + exchange.getRequestURI());
            if (user != null && !authorised(exchange)) {
                reply(exchange, 400, error("invalid_grant"));
                return;
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(
                        exchange,
                        500,
                        JSON.createObjectNode().put("error", "injected").put("status_code", 500));
                return;
            }
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            route(exchange, method, path, query, body);
        } catch (RuntimeException e) {
            reply(
                    exchange,
                    500,
                    JSON.createObjectNode().put("error", e.toString()).put("status_code", 500));
        }
    }

    private void route(HttpExchange ex, String method, String path, Map<String, String> query, JsonNode body)
            throws IOException {
        switch (method + " " + path) {
            case "GET /v1/topology" -> {
                if (topology == null) {
                    reply(ex, 404, detail("Topology has not been initialized yet."));
                } else {
                    reply(ex, 200, topology);
                }
            }
            case "POST /v1/topology" -> {
                if (topology != null && release == Release.OLD) {
                    reply(
                            ex,
                            202,
                            JSON.createObjectNode().put("status", "ready").put("detail", "Operation submitted"));
                    return; // the old worker then refuses it: the existing topology stays
                }
                topology = (ObjectNode) body;
                reply(
                        ex,
                        release == Release.OLD ? 202 : 200,
                        JSON.createObjectNode().put("status", "ready"));
            }
            case "POST /v1/topology/network" -> {
                if (!fieldsAllowed(ex, body, NETWORK_FIELDS) || !topologyExists(ex)) {
                    return;
                }
                topology.withArray("networks").add(body);
                reply(ex, 200, JSON.createObjectNode().put("status", "ready"));
            }
            case "POST /v1/topology/vim" -> {
                if (!fieldsAllowed(ex, body, VIM_FIELDS) || !topologyExists(ex)) {
                    return;
                }
                ObjectNode vim = ((ObjectNode) body).deepCopy();
                vim.put(
                        "name",
                        body.path("name")
                                .asText()
                                .toLowerCase(java.util.Locale.ROOT)
                                .replace('-', '_'));
                topology.withArray("vims").add(vim);
                reply(ex, 200, JSON.createObjectNode().put("status", "ready"));
            }
            case "POST /nfvcl/v2/api/blue/k8s" -> createBlueprint(ex, body);
            case "PUT /nfvcl/v2/api/blue/k8s/add_node", "POST /nfvcl/v2/api/blue/k8s/add_node" -> {
                boolean allowed = method.equals(release == Release.CURRENT ? "PUT" : "POST");
                if (!allowed) {
                    reply(ex, 405, detail("Method Not Allowed"));
                    return;
                }
                addNodes(ex, query.get("blue_id"), body);
            }
            case "GET /nfvcl/v2/api/blue" -> {
                ArrayNode list = JSON.createArrayNode();
                for (ObjectNode b : blueprints.values()) {
                    advance(b);
                    if (query.getOrDefault("blue_type", "k8s")
                            .equals(b.path("type").asText())) {
                        list.add(b);
                    }
                }
                reply(ex, 200, list);
            }
            case "GET /nfvcl/v2/api/blue/k8s/root_kubeconfig" -> {
                ObjectNode b = blueprints.get(query.get("blue_id"));
                if (b == null) {
                    reply(ex, 404, detail("Blueprint " + query.get("blue_id") + " not found"));
                } else {
                    reply(
                            ex,
                            200,
                            JSON.getNodeFactory()
                                    .textNode(kubeconfig(b.path("id").asText())));
                }
            }
            case "GET /v2/utils/get_task_status" -> {
                ObjectNode task = tasks.get(query.get("task_id"));
                if (task == null) {
                    reply(ex, 404, detail("Task not found"));
                } else {
                    reply(ex, 200, task);
                }
            }
            default -> {
                if (method.equals("DELETE") && path.startsWith("/nfvcl/v2/api/blue/")) {
                    String id = path.substring("/nfvcl/v2/api/blue/".length());
                    if (blueprints.remove(id) == null) {
                        reply(ex, 404, detail("Blueprint " + id + " not found"));
                    } else {
                        reply(ex, 202, JSON.createObjectNode().put("status", "destroying"));
                    }
                } else if (method.equals("DELETE") && path.startsWith("/v1/topology/vim/")) {
                    String name = path.substring("/v1/topology/vim/".length());
                    ArrayNode vims = topology == null ? JSON.createArrayNode() : topology.withArray("vims");
                    for (int i = 0; i < vims.size(); i++) {
                        if (vims.get(i).path("name").asText().equals(name)) {
                            vims.remove(i);
                            reply(ex, 200, JSON.createObjectNode().put("status", "ready"));
                            return;
                        }
                    }
                    reply(ex, 404, detail("VIM " + name + " not found"));
                } else {
                    reply(ex, 404, detail("Not Found"));
                }
            }
        }
    }

    private void createBlueprint(HttpExchange ex, JsonNode body) throws IOException {
        for (JsonNode area : body.path("areas")) {
            if (!fieldsAllowed(ex, area, AREA_FIELDS)) {
                return;
            }
        }
        String id = id();
        ObjectNode b = JSON.createObjectNode().put("id", id).put("type", "k8s");
        b.putObject("status")
                .put("error", false)
                .put("current_operation", "deploying")
                .put("detail", "");
        ObjectNode state = b.putObject("state");
        JsonNode master = body.path("areas").get(0);
        state.putObject("master_area").put("area_id", master.path("area_id").asInt());
        ArrayNode workers = state.putArray("vm_workers");
        for (int i = 0; i < master.path("worker_replicas").asInt(1); i++) {
            workers.addObject().put("name", "worker-" + i);
        }
        b.set("create_config", body);
        blueprints.put(id, b);
        pollsLeft.put(id, pollsToReady);
        ObjectNode answer = JSON.createObjectNode().put("status", "deploying");
        answer.put("detail", "Blueprint " + id + " is being deployed...");
        answer.putObject("result");
        if (release == Release.CURRENT) {
            String task = task(id);
            answer.put("task_id", task);
            reply(ex, 202, answer);
        } else {
            reply(ex, 200, answer);
        }
    }

    private void addNodes(HttpExchange ex, String id, JsonNode body) throws IOException {
        ObjectNode b = blueprints.get(id);
        if (b == null) {
            reply(ex, 404, detail("Blueprint " + id + " not found"));
            return;
        }
        for (JsonNode area : body.path("areas")) {
            if (!fieldsAllowed(ex, area, AREA_FIELDS)) {
                return;
            }
            if (area.path("is_master_area").asBoolean(false)) {
                reply(ex, 422, detail("add_node takes no master area"));
                return;
            }
            ArrayNode workers = (ArrayNode) b.path("state").path("vm_workers");
            for (int i = 0; i < area.path("worker_replicas").asInt(1); i++) {
                workers.addObject().put("name", "worker-" + workers.size());
            }
        }
        ((ObjectNode) b.path("status")).put("current_operation", "running-day2-op");
        pollsLeft.put(id, pollsToReady);
        ObjectNode answer = JSON.createObjectNode().put("status", "running");
        if (release == Release.CURRENT) {
            answer.put("task_id", task(id));
            reply(ex, 202, answer);
        } else {
            reply(ex, 200, answer);
        }
    }

    /** One poll of the blueprint list moves a busy blueprint one step towards idle. */
    private void advance(ObjectNode b) {
        String id = b.path("id").asText();
        int left = pollsLeft.getOrDefault(id, 0);
        if (left > 0) {
            pollsLeft.put(id, left - 1);
            if (left == 1) {
                ((ObjectNode) b.path("status")).put("current_operation", "idle");
                String task = taskOfBlueprint.get(id);
                if (task != null && tasks.containsKey(task)) {
                    tasks.get(task).put("status", "done");
                }
            }
        }
    }

    private String task(String blueprint) {
        String id = "task-" + Integer.toHexString(random.nextInt());
        tasks.put(
                id,
                JSON.createObjectNode()
                        .put("task_id", id)
                        .put("status", "running")
                        .putNull("error"));
        taskOfBlueprint.put(blueprint, id);
        return id;
    }

    private String id() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(letters.charAt(random.nextInt(letters.length())));
        }
        return id.toString();
    }

    /**
     * The admin kubeconfig of a blueprint: its API server (TLS not verified, as a fresh cluster's self-signed
     * certificate), and a bearer token for it.
     */
    public static String kubeconfig(String id) {
        return """
                apiVersion: v1
                kind: Config
                current-context: admin@%1$s
                clusters:
                - name: %1$s
                  cluster: {server: 'https://10.0.0.10:6443', insecure-skip-tls-verify: true}
                contexts:
                - name: admin@%1$s
                  context: {cluster: %1$s, user: admin}
                users:
                - name: admin
                  user: {token: token-%1$s}
                """.formatted(id);
    }

    private boolean topologyExists(HttpExchange ex) throws IOException {
        if (topology == null) {
            reply(ex, 404, detail("Topology has not been initialized yet."));
            return false;
        }
        return true;
    }

    private static boolean fieldsAllowed(HttpExchange ex, JsonNode body, Set<String> allowed) throws IOException {
        List<String> extra = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                extra.add(name);
            }
        });
        if (extra.isEmpty()) {
            return true;
        }
        ArrayNode errors = JSON.createArrayNode();
        for (String name : extra) {
            errors.addObject()
                    .put("type", "extra_forbidden")
                    .put("msg", "Extra inputs are not permitted")
                    .set("loc", JSON.createArrayNode().add("body").add(name));
        }
        reply(ex, 422, JSON.createObjectNode().set("detail", errors));
        return false;
    }

    private void login(HttpExchange ex, String form) throws IOException {
        Map<String, String> fields = query(form);
        boolean ok = "password".equals(fields.get("grant_type"))
                ? user != null && user.equals(fields.get("username")) && password.equals(fields.get("password"))
                : "refresh_token".equals(fields.get("grant_type"))
                        && ("refresh-" + tokensIssued).equals(fields.get("refresh_token"));
        if (!ok) {
            reply(ex, 400, error("invalid_grant"));
            return;
        }
        tokensIssued++;
        validToken = "token-" + tokensIssued;
        tokenUses = 0;
        reply(
                ex,
                200,
                JSON.createObjectNode()
                        .put("access_token", validToken)
                        .put("refresh_token", "refresh-" + tokensIssued)
                        .put("token_type", "bearer"));
    }

    private boolean authorised(HttpExchange ex) {
        String header = ex.getRequestHeaders().getFirst("Authorization");
        if (validToken == null || header == null || !header.equals("Bearer " + validToken)) {
            return false;
        }
        return ++tokenUses <= tokenLifetime;
    }

    private static ObjectNode detail(String text) {
        return JSON.createObjectNode().put("detail", text);
    }

    private static ObjectNode error(String code) {
        return JSON.createObjectNode().put("error", code).put("error_description", "Invalid or expired token");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
