package dev.smo.karmada.internal;

import dev.smo.core.spi.ReleaseSpec;
import io.kubernetes.client.openapi.ApiException;
import java.util.Map;

/**
 * Before a release whose values enable the charts' {@code serviceMonitor} option (top level, or under
 * {@code voChartOverwrite} for virtual objects): the ServiceMonitor is a template in karmada-apiserver, so the
 * Prometheus Operator's {@code servicemonitors.monitoring.coreos.com} CRD must be installed there, and the
 * namespace the values name for it must exist there (Karmada then propagates both). Otherwise Helm's own error
 * ({@code no matches for kind "ServiceMonitor"}) or a namespace refusal would come half-way through the install.
 */
final class ServiceMonitorCheck {

    static final KubeResource SERVICE_MONITORS = new KubeResource("monitoring.coreos.com", "v1", "servicemonitors");

    private final KubeApi karmada;

    ServiceMonitorCheck(KubeApi karmada) {
        this.karmada = karmada;
    }

    /**
     * @param spec the release
     * @throws DeployFailure when the option is on and karmada-apiserver lacks the CRD or the namespace
     */
    void check(ReleaseSpec spec) throws DeployFailure {
        Map<?, ?> monitor = option(spec.values());
        if (monitor == null || !"true".equalsIgnoreCase(String.valueOf(monitor.get("enabled")))) {
            return;
        }
        // Without a namespace in the values, the chart's own default applies, which SMO cannot know: only the API
        // is checked then (in the release's namespace).
        String named = monitor.get("namespace") instanceof String s && !s.isBlank() ? s : null;
        String namespace = named == null ? spec.namespace() : named;
        try {
            karmada.list(SERVICE_MONITORS, namespace, null);
        } catch (ApiException e) {
            if (e.getCode() != 404) {
                throw new DeployFailure(
                        "Cannot check for ServiceMonitors in karmada-apiserver: " + ApiErrors.describe(e),
                        ApiErrors.isTransient(e),
                        e);
            }
            throw new DeployFailure(
                    "Release (" + spec.release() + ") enables serviceMonitor, but karmada-apiserver has no "
                            + SERVICE_MONITORS + " API (the Prometheus Operator's CRD).\nMaybe apply the CRD "
                            + "monitoring.coreos.com_servicemonitors.yaml to karmada-apiserver, or turn "
                            + "serviceMonitor.enabled off.",
                    false,
                    e);
        }
        if (named == null) {
            return;
        }
        try {
            karmada.get(KubeResource.NAMESPACES, null, namespace);
        } catch (ApiException e) {
            throw new DeployFailure(
                    e.getCode() == 404
                            ? "Release (" + spec.release() + ") puts its ServiceMonitor in namespace (" + namespace
                                    + "), which karmada-apiserver does not have.\nMaybe create it there (Karmada "
                                    + "propagates it to the members) or set serviceMonitor.namespace."
                            : "Cannot read namespace (" + namespace + "): " + ApiErrors.describe(e),
                    e.getCode() != 404 && ApiErrors.isTransient(e),
                    e);
        }
    }

    private static Map<?, ?> option(Map<String, Object> values) {
        if (values.get("serviceMonitor") instanceof Map<?, ?> m) {
            return m;
        }
        if (values.get("voChartOverwrite") instanceof Map<?, ?> vo && vo.get("serviceMonitor") instanceof Map<?, ?> m) {
            return m;
        }
        return null;
    }
}
