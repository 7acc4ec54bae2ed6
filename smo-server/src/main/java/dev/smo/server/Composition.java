package dev.smo.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.smo.common.SmoException;
import dev.smo.core.Infrastructure;
import dev.smo.core.Orchestrator;
import dev.smo.core.OrchestratorBuilder;
import dev.smo.core.Provisioning;
import dev.smo.core.spi.GraphStore;
import dev.smo.core.spi.InfrastructureStore;
import dev.smo.core.spi.Leadership;
import dev.smo.intent.ResourceTable;
import dev.smo.karmada.KarmadaMembers;
import dev.smo.nfvcl.NfvclClient;
import dev.smo.nfvcl.NfvclConfig;
import dev.smo.persistence.Databases;
import dev.smo.persistence.EmbeddedDatabase;
import dev.smo.persistence.PooledDataSource;
import dev.smo.persistence.PostgresGraphStore;
import dev.smo.persistence.PostgresInfrastructureStore;
import dev.smo.persistence.PostgresLeadership;
import dev.smo.persistence.PostgresProfileStore;
import dev.smo.persistence.SealingKey;
import dev.smo.server.config.ConfigException;
import dev.smo.server.config.ReplicaSettings;
import dev.smo.server.config.ServerConfig;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Builds the orchestrator a server runs from its configuration: the store (PostgreSQL, or an embedded PostgreSQL
 * under SMO's home), the cluster inventory (Karmada, or a clusters file), the deployer (Helm through Karmada, or
 * a dry run), and the artifact fetcher. Closing it closes everything it opened, in reverse order.
 */
