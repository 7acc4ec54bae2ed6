package dev.smo.core.internal;

import dev.smo.core.ClusterRequest;
import dev.smo.core.ClusterSync;
import dev.smo.core.IllegalTransitionException;
import dev.smo.core.Infrastructure;
import dev.smo.core.NfvclCluster;
import dev.smo.core.NfvclCluster.Status;
import dev.smo.core.NfvclClusterNotFoundException;
import dev.smo.core.NfvclException;
import dev.smo.core.Vim;
import dev.smo.core.VimAlreadyExistsException;
import dev.smo.core.VimNotFoundException;
import dev.smo.core.VimSync;
import dev.smo.core.spi.InfrastructureStore;
import dev.smo.core.spi.Nfvcl;
import dev.smo.core.spi.Nfvcl.Blueprint;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The VIM and NFVCL cluster service; the convergence of stored clusters lives in {@link ClusterConvergence}. */
public final class DefaultInfrastructure implements Infrastructure {

    private static final System.Logger LOG = System.getLogger(DefaultInfrastructure.class.getName());
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final Nfvcl nfvcl;
    private final InfrastructureStore store;
    private final ClusterConvergence convergence;
    private final SecureRandom random = new SecureRandom();

    public DefaultInfrastructure(Nfvcl nfvcl, InfrastructureStore store) {
        this.nfvcl = nfvcl;
        this.store = store;
        this.convergence = new ClusterConvergence(nfvcl, store, this::newSmoId);
    }

    @Override
    public Vim registerVim(Nfvcl.VimSpec spec) {
        if (store.vimNamed(spec.name()).isPresent()
                || store.vimNamed(Vim.nfvclName(spec.name())).isPresent()) {
            throw new VimAlreadyExistsException(spec.name());
        }
        Nfvcl.NfvclVim registered = register(spec);
        Vim vim = store.insertVim(
                new Vim(
                        0,
                        spec.name(),
                        registered.name(),
                        spec.area(),
                        spec.url(),
                        spec.user(),
                        List.of(spec.managementNetwork(), spec.serviceNetwork()),
                        spec.insecure(),
                        spec.useFloatingIp(),
                        null,
                        null),
                Optional.of(spec.password()));
        LOG.log(Level.INFO, "VIM (" + vim.name() + ") of pop area " + vim.popArea() + " registered with the NFVCL.");
        return vim;
    }

    @Override
    public List<Vim> vims(OptionalInt popArea) {
        return store.vims(popArea);
    }

    @Override
    public Vim vim(long id) {
        return store.vim(id).orElseThrow(() -> new VimNotFoundException(String.valueOf(id)));
    }

    @Override
    public Vim deleteVim(long id) {
        Vim vim = vim(id);
        List<String> users = store.clusters(OptionalInt.of(vim.popArea())).stream()
                .filter(c -> c.vimName().equals(vim.name()) && c.status() != Status.DELETING)
                .map(NfvclCluster::smoId)
                .toList();
        if (!users.isEmpty()) {
            throw new IllegalTransitionException("VIM (" + vim.name() + ") still runs clusters " + users
                    + ".\nMaybe delete them first: DELETE /os_k8s/cluster/{smo_id}.");
        }
        nfvcl.deleteVim(vim.nfvclName());
        store.deleteVim(id);
        LOG.log(Level.INFO, "VIM (" + vim.name() + ") deleted.");
        return vim;
    }

