package dev.smo.observability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where SMO keeps its {@code PrometheusRule} objects for the Prometheus Operator.
 *
 * <p>The operator only loads the objects its Prometheus' {@code ruleSelector} (and {@code ruleNamespaceSelector})
 * match: with kube-prometheus-stack that is usually the label {@code release: <helm release name>}, which goes in
 * {@code labels}.
 *
 * @param kubeconfig kubeconfig of the cluster running the operator (its current context is used), or {@code null}
 *        when the caller passes its own {@code ApiClient}
 * @param namespace namespace of the objects (default {@value #DEFAULT_NAMESPACE})
 * @param labels extra labels on every object, e.g. {@code release: kube-prometheus-stack}; SMO always adds
 *        {@code app.kubernetes.io/managed-by: smo}
 * @param requestTimeout read timeout of each API call when SMO builds the client from the kubeconfig
 */
public record PrometheusOperatorConfig(
        Path kubeconfig, String namespace, Map<String, String> labels, Duration requestTimeout) {

    /** Namespace of the objects when none is given: {@value}. */
    public static final String DEFAULT_NAMESPACE = "monitoring";

    /** Read timeout of API calls when none is given: 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public PrometheusOperatorConfig {
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace;
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        labels.forEach((k, v) -> {
            Objects.requireNonNull(k, "label name");
            Objects.requireNonNull(v, "value of label " + k);
        });
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("The requestTimeout (" + requestTimeout + ") must be positive.");
        }
    }

    /**
     * @param kubeconfig kubeconfig of the operator's cluster
     * @return a config for namespace {@value #DEFAULT_NAMESPACE}, without extra labels
     */
    public static PrometheusOperatorConfig of(Path kubeconfig) {
        return new PrometheusOperatorConfig(kubeconfig, null, null, null);
    }

    /** @return a config for a caller-supplied {@code ApiClient}, namespace {@value #DEFAULT_NAMESPACE} */
    public static PrometheusOperatorConfig defaults() {
        return new PrometheusOperatorConfig(null, null, null, null);
    }

    /**
     * @param namespace namespace of the objects
     * @return a copy with this namespace
     */
    public PrometheusOperatorConfig withNamespace(String namespace) {
        return new PrometheusOperatorConfig(kubeconfig, namespace, labels, requestTimeout);
    }

    /**
     * @param labels extra labels, e.g. {@code Map.of("release", "kube-prometheus-stack")}
     * @return a copy with these labels
     */
    public PrometheusOperatorConfig withLabels(Map<String, String> labels) {
        return new PrometheusOperatorConfig(kubeconfig, namespace, labels, requestTimeout);
    }

    /**
     * @param requestTimeout read timeout of each API call
     * @return a copy with this timeout
     */
    public PrometheusOperatorConfig withRequestTimeout(Duration requestTimeout) {
        return new PrometheusOperatorConfig(kubeconfig, namespace, labels, requestTimeout);
    }
}