public final class Composition implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Composition.class.getName());

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final Orchestrator orchestrator;
    private final Optional<Infrastructure> infrastructure;
    private final Optional<Provisioning> provisioning;
    private InfrastructureStore infrastructureStore;
    private final String description;

    /** Period of the background reconcile. */
    static final java.time.Duration RECONCILE_INTERVAL = java.time.Duration.ofSeconds(5);

    private Composition(ServerConfig config) {
        StringBuilder what = new StringBuilder();
        try {
            DataSource dataSource = dataSource(config, what);
            GraphStore store = PostgresGraphStore.create(dataSource);
            ReplicaSettings replicas = config.replicas();
            Leadership leadership = PostgresLeadership.start(dataSource, replicas.replica(), replicas.leaseTtl());
            opened.push(leadership);
            what.append("replica: ")
                    .append(replicas.replica())
                    .append(", lease ")
                    .append(replicas.leaseTtl().toSeconds())
                    .append(" s, ")
                    .append(
                            leadership.epoch().isPresent()
                                    ? "leading at epoch " + leadership.epoch().getAsLong()
                                    : "another replica leads")
                    .append('\n');
            // Work a failed step left recorded (the database or a cluster was away) is finished without a restart.
            OrchestratorBuilder builder = Orchestrator.builder()
                    .store(store)
                    .profiles(PostgresProfileStore.create(dataSource))
                    .leadership(leadership)
                    .reconcileInterval(RECONCILE_INTERVAL);
            Adapters.wire(config, builder, opened, what);
            if (config.resourceTable().isPresent()) {
                builder.resourceTable(resourceTable(config.resourceTable().get()));
                what.append("resource levels: ")
                        .append(config.resourceTable().get())
                        .append('\n');
            }
            this.orchestrator = builder.build();
            opened.push(orchestrator);
            this.infrastructure = infrastructure(config, dataSource, what);
            followClusters(config, what);
            this.provisioning = provisioning(config, store, what);
            this.description = what.toString();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * @param config the server configuration
     * @return the composed orchestrator and what it was composed of
     */
    public static Composition open(ServerConfig config) {
        return new Composition(config);
    }

    /** @return the orchestrator */
    public Orchestrator orchestrator() {
        return orchestrator;
    }

    /** @return the VIMs and NFVCL clusters, when an NFVCL is configured */
    public Optional<Infrastructure> infrastructure() {
        return infrastructure;
    }

    /** @return the provisioning loop, when an NFVCL and Karmada are configured */
    public Optional<Provisioning> provisioning() {
        return provisioning;
    }

    /** @return one line per part: which store, inventory, deployer, ... */
    public String description() {
        return description;
    }

    private Optional<Provisioning> provisioning(ServerConfig config, GraphStore graphs, StringBuilder what) {
        if (infrastructure.isEmpty() || config.deployment().karmada().isEmpty()) {
            what.append("provisioning: off (needs NFVCL_BASE_URL and KARMADA_KUBECONFIG)\n");
            return Optional.empty();
        }
        Provisioning.Settings settings = config.provisioning();
        Provisioning loop = Provisioning.create(
                orchestrator,
                graphs,
                infrastructure.get(),
                infrastructureStore,
                KarmadaMembers.connect(config.deployment().karmada().get()),
                settings);
        opened.push(loop);
        loop.start();
        what.append("provisioning: NFVCL clusters joined to Karmada in push mode, ready within ")
                .append(settings.timeout().toSeconds())
                .append(" s, on the leader every ")
                .append(settings.interval().toSeconds())
                .append(" s")
                .append(settings.auto() ? ", automatic (SMO_PROVISION_AUTO)" : ", on request (?provision=true)")
                .append('\n');
        return Optional.of(loop);
    }

    private Optional<Infrastructure> infrastructure(ServerConfig config, DataSource source, StringBuilder what) {
        if (config.nfvcl().isEmpty()) {
            what.append("nfvcl: none (set NFVCL_BASE_URL for the /vims and /os_k8s routes)\n");
            return Optional.empty();
        }
        NfvclConfig nfvcl = config.nfvcl().get();
        SealingKey key;
        try {
            key = config.sealingKey()
                    .map(SealingKey::fromBase64)
                    .orElseGet(() -> SealingKey.fromFile(config.home().resolve("sealing.key")));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(List.of("SMO_SEALING_KEY: " + e.getMessage()));
        }
        what.append("nfvcl: ")
                .append(nfvcl.baseUrl())
                .append(nfvcl.user() == null ? "" : " as " + nfvcl.user())
                .append(", VIM passwords sealed with ")
                .append(
                        config.sealingKey().isPresent()
                                ? "SMO_SEALING_KEY"
                                : config.home().resolve("sealing.key"))
                .append('\n');
        infrastructureStore = PostgresInfrastructureStore.create(source, key);
        return Optional.of(Infrastructure.create(NfvclClient.create(nfvcl), infrastructureStore));
    }

    private void followClusters(ServerConfig config, StringBuilder what) {
        if (infrastructure.isEmpty()) {
            return;
        }
        if (config.nfvclSyncInterval().isZero()) {
            what.append("nfvcl sync: off (clusters move on with POST /os_k8s/sync/nfvcl_k8s)\n");
            return;
        }
        opened.push(ClusterSyncLoop.start(infrastructure.get(), config.nfvclSyncInterval(), orchestrator.leadership()));
        what.append("nfvcl sync: every ")
                .append(config.nfvclSyncInterval().toSeconds())
                .append(" s while a cluster is busy, on the leader\n");
    }

    private DataSource dataSource(ServerConfig config, StringBuilder what) {
        if (config.database().isPresent()) {
            ServerConfig.DatabaseSettings db = config.database().get();
            PooledDataSource source = Databases.fromUrl(db.jdbcUrl(), db.user(), db.password());
            opened.push(source);
            what.append("store: PostgreSQL ").append(db.jdbcUrl()).append('\n');
            return source;
        }
        Path data = config.home().resolve("pgdata");
        EmbeddedDatabase embedded = config.embeddedFastUnsafe()
                ? EmbeddedDatabase.startFastUnsafe(data, 0)
                : EmbeddedDatabase.start(data, 0);
        opened.push(embedded);
        what.append("store: embedded PostgreSQL in ")
                .append(embedded.dataDirectory())
                .append(config.embeddedFastUnsafe() ? " (fast-unsafe: no fsync, for tests only)" : "")
                .append('\n');
        return embedded.dataSource();
    }

    /**
     * Reads a YAML resource table such as {@code cpu: {xlarge: "16"}} over the defaults.
     *
     * @param file the YAML file
     * @return the defaults with the file's levels added or replaced
     * @throws ConfigException when the file cannot be read or holds no usable table
     */
    @SuppressWarnings("unchecked")
    public static ResourceTable resourceTable(Path file) {
        try {
            Object yaml = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
            if (!(yaml instanceof Map<?, ?> map)) {
                throw new ConfigException(List.of("SMO_RESOURCE_TABLE (" + file + ") is not a mapping of "
                        + "resources to levels, e.g. cpu: {xlarge: \"16\"}."));
            }
            return ResourceTable.fromMap((Map<String, ?>) map);
        } catch (IOException e) {
            throw new ConfigException(List.of("SMO_RESOURCE_TABLE (" + file + ") cannot be read: " + e.getMessage()));
        } catch (IllegalArgumentException | SmoException e) {
            throw new ConfigException(List.of("SMO_RESOURCE_TABLE (" + file + "): " + e.getMessage()));
        }
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Closing failed: " + e.getMessage());
            }
        }
    }
}
