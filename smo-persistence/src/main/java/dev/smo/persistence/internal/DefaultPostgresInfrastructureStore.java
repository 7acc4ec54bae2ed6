package dev.smo.persistence.internal;

import dev.smo.core.ClusterProvision;
import dev.smo.core.NfvclCluster;
import dev.smo.core.NfvclClusterChangedException;
import dev.smo.core.NfvclClusterNotFoundException;
import dev.smo.core.Vim;
import dev.smo.core.VimAlreadyExistsException;
import dev.smo.core.spi.InfrastructureStore;
import dev.smo.persistence.UnableToAccessDatabaseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** The VIM and NFVCL cluster repository on Jdbi; passwords sealed by a {@link Sealer}. */
public final class DefaultPostgresInfrastructureStore implements InfrastructureStore {

    private final Jdbi jdbi;
    private final Sealer sealer;
    private final Clock clock;

    public DefaultPostgresInfrastructureStore(DataSource dataSource, byte[] key, Clock clock) {
        this.jdbi = Jdbi.create(dataSource);
        this.sealer = new Sealer(key);
        this.clock = clock;
    }

    @Override
    public Vim insertVim(Vim vim, Optional<String> password) {
        Objects.requireNonNull(vim, "vim");
        Objects.requireNonNull(password, "password");
        byte[] sealed = password.map(p -> sealer.seal(p, vim.nfvclName())).orElse(null);
        Instant now = now();
        return run(
                "store VIM (" + vim.name() + ")",
                () -> jdbi.inTransaction(h -> {
                    long id = VimRows.insert(h, vim, sealed, now)
                            .orElseThrow(() -> new VimAlreadyExistsException(vim.name()));
                    return VimRows.byId(h, id).orElseThrow();
                }));
    }

    @Override
    public Optional<Vim> vim(long id) {
        return read("read VIM (" + id + ")", h -> VimRows.byId(h, id));
    }

    @Override
    public Optional<Vim> vimNamed(String name) {
        Objects.requireNonNull(name, "name");
        return read("read VIM (" + name + ")", h -> VimRows.byName(h, name));
    }

    @Override
    public List<Vim> vims(OptionalInt popArea) {
        Objects.requireNonNull(popArea, "popArea");
        return read("list VIMs", h -> VimRows.list(h, popArea));
    }

    @Override
    public Optional<String> vimPassword(long id) {
        return read("read the password of VIM (" + id + ")", h -> VimRows.sealedPassword(h, id))
                .map(e -> sealer.open(e.getValue(), e.getKey()));
    }

    @Override
    public boolean deleteVim(long id) {
        return write("delete VIM (" + id + ")", h -> VimRows.delete(h, id));
    }

    @Override
    public NfvclCluster insertCluster(NfvclCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        Instant now = now();
        return write("store cluster (" + cluster.smoId() + ")", h -> {
            if (!NfvclClusterRows.insert(h, cluster, now)) {
                throw new IllegalArgumentException("Cluster (" + cluster.smoId() + ") or its blueprint ("
                        + cluster.nfvclId().orElse("none") + ") is already stored.");
            }
            return NfvclClusterRows.byId(h, cluster.smoId()).orElseThrow();
        });
    }

    @Override
    public NfvclCluster updateCluster(NfvclCluster cluster) {
        Objects.requireNonNull(cluster, "cluster");
        Instant now = now();
        return write("update cluster (" + cluster.smoId() + ")", h -> {
            if (NfvclClusterRows.update(h, cluster, now).isEmpty()) {
                throw conflict(h, cluster.smoId(), cluster.version());
            }
            return NfvclClusterRows.byId(h, cluster.smoId()).orElseThrow();
        });
    }

    @Override
    public Optional<NfvclCluster> cluster(String smoId) {
        Objects.requireNonNull(smoId, "smoId");
        return read("read cluster (" + smoId + ")", h -> NfvclClusterRows.byId(h, smoId));
    }

    @Override
    public List<NfvclCluster> clusters(OptionalInt popArea) {
        Objects.requireNonNull(popArea, "popArea");
        return read("list clusters", h -> NfvclClusterRows.list(h, popArea));
    }

    @Override
    public void deleteCluster(String smoId, long version) {
        Objects.requireNonNull(smoId, "smoId");
        write("delete cluster (" + smoId + ")", h -> {
            if (!NfvclClusterRows.delete(h, smoId, version)) {
                throw conflict(h, smoId, version);
            }
            return null;
        });
    }

    @Override
    public ClusterProvision insertProvision(ClusterProvision provision) {
        Objects.requireNonNull(provision, "provision");
        Instant now = now();
        return write("store the provisioning of cluster (" + provision.smoId() + ")", h -> {
            if (!ProvisionRows.insert(h, provision, now)) {
                throw new IllegalArgumentException("Cluster (" + provision.smoId() + ") already has a provisioning.");
            }
            return ProvisionRows.byId(h, provision.smoId()).orElseThrow();
        });
    }

    @Override
    public ClusterProvision updateProvision(ClusterProvision provision) {
        Objects.requireNonNull(provision, "provision");
        Instant now = now();
        return write("update the provisioning of cluster (" + provision.smoId() + ")", h -> {
            if (!ProvisionRows.update(h, provision, now)) {
                throw new NfvclClusterChangedException(provision.smoId(), provision.version());
            }
            return ProvisionRows.byId(h, provision.smoId()).orElseThrow();
        });
    }

    @Override
    public List<ClusterProvision> provisions(String graph) {
        return read("list provisionings", h -> ProvisionRows.list(h, graph));
    }

    private static RuntimeException conflict(Handle h, String smoId, long version) {
        return NfvclClusterRows.byId(h, smoId).isPresent()
                ? new NfvclClusterChangedException(smoId, version)
                : new NfvclClusterNotFoundException(smoId);
    }

    private <R> R write(String action, HandleCallback<R, RuntimeException> callback) {
        return run(action, () -> jdbi.inTransaction(callback));
    }

    private <R> R read(String action, HandleCallback<R, RuntimeException> callback) {
        return run(action, () -> jdbi.withHandle(callback));
    }

    private static <R> R run(String action, Supplier<R> work) {
        try {
            return work.get();
        } catch (JdbiException e) {
            throw new UnableToAccessDatabaseException(
                    "PostgreSQL failed to " + action + ": " + Exceptions.rootMessage(e), e);
        }
    }

    private Instant now() {
        return Sql.micros(clock.instant());
    }
}
