package dev.smo.karmada.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The objects {@code karmadactl join} makes in the Karmada control plane for a member in push mode: a
 * {@code cluster.karmada.io/v1alpha1} {@code Cluster} whose {@code secretRef} and {@code impersonatorSecretRef}
 * name two Secrets in {@code karmada-cluster}: {@code <name>} ({@code caBundle}, {@code token}) and
 * {@code <name>-impersonator} ({@code token}).
 */
final class KarmadaMemberObjects {

    /** Where Karmada keeps the members' credentials. */
    static final String NAMESPACE = "karmada-cluster";

    static final KubeResource SECRETS = new KubeResource("", "v1", "secrets");

    private KarmadaMemberObjects() {}

    static String impersonator(String name) {
        return name + "-impersonator";
    }

    static Map<String, Object> namespace() {
        Map<String, Object> ns = new LinkedHashMap<>();
        ns.put("apiVersion", "v1");
        ns.put("kind", "Namespace");
        ns.put("metadata", Map.of("name", NAMESPACE));
        return ns;
    }

    /** The Secret Karmada's controllers read to reach the member: its CA bundle and token. */
    static Map<String, Object> secret(String name, MemberKubeconfig kubeconfig, Map<String, String> labels) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (kubeconfig.caBundle() != null) {
            data.put("caBundle", kubeconfig.caBundle());
        }
        data.put("token", base64(kubeconfig.token()));
        return secretOf(name, data, labels);
    }

    /** The Secret of the token Karmada's aggregated API server impersonates users with. */
    static Map<String, Object> impersonatorSecret(
            String name, MemberKubeconfig kubeconfig, Map<String, String> labels) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("token", base64(kubeconfig.token()));
        return secretOf(impersonator(name), data, labels);
    }

    /** The member in push mode, pointing at its API server and its two Secrets. */
    static Map<String, Object> cluster(String name, MemberKubeconfig kubeconfig, Map<String, String> labels) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("syncMode", "Push");
        spec.put("apiEndpoint", kubeconfig.server());
        spec.put("secretRef", ref(name));
        spec.put("impersonatorSecretRef", ref(impersonator(name)));
        if (kubeconfig.insecure()) {
            spec.put("insecureSkipTLSVerification", true);
        }
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("apiVersion", "cluster.karmada.io/v1alpha1");
        cluster.put("kind", "Cluster");
        cluster.put("metadata", metadata(name, null, labels));
        cluster.put("spec", spec);
        return cluster;
    }

    private static Map<String, Object> secretOf(String name, Map<String, Object> data, Map<String, String> labels) {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", metadata(name, NAMESPACE, labels));
        secret.put("type", "Opaque");
        secret.put("data", data);
        return secret;
    }

    private static Map<String, Object> ref(String name) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("namespace", NAMESPACE);
        ref.put("name", name);
        return ref;
    }

    private static Map<String, Object> metadata(String name, String namespace, Map<String, String> labels) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        if (!labels.isEmpty()) {
            metadata.put("labels", new LinkedHashMap<>(labels));
        }
        return metadata;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
