package dev.smo.karmada.internal;

import dev.smo.core.SmoIntegrationException;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.Config;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code karmadactl join} does on the member when its kubeconfig holds no token (an admin kubeconfig with client
 * certificates, as kubeadm writes it): a service account {@code karmada-<name>} in {@code karmada-cluster}, bound to
 * {@code cluster-admin}, and its token Secret, whose {@code token} and {@code ca.crt} the member's token controller
 * fills in. Karmada's controllers then reach the member with that token.
 */
final class MemberServiceAccount {

    static final KubeResource SERVICE_ACCOUNTS = new KubeResource("", "v1", "serviceaccounts");
    static final KubeResource CLUSTER_ROLE_BINDINGS =
            new KubeResource("rbac.authorization.k8s.io", "v1", "clusterrolebindings");

    private MemberServiceAccount() {}

    /**
     * @param name the member's name
     * @param kubeconfig its kubeconfig
     * @param parsed what the kubeconfig says
     * @param wait how long the token controller may take
     * @return the kubeconfig's parts with the service account's token and CA
     */
    static MemberKubeconfig token(String name, String kubeconfig, MemberKubeconfig parsed, Duration wait) {
        KubeApi member;
        try {
            ApiClient client = Config.fromConfig(new StringReader(kubeconfig));
            member = new KubeApi(client);
        } catch (IOException | RuntimeException e) {
            throw new SmoIntegrationException(
                    "The kubeconfig of cluster (" + name + ") cannot be used to reach it: "
                            + e.getClass().getSimpleName() + ".\nMaybe check the kubeconfig the NFVCL hands out.",
                    e);
        }
        String account = "karmada-" + name;
        String namespace = KarmadaMemberObjects.NAMESPACE;
        try {
            keep(member, KubeResource.NAMESPACES, null, KarmadaMemberObjects.namespace());
            keep(member, SERVICE_ACCOUNTS, namespace, object("v1", "ServiceAccount", account, namespace));
            Map<String, Object> binding = object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", account, null);
            binding.put(
                    "roleRef",
                    Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "ClusterRole", "name", "cluster-admin"));
            binding.put("subjects", List.of(Map.of("kind", "ServiceAccount", "name", account, "namespace", namespace)));
            keep(member, CLUSTER_ROLE_BINDINGS, null, binding);
            Map<String, Object> secret = object("v1", "Secret", account, namespace);
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) secret.get("metadata");
            metadata.put("annotations", Map.of("kubernetes.io/service-account.name", account));
            secret.put("type", "kubernetes.io/service-account-token");
            keep(member, KarmadaMemberObjects.SECRETS, namespace, secret);
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                Map<String, Object> filled = member.get(KarmadaMemberObjects.SECRETS, namespace, account);
                String token = Json.string(filled, "data", "token");
                if (token != null && !token.isBlank()) {
                    String plain = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
                    return parsed.withToken(plain, Json.string(filled, "data", "ca.crt"));
                }
                if (System.nanoTime() > deadline) {
                    throw new SmoIntegrationException("Cluster (" + name + ") did not fill the token of its service "
                            + "account (" + namespace + "/" + account + ") within " + wait.toSeconds() + " s.\nMaybe "
                            + "check its kube-controller-manager (token controller).");
                }
                Thread.sleep(200);
            }
        } catch (ApiException e) {
            throw new SmoIntegrationException(
                    "Cluster (" + name + ") refused the service account Karmada needs: " + ApiErrors.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmoIntegrationException("Interrupted while waiting for cluster (" + name + ")'s token.", e);
        }
    }

    private static Map<String, Object> object(String apiVersion, String kind, String name, String namespace) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", metadata);
        return object;
    }

    private static void keep(KubeApi api, KubeResource resource, String namespace, Map<String, Object> body)
            throws ApiException {
        try {
            api.create(resource, namespace, body);
        } catch (ApiException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }
}
