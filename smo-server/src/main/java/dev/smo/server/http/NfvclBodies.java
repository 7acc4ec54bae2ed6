package dev.smo.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.ClusterRequest;
import dev.smo.core.spi.Nfvcl;
import dev.smo.model.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the bodies of the VIM and cluster routes, checking every field and reporting every fault with its JSON
 * pointer. The original's VIM fields {@code topology} and {@code vim_tenant_name} are accepted and ignored (the
 * NFVCL dropped the tenant in 2025); any other unknown field is refused, as the NFVCL refuses them.
 */
final class NfvclBodies {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Set<String> VIM_FIELDS = Set.of(
            "topology",
            "pop_area",
            "vim_name",
            "vim_tenant_name",
            "vim_user",
            "vim_password",
            "vim_url",
            "mgmt_network",
            "service_network",
            "use_floating_ip",
            "insecure");
    private static final Set<String> NETWORK_FIELDS = Set.of("name", "cidr", "gateway");
    private static final Set<String> CLUSTER_FIELDS =
            Set.of("pop_area", "vim_name", "workers", "master_flavor", "worker_flavor");
    private static final Set<String> FLAVOR_FIELDS = Set.of("vcpu_count", "memory_mb", "storage_gb");
    private static final int MAX_AREA = 1_000_000;

    private final List<Violation> violations = new ArrayList<>();

    /** The body of {@code POST /vims/smo_vims}, for the OpenAPI document. */
    record VimBody(
            String topology,
            int pop_area,
            String vim_name,
            String vim_tenant_name,
            String vim_user,
            String vim_password,
            String vim_url,
            NfvclViews.NetworkView mgmt_network,
            NfvclViews.NetworkView service_network,
            Boolean use_floating_ip,
            Boolean insecure) {}

    /** The body of {@code POST /os_k8s/clusters}, for the OpenAPI document. */
    record NfvclClusterBody(
            int pop_area,
            String vim_name,
            Integer workers,
            NfvclViews.FlavorView master_flavor,
            NfvclViews.FlavorView worker_flavor) {}

    /** The body of {@code POST /os_k8s/scale-out/{smo_id}}, for the OpenAPI document. */
    record ScaleOutBody(Integer workers) {}

    private NfvclBodies() {}

    static Nfvcl.VimSpec vim(String body, ObjectMapper json) {
        NfvclBodies b = new NfvclBodies();
        JsonNode n = b.object(body, json);
        b.known(n, "", VIM_FIELDS);
        String name = b.name(n, "vim_name");
        int area = b.area(n, "pop_area", true).orElse(0);
        String url = b.url(n, "vim_url");
        String user = b.text(n, "vim_user", true);
        String password = b.text(n, "vim_password", true);
        Nfvcl.Network mgmt = b.network(n, "mgmt_network");
        Nfvcl.Network svc = b.network(n, "service_network");
        boolean floating = b.bool(n, "use_floating_ip", false);
        boolean insecure = b.bool(n, "insecure", true);
        if (mgmt != null && svc != null && mgmt.name().equals(svc.name())) {
            b.violations.add(Violation.of(
                    "/service_network/name",
                    "The service network must differ from the " + "management network (" + mgmt.name() + ")."));
        }
        b.check();
        return new Nfvcl.VimSpec(name, url, user, password, insecure, floating, area, mgmt, svc);
    }

    static ClusterRequest cluster(String body, ObjectMapper json) {
        NfvclBodies b = new NfvclBodies();
        JsonNode n = b.object(body, json);
        b.known(n, "", CLUSTER_FIELDS);
        int area = b.area(n, "pop_area", true).orElse(0);
        String vim = b.name(n, "vim_name");
        int workers = b.workers(n);
        Optional<Nfvcl.Flavor> master = b.flavor(n, "master_flavor");
        Optional<Nfvcl.Flavor> worker = b.flavor(n, "worker_flavor");
        b.check();
        return new ClusterRequest(area, vim, workers, master, worker);
    }