    @Override
    public VimSync syncVims() {
        List<Nfvcl.NfvclVim> remote = nfvcl.vims();
        Set<String> remoteNames = new HashSet<>();
        List<Vim> added = new ArrayList<>();
        for (Nfvcl.NfvclVim r : remote) {
            remoteNames.add(r.name());
            if (store.vimNamed(r.name()).isPresent()) {
                continue;
            }
            if (r.areas().isEmpty()) {
                LOG.log(Level.WARNING, "NFVCL VIM (" + r.name() + ") serves no pop area; not imported.");
                continue;
            }
            added.add(store.insertVim(
                    new Vim(
                            0,
                            r.name(),
                            r.name(),
                            r.areas().get(0),
                            r.url(),
                            "",
                            r.networks().stream()
                                    .map(n -> new Nfvcl.Network(n, null, null))
                                    .toList(),
                            false,
                            r.useFloatingIp(),
                            null,
                            null),
                    Optional.empty()));
        }
        List<Vim> reregistered = new ArrayList<>();
        List<Vim> missing = new ArrayList<>();
        for (Vim vim : store.vims(OptionalInt.empty())) {
            if (remoteNames.contains(vim.nfvclName())) {
                continue;
            }
            Optional<Nfvcl.VimSpec> spec = respec(vim);
            if (spec.isPresent()) {
                register(spec.get());
                reregistered.add(vim);
                LOG.log(Level.INFO, "VIM (" + vim.name() + ") was missing from the NFVCL; registered again.");
            } else {
                missing.add(vim);
            }
        }
        return new VimSync(added, reregistered, missing);
    }

    /**
     * Registers a VIM, keeping its password out of the failure: an NFVCL's validation answer (pydantic's 422)
     * echoes the input it refused, and the message reaches answers and logs.
     */
    private Nfvcl.NfvclVim register(Nfvcl.VimSpec spec) {
        try {
            return nfvcl.registerVim(spec);
        } catch (NfvclException e) {
            String message = String.valueOf(e.getMessage());
            if (spec.password().isEmpty() || !message.contains(spec.password())) {
                throw e;
            }
            NfvclException redacted = new NfvclException(e.status(), message.replace(spec.password(), "***"), null);
            redacted.setStackTrace(e.getStackTrace());
            throw redacted;
        }
    }

    /** @return the registration of a stored VIM, when SMO has everything it takes (password, networks) */
    private Optional<Nfvcl.VimSpec> respec(Vim vim) {
        if (vim.networks().size() < 2
                || vim.networks().stream().anyMatch(n -> n.cidr() == null || n.gateway() == null)) {
            return Optional.empty();
        }
        return store.vimPassword(vim.id())
                .map(password -> new Nfvcl.VimSpec(
                        vim.name(),
                        vim.url(),
                        vim.user(),
                        password,
                        vim.insecure(),
                        vim.useFloatingIp(),
                        vim.popArea(),
                        vim.networks().get(0),
                        vim.networks().get(1)));
    }

    @Override
    public NfvclCluster createCluster(ClusterRequest request) {
        Vim vim = store.vimNamed(request.vimName()).orElseThrow(() -> new VimNotFoundException(request.vimName()));
        if (vim.popArea() != request.popArea()) {
            throw new IllegalArgumentException("VIM (" + vim.name() + ") serves pop area " + vim.popArea()
                    + ", not pop area " + request.popArea() + ".\nMaybe list the VIMs of pop area "
                    + request.popArea() + ": GET /vims/smo_vims?pop_area=" + request.popArea());
        }
        if (vim.managementNetwork().isEmpty() || vim.serviceNetwork().isEmpty()) {
            throw new IllegalArgumentException("VIM (" + vim.name() + ") has no management and service networks ("
                    + vim.networks().size() + " network(s)).");
        }
        NfvclCluster requested = store.insertCluster(new NfvclCluster(
                newSmoId(request.popArea()),
                Optional.empty(),
                request.popArea(),
                vim.name(),
                vim.managementNetwork().get(),
                vim.serviceNetwork().get(),
                request.masterFlavor(),
                request.workerFlavor(),
                request.workers(),
                Status.REQUESTED,
                Optional.empty(),
                Optional.empty(),
                null,
                null,
                0));
        return convergence.submit(requested);
    }

    @Override
    public NfvclCluster cluster(String smoId) {
        return store.cluster(smoId).orElseThrow(() -> new NfvclClusterNotFoundException(smoId));
    }

