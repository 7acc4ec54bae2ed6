package dev.smo.karmada.internal;

import dev.smo.core.SmoIntegrationException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What joining a member in push mode takes from its kubeconfig (current context): the API server, the CA bundle,
 * whether TLS is not verified, and the bearer token Karmada's controllers will use.
 *
 * @param server the member's API server URL
 * @param caBundle the CA bundle, base64 as in the kubeconfig, or {@code null}
 * @param insecure whether the kubeconfig turns TLS verification off
 * @param token the bearer token, or {@code null} when the user authenticates otherwise (client certificates)
 */
record MemberKubeconfig(String server, String caBundle, boolean insecure, String token) {

    /**
     * @param token a service account's token
     * @param caBundle the member's CA bundle (base64), or {@code null} to keep the kubeconfig's
     * @return a copy authenticating with that token
     */
    MemberKubeconfig withToken(String token, String caBundle) {
        return new MemberKubeconfig(server, caBundle == null ? this.caBundle : caBundle, insecure, token);
    }

    @Override
    public String toString() {
        return "MemberKubeconfig[server=" + server + ", insecure=" + insecure + ", token=***]";
    }

    /**
     * @param member the member's name, for messages
     * @param yaml the kubeconfig
     * @return its parts
     * @throws SmoIntegrationException when it names no server or no token
     */
    static MemberKubeconfig parse(String member, String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (RuntimeException e) {
            throw refused(member, "it is not YAML (" + e.getClass().getSimpleName() + ")");
        }
        refuseLocalActions(member, root);
        String contextName = Json.string(root, "current-context");
        Map<String, Object> context = named(root, "contexts", contextName, "context");
        String clusterName = Json.string(context, "cluster");
        String userName = Json.string(context, "user");
        Map<String, Object> cluster = named(root, "clusters", clusterName, "cluster");
        Map<String, Object> user = named(root, "users", userName, "user");
        String server = Json.string(cluster, "server");
        if (server == null || server.isBlank()) {
            throw refused(member, "its cluster names no server");
        }
        String ca = Json.string(cluster, "certificate-authority-data");
        if (ca != null) {
            try {
                Base64.getDecoder().decode(ca.strip());
            } catch (IllegalArgumentException e) {
                throw refused(member, "its certificate-authority-data is not base64");
            }
        }
        boolean insecure = Boolean.TRUE.equals(Json.at(cluster, "insecure-skip-tls-verify"));
        String token = Json.string(user, "token");
        return new MemberKubeconfig(
                server,
                ca == null ? null : ca.strip(),
                insecure,
                token == null || token.isBlank() ? null : token.strip());
    }

    /**
     * The entry of a kubeconfig list with this name, or the first one when the name is missing (a kubeconfig with
     * one cluster and no current context).
     */
    private static Map<String, Object> named(Object root, String list, String name, String field) {
        List<?> entries = Json.list(root, list);
        for (Object entry : entries) {
            if (name == null || name.equals(Json.string(entry, "name"))) {
                return Json.map(entry, field);
            }
        }
        return Map.of();
    }

    /**
     * A kubeconfig handed out by another system must not make SMO run a command ({@code exec}, {@code auth-provider})
     * or read a file of SMO's machine (a token, certificate or key named by path) and send it to the server it
     * names; nor route SMO's calls through a proxy. Only inline credentials are accepted.
     */
    private static void refuseLocalActions(String member, Object root) {
        refuse(
                member,
                root,
                "users",
                "user",
                USER_REFUSED,
                "does not run or read: only inline credentials are accepted");
        refuse(
                member,
                root,
                "clusters",
                "cluster",
                CLUSTER_REFUSED,
                "does not read or follow: only inline data is accepted");
    }

    /** Refuses the first entry of {@code list} whose {@code key} object has one of the {@code refused} fields. */
    private static void refuse(String member, Object root, String list, String key, List<String> refused, String why) {
        for (Object entry : Json.list(root, list)) {
            Map<String, Object> body = Json.map(entry, key);
            for (String field : refused) {
                if (body.containsKey(field)) {
                    throw refused(
                            member,
                            "its " + key + " (" + Json.string(entry, "name") + ") uses " + field + ", which SMO "
                                    + why);
                }
            }
        }
    }

    private static final List<String> USER_REFUSED =
            List.of("exec", "auth-provider", "tokenFile", "client-certificate", "client-key");

    private static final List<String> CLUSTER_REFUSED = List.of("certificate-authority", "proxy-url");

    private static SmoIntegrationException refused(String member, String why) {
        return new SmoIntegrationException("The kubeconfig of cluster (" + member + ") cannot join Karmada: " + why
                + ".\nMaybe check the kubeconfig the NFVCL hands out (root_kubeconfig).");
    }
}
