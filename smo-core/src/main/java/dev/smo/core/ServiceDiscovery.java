package dev.smo.core;

import java.util.Locale;

/**
 * How services find the services they connect to across member clusters, which decides the objects their charts
 * render and the addresses SMO hands to clients in their values ({@code serviceEndpoints}).
 *
 * <p>In both modes a service whose clients all run beside it is imported nowhere, and a client on the same cluster
 * calls the service's own {@code <service>.<namespace>.svc.cluster.local}.
 */
public enum ServiceDiscovery {

    /**
     * Karmada's multi-cluster services: the chart's ServiceExport goes with the service, SMO names the clients'
     * clusters in {@code serviceImportClusters} for the chart's ServiceImport, and Karmada's ServiceImport
     * controller creates {@code derived-<service>} there, which clients on other clusters call.
     */
    KARMADA_MCS,

    /**
     * Submariner Lighthouse: the chart's ServiceExport only; Lighthouse writes the ServiceImports itself (a
     * hand-written one of the same name would conflict with it), so {@code serviceImportClusters} stays empty and
     * clients on other clusters call {@code <service>.<namespace>.svc.clusterset.local}.
     */
    LIGHTHOUSE;

    /**
     * @param text {@code karmada} (or {@code karmada-mcs}) or {@code lighthouse}, in any case
     * @return the mode
     * @throws IllegalArgumentException for any other text
     */
    public static ServiceDiscovery parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "karmada", "karmada-mcs", "karmada_mcs", "mcs" -> KARMADA_MCS;
            case "lighthouse", "submariner" -> LIGHTHOUSE;
            default ->
                throw new IllegalArgumentException("Unknown service discovery '" + text
                        + "'.\nMaybe use karmada (Karmada's multi-cluster services) or lighthouse (Submariner).");
        };
    }
}
