package dev.smo.server.config;

import dev.smo.karmada.artifact.ArtifactConfig;
import dev.smo.nfvcl.NfvclConfig;
import dev.smo.server.HttpSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything the server reads from its environment, parsed and checked once at start-up, one part per concern.
 * Each adapter's part is that adapter's own configuration type, so composing the server maps nothing twice.
 *
 * @param listen where the HTTP server listens
 * @param http the HTTP layer's settings (token, body limit)
 * @param home SMO's home directory ({@code SMO_HOME}, default {@code ~/.smo}); holds the embedded database
 * @param database the database to use; empty means the embedded PostgreSQL under {@code home}
 * @param deployment where graphs are deployed: Karmada, or a dry run over a clusters file
 * @param artifacts how OCI registries are reached, for HDAG artifacts and (through {@code deployment}) charts
 * @param observability metrics for scaling, alerting rules and dashboards
 * @param nfvcl the NFVCL ({@code NFVCL_BASE_URL}, {@code NFVCL_USERNAME}, {@code NFVCL_PASSWORD}), optional
 * @param nfvclSyncInterval period of the background sync of busy NFVCL clusters ({@code NFVCL_SYNC_INTERVAL_S});
 *        zero turns it off
 * @param provisioning the provisioning loop's timeout, period and automatic policy ({@code SMO_PROVISION_TIMEOUT_S},
 *        {@code SMO_PROVISION_INTERVAL_S}, {@code SMO_PROVISION_AUTO}); it runs with an NFVCL and Karmada
 * @param sealingKey base64 AES-256 key sealing stored VIM passwords ({@code SMO_SEALING_KEY}); empty means the key
 *        file {@code sealing.key} under {@code home}, generated with 0600 permissions on first use
 * @param resourceTable a YAML file overriding the resource level table ({@code SMO_RESOURCE_TABLE}), optional
 * @param embeddedFastUnsafe whether the embedded database runs without fsync ({@code SMO_EMBEDDED_FAST_UNSAFE} or
 *        {@code serve --fast-unsafe}; tests only)
 * @param replicas this replica's id and the lease's time to live, for several replicas on one database
 */
public record ServerConfig(
        Listen listen,
        HttpSettings http,
        Path home,
        Optional<DatabaseSettings> database,
        DeploymentSettings deployment,
        ArtifactConfig artifacts,
        ObservabilitySettings observability,
        Optional<NfvclConfig> nfvcl,
        java.time.Duration nfvclSyncInterval,
        dev.smo.core.Provisioning.Settings provisioning,
        Optional<String> sealingKey,
        Optional<Path> resourceTable,
        boolean embeddedFastUnsafe,
        ReplicaSettings replicas) {

    /**
     * Where the HTTP server listens.
     *
     * @param port HTTP port ({@code SMO_PORT}, default 8000; 0 picks a free one)
     * @param bindHost address to bind ({@code SMO_BIND}, default 127.0.0.1)
     */
    public record Listen(int port, String bindHost) {

        /** @return whether the server only listens on the loopback interface */
        public boolean loopbackOnly() {
            return bindHost.equals("127.0.0.1") || bindHost.equals("localhost") || bindHost.equals("::1");
        }
    }

    /**
     * How to reach PostgreSQL.
     *
     * @param jdbcUrl JDBC URL with every parameter the operator wrote but user and password
     * @param user user name, or {@code null} for the driver's default
     * @param password password, or {@code null}
     */
    public record DatabaseSettings(String jdbcUrl, String user, String password) {

        @Override
        public String toString() {
            return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password="
                    + (password == null ? "none" : "***") + "]";
        }
    }

    /** @return a copy listening on this port */
    public ServerConfig withPort(int port) {
        return new ServerConfig(
                new Listen(port, listen.bindHost()),
                http,
                home,
                database,
                deployment,
                artifacts,
                observability,
                nfvcl,
                nfvclSyncInterval,
                provisioning,
                sealingKey,
                resourceTable,
                embeddedFastUnsafe,
                replicas);
    }

    @Override
    public String toString() {
        return "ServerConfig[listen=" + listen + ", home=" + home + ", database="
                + database.map(DatabaseSettings::toString).orElse("embedded") + ", apiToken="
                + (http.apiToken().isPresent() ? "***" : "none") + ", deployment=" + deployment + ", observability="
                + observability + ", nfvcl=" + nfvcl.orElse(null) + ", sealingKey="
                + (sealingKey.isPresent() ? "***" : "file") + ", replicas=" + replicas + "]";
    }
}