    @Override
    public List<NfvclCluster> clusters(OptionalInt popArea) {
        return store.clusters(popArea);
    }

    @Override
    public NfvclCluster deleteCluster(String smoId) {
        NfvclCluster cluster = cluster(smoId);
        if (cluster.nfvclId().isEmpty()) {
            store.deleteCluster(smoId, cluster.version());
            LOG.log(Level.INFO, "Cluster (" + smoId + ") had no blueprint; removed.");
            return cluster;
        }
        nfvcl.deleteCluster(cluster.nfvclId().get(), cluster.status() == Status.FAILED);
        LOG.log(
                Level.INFO,
                "Cluster (" + smoId + ", blueprint " + cluster.nfvclId().get() + ") is being deleted.");
        return store.updateCluster(cluster.withStatus(Status.DELETING, cluster.lastError())
                .withBlueprint(cluster.nfvclId(), Optional.empty()));
    }

    @Override
    public NfvclCluster scaleOut(String smoId, int workers) {
        if (workers < 1 || workers > ClusterRequest.MAX_WORKERS) {
            throw new IllegalArgumentException(
                    "Worker count (" + workers + ") is outside 1.." + ClusterRequest.MAX_WORKERS + ".");
        }
        NfvclCluster cluster = cluster(smoId);
        if (cluster.status() != Status.READY && cluster.status() != Status.JOINED) {
            throw new IllegalTransitionException("Cluster (" + smoId + ") is " + cluster.status()
                    + ", not READY: workers are added to a ready cluster only.\nMaybe sync it first: POST "
                    + "/os_k8s/sync/nfvcl_k8s");
        }
        String blueprint = cluster.nfvclId().orElseThrow();
        Optional<String> task = nfvcl.scaleOut(
                blueprint,
                new Nfvcl.ClusterSpec(
                        cluster.popArea(),
                        cluster.managementNetwork(),
                        cluster.serviceNetwork(),
                        workers,
                        Optional.empty(),
                        cluster.workerFlavor()));
        LOG.log(Level.INFO, "Cluster (" + smoId + "): " + workers + " worker(s) requested.");
        return store.updateCluster(
                cluster.withStatus(Status.DEPLOYING, Optional.empty()).withBlueprint(cluster.nfvclId(), task));
    }

    @Override
    public String kubeconfig(String smoId) {
        NfvclCluster cluster = cluster(smoId);
        String blueprint = cluster.nfvclId()
                .orElseThrow(() -> new IllegalTransitionException(
                        "Cluster (" + smoId + ") has no blueprint yet: the NFVCL has not accepted it."));
        return nfvcl.kubeconfig(blueprint);
    }

    @Override
    public NfvclCluster markJoined(String smoId) {
        NfvclCluster cluster = cluster(smoId);
        if (cluster.status() == Status.JOINED) {
            return cluster;
        }
        if (cluster.status() != Status.READY) {
            throw new IllegalTransitionException(
                    "Cluster (" + smoId + ") is " + cluster.status() + ", not READY: only a ready cluster joins.");
        }
        LOG.log(Level.INFO, "Cluster (" + smoId + ") is a Karmada member.");
        return store.updateCluster(cluster.withStatus(Status.JOINED, Optional.empty()));
    }

    @Override
    public ClusterSync syncClusters(OptionalInt popArea) {
        return convergence.sync(nfvcl.clusters(), popArea);
    }

    @Override
    public ClusterSync reconcile() {
        List<Blueprint> blueprints = nfvcl.clusters();
        convergence.resumeRequested(blueprints);
        return convergence.sync(nfvcl.clusters(), OptionalInt.empty());
    }

    private String newSmoId(int popArea) {
        StringBuilder id = new StringBuilder("OS_K8S_").append(popArea).append('_');
        for (int i = 0; i < 5; i++) {
            id.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return id.toString();
    }

    /** @return whether a failure means the NFVCL gave no answer, so the request may or may not have been applied */
    static boolean unanswered(NfvclException e) {
        return e.status() == 0;
    }
}
