package dev.smo.observability.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smo.core.AlertRule;
import dev.smo.core.SmoIntegrationException;
import dev.smo.core.spi.AlertRuleStore;
import dev.smo.observability.PrometheusOperatorConfig;
import dev.smo.observability.PrometheusRuleObjects;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CustomObjectsApi;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** PrometheusRule objects as generic JSON through {@link CustomObjectsApi}: one object per group. */
public final class DefaultPrometheusRuleObjects implements AlertRuleStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrometheusOperatorConfig config;
    private final CustomObjectsApi api;

    /**
     * @param config the namespace and labels
     * @param client the Kubernetes API client
     */
    public DefaultPrometheusRuleObjects(PrometheusOperatorConfig config, ApiClient client) {
        this.config = Objects.requireNonNull(config, "config");
        this.api = new CustomObjectsApi(Objects.requireNonNull(client, "client"));
        RuleNames.objectName(config.namespace(), "PrometheusRule namespace");
    }

    @Override
    public void replace(String namespace, String group, List<AlertRule> rules) {
        Objects.requireNonNull(rules, "rules");
        RuleNames.objectName(group, "group");
        for (int attempt = 1; ; attempt++) {
            try {
                if (rules.isEmpty()) {
                    delete(group);
                } else {
                    upsert(namespace, group, rules);
                }
                return;
            } catch (ApiException e) {
                if (e.getCode() == 409 && attempt == 1) {
                    continue; // someone wrote the object between our read and our write: read it again
                }
                throw new SmoIntegrationException(
                        "PrometheusRule (" + config.namespace() + "/" + group + ") not "
                                + (rules.isEmpty() ? "deleted" : "written") + ": " + describe(e) + hint(e),
                        e);
            }
        }
    }

    private void upsert(String namespace, String group, List<AlertRule> rules) throws ApiException {
        Map<String, Object> body = object(namespace, group, rules);
        Map<?, ?> existing = get(group);
        if (existing == null) {
            api.createNamespacedCustomObject(
                            PrometheusRuleObjects.GROUP,
                            PrometheusRuleObjects.VERSION,
                            config.namespace(),
                            PrometheusRuleObjects.PLURAL,
                            body)
                    .execute();
            return;
        }
        requireOurs(existing, group);
        Object resourceVersion = metadata(existing).get("resourceVersion");
        if (resourceVersion != null) {
            metadata(body).put("resourceVersion", resourceVersion);
        }
        api.replaceNamespacedCustomObject(
                        PrometheusRuleObjects.GROUP,
                        PrometheusRuleObjects.VERSION,
                        config.namespace(),
                        PrometheusRuleObjects.PLURAL,
                        group,
                        body)
                .execute();
    }

    private void delete(String group) throws ApiException {
        Map<?, ?> existing = get(group);
        if (existing == null) {
            return;
        }
        requireOurs(existing, group);
        try {
            api.deleteNamespacedCustomObject(
                            PrometheusRuleObjects.GROUP,
                            PrometheusRuleObjects.VERSION,
                            config.namespace(),
                            PrometheusRuleObjects.PLURAL,
                            group)
                    .execute();
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw e;
            }
        }
    }

    /** @return the object, or {@code null} when it does not exist */
    private Map<?, ?> get(String group) throws ApiException {
        try {
            Object o = api.getNamespacedCustomObject(
                            PrometheusRuleObjects.GROUP,
                            PrometheusRuleObjects.VERSION,
                            config.namespace(),
                            PrometheusRuleObjects.PLURAL,
                            group)
                    .execute();
            return o instanceof Map<?, ?> map ? map : Map.of();
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    private void requireOurs(Map<?, ?> existing, String group) {
        Object labels = metadata(existing).get("labels");
        if (!(labels instanceof Map<?, ?> map) || !"smo".equals(map.get(PrometheusRuleObjects.MANAGED_BY))) {
            throw new SmoIntegrationException("PrometheusRule (" + config.namespace() + "/" + group + ") exists but"
                    + " was not created by SMO (no label " + PrometheusRuleObjects.MANAGED_BY
                    + "=smo); SMO leaves it alone.\nMaybe rename"
                    + " or delete that object, or use another namespace for SMO's rules.");
        }
    }

    private Map<String, Object> object(String namespace, String group, List<AlertRule> rules) {
        Map<String, Object> labels = new LinkedHashMap<>(config.labels());
        labels.put(PrometheusRuleObjects.MANAGED_BY, "smo");
        labels.put("smo.dev/namespace", namespace);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", group);
        metadata.put("namespace", config.namespace());
        metadata.put("labels", labels);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", PrometheusRuleObjects.GROUP + "/" + PrometheusRuleObjects.VERSION);
        body.put("kind", "PrometheusRule");
        body.put("metadata", metadata);
        body.put("spec", Map.of("groups", List.of(RuleGroups.group(group, rules))));
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> metadata(Map<?, ?> object) {
        Object metadata = object.get("metadata");
        return metadata instanceof Map<?, ?> map ? (Map<Object, Object>) map : new LinkedHashMap<>();
    }

    /** @return "HTTP 500: <the Status message>", or the I/O failure when no response came back */
    static String describe(ApiException e) {
        if (e.getCode() == 0) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + ": " + cause.getMessage() + ".";
        }
        String body = e.getResponseBody();
        String message = null;
        if (body != null && !body.isBlank()) {
            try {
                JsonNode json = JSON.readTree(body);
                message =
                        json.path("message").isTextual() ? json.path("message").asText() : null;
            } catch (IOException notJson) {
                // Not a Status object: the raw body is the best message there is.
            }
            if (message == null) {
                message = body.length() > 500 ? body.substring(0, 500) + "..." : body.strip();
            }
        } else {
            message = e.getMessage() == null ? "(no message)" : e.getMessage();
        }
        return "HTTP " + e.getCode() + ": " + message + (message.endsWith(".") ? "" : ".");
    }

    private static String hint(ApiException e) {
        return switch (e.getCode()) {
            case 401, 403 ->
                "\nMaybe SMO's service account may not write prometheusrules.monitoring.coreos.com in"
                        + " that namespace.";
            case 404 -> "\nMaybe the Prometheus Operator's CRDs are not installed, or the namespace does not exist.";
            default -> "";
        };
    }
}
