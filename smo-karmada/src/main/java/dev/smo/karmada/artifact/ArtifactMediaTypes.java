package dev.smo.karmada.artifact;

/**
 * The media types SMO writes when it pushes an HDAG artifact, and the foreign ones it recognises when it pulls.
 *
 * <p>A pushed artifact is an OCI image manifest ({@value #OCI_MANIFEST}) with artifact type {@value #HDAG_ARTIFACT},
 * a small JSON config ({@value #HDAG_CONFIG}: {@code {"id":…,"version":…}}) and one layer: either a gzipped tar of
 * the descriptor directory ({@value #TAR_GZIP_LAYER}) or the bare descriptor file ({@value #HDAG_DESCRIPTOR_LAYER}).
 * Pulling does not depend on these: any layer that is a tar, a gzipped tar or a plain file is unpacked.
 */
public final class ArtifactMediaTypes {

    /** Artifact type of an HDAG artifact pushed by SMO. */
    public static final String HDAG_ARTIFACT = "application/vnd.nephele.hdag.v1+json";

    /** Config blob of an HDAG artifact: JSON with the graph's {@code id} and {@code version}. */
    public static final String HDAG_CONFIG = "application/vnd.nephele.hdag.config.v1+json";

    /** Layer holding a bare descriptor file (YAML). */
    public static final String HDAG_DESCRIPTOR_LAYER = "application/vnd.nephele.hdag.descriptor.v1+yaml";

    /** Layer holding a gzipped tar of the descriptor directory, like {@code hdarctl package tar hdag/}. */
    public static final String TAR_GZIP_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    /** The OCI image manifest. */
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    /** Config of a Helm chart; an artifact with this config is a chart, not an HDAG. */
    public static final String HELM_CONFIG = "application/vnd.cncf.helm.config.v1+json";

    /** Layer of a Helm chart. */
    public static final String HELM_CHART_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    /** The annotation naming a layer's file, as ORAS and Helm write it. */
    public static final String TITLE_ANNOTATION = "org.opencontainers.image.title";

    private ArtifactMediaTypes() {}
}
