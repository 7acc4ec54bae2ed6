package dev.smo.core.spi;

import java.util.Objects;

/**
 * What Helm reports of a release.
 *
 * @param namespace the release's namespace
 * @param release the release name
 * @param revision Helm revision, 1 after the first install
 * @param state Helm's status, e.g. {@code deployed}, {@code failed}, {@code pending-install}
 * @param chart the chart reference the release was made from
 */
public record ReleaseStatus(String namespace, String release, int revision, String state, String chart) {

    public ReleaseStatus {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(release, "release");
        Objects.requireNonNull(state, "state");
    }

    /** @return whether Helm reports the release as {@code deployed} */
    public boolean deployed() {
        return "deployed".equals(state);
    }
}