    /** @return how many workers to add: the body's {@code workers}, or 1 when there is no body (the original's) */
    static int scaleOut(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return 1;
        }
        NfvclBodies b = new NfvclBodies();
        JsonNode n = b.object(body, json);
        b.known(n, "", Set.of("workers"));
        int workers = b.workers(n);
        b.check();
        return workers;
    }

    /** @return the {@code pop_area} query parameter, checked */
    static OptionalInt popArea(String raw) {
        if (raw == null) {
            return OptionalInt.empty();
        }
        try {
            int area = Integer.parseInt(raw.strip());
            if (area >= 0 && area <= MAX_AREA) {
                return OptionalInt.of(area);
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new Problems.BadRequest(
                "/query/pop_area", "pop_area (" + raw + ") must be a whole number within 0.." + MAX_AREA + ".");
    }

    private JsonNode object(String body, ObjectMapper json) {
        JsonNode n;
        try {
            n = body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new Problems.BadRequest("", JsonErrors.describe(e));
        }
        if (n == null || !n.isObject()) {
            throw new Problems.BadRequest("", "The body must be a JSON object.");
        }
        return n;
    }

    private void known(JsonNode n, String at, Set<String> fields) {
        n.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                violations.add(Violation.of(
                        at + "/" + f,
                        "Unknown field (" + f + "); expected one of " + new java.util.TreeSet<>(fields) + "."));
            }
        });
    }

    private String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                violations.add(Violation.of("/" + field, "Field (" + field + ") is required."));
            }
            return "";
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            violations.add(Violation.of("/" + field, "Field (" + field + ") must be a non-empty string."));
            return "";
        }
        return v.asText();
    }

    private String name(JsonNode n, String field) {
        String name = text(n, field, true);
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            violations.add(Violation.of(
                    "/" + field,
                    "Name (" + name + ") must be 1 to 63 letters, digits, '_', "
                            + "'.' or '-', starting with a letter or digit."));
        }
        return name;
    }

    private OptionalInt area(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                violations.add(Violation.of("/" + field, "Field (" + field + ") is required."));
            }
            return OptionalInt.empty();
        }
        if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > MAX_AREA) {
            violations.add(Violation.of(
                    "/" + field, "Pop area (" + v + ") must be a whole number within 0.." + MAX_AREA + "."));
            return OptionalInt.empty();
        }
        return OptionalInt.of(v.asInt());
    }

    private String url(JsonNode n, String field) {
        String raw = text(n, field, true);
        if (raw.isEmpty()) {
            return raw;
        }
        try {
            URI uri = new URI(raw);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return raw;
            }
        } catch (URISyntaxException e) {
            // answered below
        }
        violations.add(Violation.of("/" + field, "URL (" + raw + ") must be an http(s) URL with a host."));
        return raw;
    }

    private boolean bool(JsonNode n, String field, boolean fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isBoolean()) {
            violations.add(Violation.of("/" + field, "Field (" + field + ") must be true or false, not " + v + "."));
            return fallback;
        }
        return v.asBoolean();
    }

    private Nfvcl.Network network(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isObject()) {
            violations.add(Violation.of("/" + field, "Field (" + field + ") must be an object {name, cidr, gateway}."));
            return null;
        }
        known(v, "/" + field, NETWORK_FIELDS);
        String at = "/" + field + "/";
        JsonNode name = v.path("name");
        JsonNode cidr = v.path("cidr");
        JsonNode gateway = v.path("gateway");
        int before = violations.size();
        if (!name.isTextual() || !NAME.matcher(name.asText()).matches()) {
            violations.add(Violation.of(
                    at + "name", "Network name (" + name + ") must be 1 to 63 letters, digits, " + "'_', '.' or '-'."));
        }
        if (!cidr.isTextual() || !cidr(cidr.asText())) {
            violations.add(Violation.of(
                    at + "cidr", "CIDR (" + cidr + ") must be an address and a prefix length, " + "e.g. 10.0.0.0/24."));
        }
        if (!gateway.isTextual() || !address(gateway.asText())) {
            violations.add(Violation.of(at + "gateway", "Gateway (" + gateway + ") must be an IP address."));
        }
        return violations.size() > before ? null : new Nfvcl.Network(name.asText(), cidr.asText(), gateway.asText());
    }

    private int workers(JsonNode n) {
        JsonNode v = n.get("workers");
        if (v == null || v.isNull()) {
            return 1;
        }
        if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > ClusterRequest.MAX_WORKERS) {
            violations.add(Violation.of(
                    "/workers",
                    "Worker count (" + v + ") must be a whole number within 1.." + ClusterRequest.MAX_WORKERS + "."));
            return 1;
        }
        return v.asInt();
    }

    private Optional<Nfvcl.Flavor> flavor(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isObject()) {
            violations.add(Violation.of(
                    "/" + field, "Field (" + field + ") must be an object {vcpu_count, memory_mb, storage_gb}."));
            return Optional.empty();
        }
        known(v, "/" + field, FLAVOR_FIELDS);
        int vcpus = size(v, field, "vcpu_count", 1, 512);
        int memory = size(v, field, "memory_mb", 512, 4 << 20);
        int disk = size(v, field, "storage_gb", 1, 65_536);
        return vcpus > 0 && memory > 0 && disk > 0
                ? Optional.of(new Nfvcl.Flavor(vcpus, memory, disk))
                : Optional.empty();
    }

    private int size(JsonNode flavor, String field, String key, int min, int max) {
        JsonNode v = flavor.get(key);
        if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            violations.add(Violation.of(
                    "/" + field + "/" + key,
                    "Size (" + v + ") must be a whole number within " + min + ".." + max + "."));
            return 0;
        }
        return v.asInt();
    }

    private void check() {
        if (!violations.isEmpty()) {
            throw new Problems.InvalidBody(violations);
        }
    }

    private static boolean cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String address = text.substring(0, slash);
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("\\d{1,3}")) {
            return false;
        }
        int bits = Integer.parseInt(prefix);
        return IPV4.matcher(address).matches()
                ? bits <= 32
                : IPV6.matcher(address).matches() && bits <= 128;
    }

    private static boolean address(String text) {
        return IPV4.matcher(text).matches() || IPV6.matcher(text).matches();
    }
}
